import { CypherArgumentError, CypherSemanticError, Status } from '../../errors/index.js';
import type { CreateOp, CreateSpec } from '../../planner/index.js';
import type { CypherMap, CypherValue } from '../../values/index.js';
import { dynamicLabelNames } from '../expressions/label-check.js';
import type { Evaluator } from '../expressions/compile-scope.js';
import type { Row } from '../runtime/row.js';
import { nodeRef } from './entity-refs.js';
import type { BuildContext, Operator } from './operator.js';
import { buildPathValue } from './project-path.js';
import { PropertyKeyTokens } from './property-key-tokens.js';
import { createEntries, propertyMapOf } from './property-writes.js';
import { compileLabelNames } from './label-names.js';

/** A compiled create pattern: creates its nodes and relationships for one row, in a copy of it. */
export type RowCreate = (row: Row) => Row;

/**
 * What a created node or relationship costs the transaction's write set (its record, adjacency entries
 * and label tokens; the properties are counted by `createEntries`), held until the transaction ends.
 */
const ENTITY_WRITE_BYTES = 160;

/** The properties of a pattern without a map: shared, since nothing writes to a map once it is built. */
const NO_PROPERTIES: CypherMap = Object.freeze({});

export function compileCreate(spec: CreateSpec, build: BuildContext, merging = false): RowCreate {
  const context = build.context;
  const props = (expression: CreateSpec['nodes'][number]['properties']): Evaluator | undefined =>
    expression === undefined ? undefined : build.compile(expression);
  const memory = build.memory;
  const keyTokens = (): PropertyKeyTokens => new PropertyKeyTokens(context.tokens.propertyKeys);
  // Literals with every field named, not `{ ...node, … }`: on this V8 a property added after a spread gets
  // a new hidden class per copy, which costs microseconds here and makes every access in the row function
  // below miss its inline cache, on every execution of the statement.
  const nodes = spec.nodes.map((node) => ({
    slot: node.slot,
    variable: node.variable,
    evaluate: props(node.properties),
    labelNames: [...new Set(node.labels)],
    // Resolved at the first row (creating labels is a write) and kept: tokens never change.
    labelTokens: undefined as readonly number[] | undefined,
    // `$(…)` labels: names evaluated per row, then their tokens (undefined when the node has none).
    dynamicLabels:
      node.dynamicLabels.length === 0 ? undefined : compileLabelNames(node.labels, node.dynamicLabels, build),
    keyTokens: keyTokens(),
  }));
  const relationships = spec.relationships.map((rel) => ({
    slot: rel.slot,
    variable: rel.variable,
    start: rel.start,
    end: rel.end,
    type: rel.type,
    evaluate: props(rel.properties),
    typeToken: undefined as number | undefined,
    // `:$(…)`: the type evaluated per row (undefined for a static type).
    dynamicType: rel.dynamicType === undefined ? undefined : build.compile(rel.dynamicType),
    keyTokens: keyTokens(),
  }));
  return (row) => {
    const out = row.slice();
    const { tx, tokens, statistics, entities } = context;
    for (const node of nodes) {
      const map = node.evaluate === undefined ? NO_PROPERTIES : propertyMapOf(node.evaluate(row, context));
      if (merging) rejectNulls(map, node.variable);
      const labels =
        node.dynamicLabels === undefined
          ? (node.labelTokens ??= node.labelNames.map((label) => tokens.labels.getOrCreate(label)))
          : [...new Set(node.dynamicLabels(row).map((label) => tokens.labels.getOrCreate(label)))];
      const id = tx.createNode(labels, createEntries(context, map, node.keyTokens));
      statistics.nodesCreated++;
      statistics.labelsAdded += labels.length;
      if (memory.isTracking) memory.allocate(ENTITY_WRITE_BYTES + 8 * labels.length);
      out[node.slot] = entities.node(id);
    }
    for (const rel of relationships) {
      const start = nodeRef(out[rel.start]);
      const end = nodeRef(out[rel.end]);
      if (start === undefined || end === undefined) {
        throw new CypherSemanticError(
          `Failed to create relationship \`${rel.variable.startsWith('  ') ? 'anon' : rel.variable}\`, node is missing`,
          { detail: 'CreatingRelationshipWithNullNode' },
        );
      }
      const map = rel.evaluate === undefined ? NO_PROPERTIES : propertyMapOf(rel.evaluate(out, context));
      if (merging) rejectNulls(map, rel.variable);
      const type =
        rel.dynamicType === undefined
          ? (rel.typeToken ??= tokens.relationshipTypes.getOrCreate(rel.type))
          : tokens.relationshipTypes.getOrCreate(dynamicTypeName(rel.dynamicType(out, context)));
      const id = tx.createRelationship(type, start, end, createEntries(context, map, rel.keyTokens));
      statistics.relationshipsCreated++;
      if (memory.isTracking) memory.allocate(ENTITY_WRITE_BYTES);
      out[rel.slot] = entities.relationship(id);
    }
    if (spec.path !== undefined) out[spec.path.slot] = buildPathValue(spec.path, out, build);
    return out;
  };
}

/**
 * The one type a `:$(…)` relationship type evaluates to when it is created: a STRING, or a LIST<STRING>
 * of one distinct name.
 * @throws CypherTypeError for other values; CypherArgumentError for no or several names, or an empty one.
 */
function dynamicTypeName(value: CypherValue): string {
  const names = [...new Set(dynamicLabelNames(value))];
  const [name] = names;
  if (names.length !== 1 || name === undefined) {
    throw new CypherArgumentError(
      `A created relationship needs exactly one type, but the dynamic type gave ${names.length}`,
    );
  }
  if (name === '') throw new CypherArgumentError('A relationship type cannot be the empty string');
  return name;
}

/** MERGE cannot create an entity with a null property (it could never match it). */
function rejectNulls(map: CypherMap, variable: string): void {
  for (const key of Object.keys(map)) {
    if (map[key] !== null) continue;
    const name = variable.startsWith('  ') ? '' : variable;
    throw new CypherSemanticError(
      `Cannot merge the following node because of null property value for '${key}': (${name} {${key}: null})`,
      { status: Status.SemanticError, detail: 'MergeReadOwnWrites' },
    );
  }
}

/** Create: per input row, the pattern's new nodes and relationships. */
export function buildCreate(plan: CreateOp, build: BuildContext): Operator {
  const source = build.build(plan.source);
  const create = compileCreate(plan, build);
  return {
    open(argument) {
      const input = source.open(argument);
      return {
        next: () => {
          const row = input.next();
          return row === null ? null : create(row);
        },
        close: () => {
          input.close();
        },
      };
    },
  };
}
