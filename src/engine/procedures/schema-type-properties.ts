import type { ExecutionContext, ProcedureDefinition } from '../../execution/index.js';
import type { CypherMap } from '../../values/index.js';
import { propertyTypeName } from './property-type-names.js';

/** What was seen of one group of entities (one label combination or one relationship type). */
interface Group {
  count: number;
  /** Per property key: how many entities of the group have it, and the type names seen. */
  readonly keys: Map<string, { count: number; readonly types: Set<string> }>;
}

function observe(groups: Map<string, Group>, key: string, properties: CypherMap): void {
  let group = groups.get(key);
  if (group === undefined) {
    group = { count: 0, keys: new Map() };
    groups.set(key, group);
  }
  group.count++;
  for (const [name, value] of Object.entries(properties)) {
    let seen = group.keys.get(name);
    if (seen === undefined) {
      seen = { count: 0, types: new Set() };
      group.keys.set(name, seen);
    }
    seen.count++;
    seen.types.add(propertyTypeName(value));
  }
}

/** One row per (group, property); a group without properties gives one row of nulls, as in Neo4j. */
function groupRows(
  group: Group,
): { propertyName: string | null; propertyTypes: string[] | null; mandatory: boolean }[] {
  if (group.keys.size === 0) return [{ propertyName: null, propertyTypes: null, mandatory: false }];
  return [...group.keys.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([propertyName, seen]) => ({
      propertyName,
      propertyTypes: [...seen.types].sort(),
      mandatory: seen.count === group.count,
    }));
}

const quote = (name: string): string => `\`${name.replaceAll('`', '``')}\``;

/** `db.schema.nodeTypeProperties()`: the properties seen per label combination. */
const nodeTypeProperties: ProcedureDefinition = {
  name: 'db.schema.nodeTypeProperties',
  description: 'Show the derived property schema of the nodes in tabular form.',
  mode: 'READ',
  inputs: [],
  outputs: [
    { name: 'nodeType', type: 'STRING?' },
    { name: 'nodeLabels', type: 'LIST? OF STRING?' },
    { name: 'propertyName', type: 'STRING?' },
    { name: 'propertyTypes', type: 'LIST? OF STRING?' },
    { name: 'mandatory', type: 'BOOLEAN?' },
  ],
  call: (_args, context: ExecutionContext): CypherMap[] => {
    const groups = new Map<string, Group>();
    const labelsOf = new Map<string, string[]>();
    const cursor = context.tx.scanNodes();
    for (let id = cursor.next(); id !== -1; id = cursor.next()) {
      const labels = [...context.entities.nodeLabels(id)].sort();
      const key = labels.map(quote).join(':');
      labelsOf.set(key, labels);
      observe(groups, key, context.entities.nodeProperties(id));
    }
    return [...groups.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .flatMap(([key, group]) =>
        groupRows(group).map((row) => ({ nodeType: `:${key}`, nodeLabels: labelsOf.get(key) ?? [], ...row })),
      );
  },
};

/** `db.schema.relTypeProperties()`: the properties seen per relationship type. */
const relTypeProperties: ProcedureDefinition = {
  name: 'db.schema.relTypeProperties',
  description: 'Show the derived property schema of the relationships in tabular form.',
  mode: 'READ',
  inputs: [],
  outputs: [
    { name: 'relType', type: 'STRING?' },
    { name: 'propertyName', type: 'STRING?' },
    { name: 'propertyTypes', type: 'LIST? OF STRING?' },
    { name: 'mandatory', type: 'BOOLEAN?' },
  ],
  call: (_args, context: ExecutionContext): CypherMap[] => {
    const groups = new Map<string, Group>();
    const cursor = context.tx.scanRelationships();
    for (let id = cursor.next(); id !== -1; id = cursor.next()) {
      const type = context.tokens.relationshipTypes.nameOf(context.tx.relationshipType(id));
      observe(groups, quote(type), context.entities.relationshipProperties(id));
    }
    return [...groups.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .flatMap(([key, group]) => groupRows(group).map((row) => ({ relType: `:${key}`, ...row })));
  },
};

/** The derived-schema procedures. */
export const SCHEMA_TYPE_PROCEDURES: readonly ProcedureDefinition[] = [nodeTypeProperties, relTypeProperties];
