import type { GraphStore, IndexDescriptor } from '../../storage/index.js';
import type { CypherMap } from '../../values/index.js';
import { INDEX_PROVIDERS, indexConfigOf, indexOptionsClause } from '../index-options.js';
import { byName, showTable, type ShowTable } from './show-table.js';

const quote = (name: string): string => `\`${name.replaceAll('`', '``')}\``;

/**
 * `CREATE RANGE INDEX name FOR (n:Label) ON (n.p)`, the form SHOW INDEXES gives as createStatement; a
 * FULLTEXT index's `FOR (n:A|B) ON EACH [n.p, n.q]`.
 */
function createIndexStatement(
  index: IndexDescriptor,
  labels: readonly string[],
  properties: readonly string[],
): string {
  const label = labels.map(quote).join('|');
  const pattern = index.entity === 'NODE' ? `(n:${label})` : `()-[n:${label}]-()`;
  const keys = properties.map((key) => `n.${quote(key)}`).join(', ');
  const on = index.type === 'FULLTEXT' ? `EACH [${keys}]` : `(${keys})`;
  return `CREATE ${index.type} INDEX ${quote(index.name)} FOR ${pattern} ON ${on}${indexOptionsClause(index)}`;
}

/**
 * SHOW [ALL | RANGE | TEXT | POINT | VECTOR | FULLTEXT | …] INDEXES. Quiver has no LOOKUP indexes, so
 * that kind lists nothing. `what` is the parsed keywords (`ALL INDEXES`, `RANGE INDEXES`, …).
 */
export function indexTable(store: GraphStore, what: string): ShowTable {
  const kind = what.split(' ')[0] ?? '';
  const all = kind === 'INDEX' || kind === 'INDEXES' || kind === 'ALL';
  const tokens = store.tokens;
  const rows = store
    .indexes()
    .filter((index) => all || index.type === kind)
    .sort(byName)
    .map((index): CypherMap => {
      const entityTokens = index.entity === 'NODE' ? tokens.labels : tokens.relationshipTypes;
      const labels = index.tokens.map((token) => entityTokens.nameOf(token));
      const properties = index.properties.map((key) => tokens.propertyKeys.nameOf(key));
      return {
        id: BigInt(index.id),
        name: index.name,
        state: index.state,
        populationPercent: index.populationProgress * 100,
        type: index.type,
        entityType: index.entity,
        labelsOrTypes: labels,
        properties,
        indexProvider: INDEX_PROVIDERS[index.type],
        owningConstraint: index.owningConstraint ?? null,
        lastRead: null,
        readCount: null,
        trackedSince: null,
        options: { indexProvider: INDEX_PROVIDERS[index.type], indexConfig: indexConfigOf(index) },
        failureMessage: '',
        createStatement: createIndexStatement(index, labels, properties),
      };
    });
  return showTable(
    [
      'id',
      'name',
      'state',
      'populationPercent',
      'type',
      'entityType',
      'labelsOrTypes',
      'properties',
      'indexProvider',
      'owningConstraint',
      'lastRead',
      'readCount',
    ],
    ['trackedSince', 'options', 'failureMessage', 'createStatement'],
    rows,
  );
}

/** Which constraint kinds `SHOW <words> CONSTRAINTS` lists. */
function constraintFilter(what: string): (type: string) => boolean {
  const words = what.replace(/\s*CONSTRAINTS?$/u, '');
  if (words === '' || words === 'ALL') return () => true;
  const entity = words.startsWith('NODE') ? 'NODE' : words.startsWith('REL') ? 'RELATIONSHIP' : '';
  const kind = words.includes('UNIQUE')
    ? 'UNIQUENESS'
    : words.includes('KEY')
      ? 'KEY'
      : words.includes('EXIST') || words.includes('NOT NULL')
        ? 'EXISTENCE'
        : words.includes('TYPE')
          ? 'TYPE'
          : '';
  return (type) => type.startsWith(entity) && type.includes(kind);
}

const CONSTRAINT_SYNTAX: Readonly<Record<string, string>> = {
  UNIQUENESS: 'IS UNIQUE',
  EXISTENCE: 'IS NOT NULL',
  KEY: 'IS KEY',
  PROPERTY_TYPE: 'IS ::',
};

/** SHOW [ALL | UNIQUE | KEY | EXIST | …] CONSTRAINTS. */
export function constraintTable(store: GraphStore, what: string): ShowTable {
  const tokens = store.tokens;
  const keep = constraintFilter(what);
  const rows = store
    .constraints()
    .filter((constraint) => keep(constraint.type))
    .sort(byName)
    .map((constraint): CypherMap => {
      const entityTokens = constraint.entity === 'NODE' ? tokens.labels : tokens.relationshipTypes;
      const label = entityTokens.nameOf(constraint.token);
      const properties = constraint.properties.map((key) => tokens.propertyKeys.nameOf(key));
      const propertyType = constraint.types === undefined ? null : constraint.types.join(' | ');
      const pattern = constraint.entity === 'NODE' ? `(n:${quote(label)})` : `()-[n:${quote(label)}]-()`;
      const keys = properties.map((key) => `n.${quote(key)}`);
      const target = keys.length === 1 ? (keys[0] ?? '') : `(${keys.join(', ')})`;
      const syntax = CONSTRAINT_SYNTAX[constraint.kind] ?? '';
      return {
        id: BigInt(constraint.id),
        name: constraint.name,
        type: constraint.type,
        entityType: constraint.entity,
        labelsOrTypes: [label],
        properties,
        ownedIndex: constraint.ownedIndex ?? null,
        propertyType,
        options: constraint.ownedIndex === undefined ? null : { indexProvider: 'range-1.0', indexConfig: {} },
        createStatement:
          `CREATE CONSTRAINT ${quote(constraint.name)} FOR ${pattern} REQUIRE ${target} ${syntax}` +
          (propertyType === null ? '' : ` ${propertyType}`),
      };
    });
  return showTable(
    ['id', 'name', 'type', 'entityType', 'labelsOrTypes', 'properties', 'ownedIndex', 'propertyType'],
    ['options', 'createStatement'],
    rows,
  );
}
