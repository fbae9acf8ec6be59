import { formatTemporalCompact } from '../../../src/execution/functions/temporal/index.js';
import {
  formatFloat,
  kindOf,
  type CypherMap,
  type CypherValue,
  type Node,
  type Path,
  type Point,
  type Relationship,
  type TemporalValue,
  type Uuid,
  type Vector,
} from '../../../src/values/index.js';
import { assertNever } from '../../../src/errors/index.js';
import { toHex } from '../../../src/util/index.js';
import type { TckEntries, TckNode, TckRelationship, TckValue } from './tck-value.js';

/**
 * How a value is written when compared. TCK comparison rules become string equality: both the expected
 * notation and the actual value are printed in one canonical form, so that a result table is a multiset of
 * strings. The form encodes the rules: labels are a set (sorted), map keys are unordered (sorted), graph
 * entities have no identity (only labels/type and properties), INTEGER and FLOAT differ (`1` vs `1.0`),
 * and temporal values print as the strings the TCK writes for them.
 */
export interface CanonicalOptions {
  /** `(ignoring element order for lists)`: lists compare as multisets, at every depth. */
  readonly listsUnordered: boolean;
}

/** The canonical text of an expected value. */
export function canonicalExpected(value: TckValue, options: CanonicalOptions): string {
  switch (value.kind) {
    case 'null':
      return 'null';
    case 'boolean':
      return String(value.value);
    case 'integer':
      return value.value.toString();
    case 'float':
      return canonicalFloat(value.value);
    case 'string':
      return quote(value.value);
    case 'list':
      return list(
        value.items.map((item) => canonicalExpected(item, options)),
        options,
      );
    case 'map':
      return expectedEntries(value.entries, options);
    case 'node':
      return expectedNode(value, options);
    case 'relationship':
      return expectedRelationship(value, options);
    case 'path': {
      let out = `<${expectedNode(value.start, options)}`;
      for (const step of value.steps) {
        out += hop(expectedRelationship(step.relationship, options), step.direction === 'forward');
        out += expectedNode(step.node, options);
      }
      return `${out}>`;
    }
    default:
      return assertNever(value);
  }
}

/** The canonical text of a value the engine returned. */
export function canonicalActual(value: CypherValue, options: CanonicalOptions): string {
  const kind = kindOf(value);
  switch (kind) {
    case 'NULL':
      return 'null';
    case 'BOOLEAN':
      return value === true ? 'true' : 'false';
    case 'INTEGER':
      return (value as bigint).toString();
    case 'FLOAT':
      return canonicalFloat(value as number);
    case 'STRING':
      return quote(value as string);
    case 'BYTES':
      return `0x${toHex(value as Uint8Array)}`;
    case 'LIST':
      return list(
        (value as readonly CypherValue[]).map((item) => canonicalActual(item, options)),
        options,
      );
    case 'MAP':
      return actualEntries(value as CypherMap, options);
    case 'NODE':
      return actualNode(value as Node, options);
    case 'RELATIONSHIP':
      return actualRelationship(value as Relationship, options);
    case 'PATH':
      return actualPath(value as Path, options);
    case 'DATE':
    case 'LOCAL_TIME':
    case 'ZONED_TIME':
    case 'LOCAL_DATETIME':
    case 'ZONED_DATETIME':
    case 'DURATION':
      // The TCK writes temporal results as quoted strings in java.time's compact form (`21:40`, not
      // `21:40:00`), which the temporal functions' formatter reproduces.
      return quote(formatTemporalCompact(value as TemporalValue));
    case 'POINT':
    case 'VECTOR':
      return (value as Point | Vector).toString();
    case 'UUID':
      return `uuid('${(value as Uuid).text}')`;
    default:
      return assertNever(kind);
  }
}

/** A string literal with every quote and backslash escaped, so different strings never print alike. */
function quote(text: string): string {
  return `'${text.replace(/[\\']/g, (c) => `\\${c}`).replace(/\n/g, '\\n')}'`;
}

function name(text: string): string {
  return /^[\p{L}_][\p{L}\p{N}_]*$/u.test(text) ? text : `\`${text.replace(/`/g, '``')}\``;
}

function list(items: string[], options: CanonicalOptions): string {
  if (options.listsUnordered) items.sort();
  return `[${items.join(', ')}]`;
}

function entries(pairs: (readonly [string, string])[]): string {
  const sorted = pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${sorted.map(([key, value]) => `${name(key)}: ${value}`).join(', ')}}`;
}

function expectedEntries(pairs: TckEntries, options: CanonicalOptions): string {
  return entries(pairs.map(([key, value]) => [key, canonicalExpected(value, options)] as const));
}

function actualEntries(map: CypherMap, options: CanonicalOptions): string {
  return entries(Object.keys(map).map((key) => [key, canonicalActual(map[key] ?? null, options)] as const));
}

function entity(open: string, tags: string, properties: string, close: string): string {
  const body = properties === '{}' ? tags : tags === '' ? properties : `${tags} ${properties}`;
  return `${open}${body}${close}`;
}

function labelList(labels: readonly string[]): string {
  return [...labels]
    .sort()
    .map((label) => `:${name(label)}`)
    .join('');
}

function expectedNode(node: TckNode, options: CanonicalOptions): string {
  return entity('(', labelList(node.labels), expectedEntries(node.properties, options), ')');
}

function actualNode(node: Node, options: CanonicalOptions): string {
  return entity('(', labelList(node.labels), actualEntries(node.properties, options), ')');
}

function expectedRelationship(relationship: TckRelationship, options: CanonicalOptions): string {
  return entity('[', `:${name(relationship.type)}`, expectedEntries(relationship.properties, options), ']');
}

function actualRelationship(relationship: Relationship, options: CanonicalOptions): string {
  return entity('[', `:${name(relationship.type)}`, actualEntries(relationship.properties, options), ']');
}

function hop(relationship: string, forward: boolean): string {
  return forward ? `-${relationship}->` : `<-${relationship}-`;
}

function actualPath(path: Path, options: CanonicalOptions): string {
  let out = `<${actualNode(path.start, options)}`;
  path.relationships.forEach((relationship, index) => {
    const from = path.nodes[index];
    const forward = relationship.startNodeId === from?.id;
    out += hop(actualRelationship(relationship, options), forward);
    const to = path.nodes[index + 1];
    out += to === undefined ? '()' : actualNode(to, options);
  });
  return `${out}>`;
}

/**
 * Floats compare by value, as the TCK's reference comparison does: `-0.0` equals `0.0` (Literals5 [10]
 * expects `0.0` for the literal `-.0`), NaN matches NaN.
 */
function canonicalFloat(value: number): string {
  return formatFloat(value === 0 ? 0 : value);
}
