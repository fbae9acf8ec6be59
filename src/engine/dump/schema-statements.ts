import type { ConstraintDescriptor, GraphStore, IndexDescriptor } from '../../storage/index.js';
import { indexOptionsClause } from '../index-options.js';
import { renderName } from './cypher-literal.js';

/**
 * The CREATE INDEX / CREATE CONSTRAINT statements that rebuild the store's schema, constraints first (they
 * create their own backing indexes, which are therefore left out of the index list).
 */
export function schemaStatements(store: GraphStore): string[] {
  const statements = store.constraints().map((constraint) => createConstraint(store, constraint));
  for (const index of store.indexes()) {
    if (index.owningConstraint === undefined) statements.push(createIndex(store, index));
  }
  return statements;
}

function createIndex(store: GraphStore, index: IndexDescriptor): string {
  const { entity, properties } = pattern(store, index);
  const type = index.type === 'RANGE' ? '' : `${index.type} `;
  const on = index.type === 'FULLTEXT' ? `EACH [${properties}]` : `(${properties})`;
  return `CREATE ${type}INDEX ${renderName(index.name)} IF NOT EXISTS FOR ${entity} ON ${on}${indexOptionsClause(index)}`;
}

function createConstraint(store: GraphStore, constraint: ConstraintDescriptor): string {
  const { entity, properties } = pattern(store, constraint);
  const head = `CREATE CONSTRAINT ${renderName(constraint.name)} IF NOT EXISTS FOR ${entity} REQUIRE (${properties})`;
  switch (constraint.kind) {
    case 'UNIQUENESS':
      return `${head} IS UNIQUE`;
    case 'EXISTENCE':
      return `${head} IS NOT NULL`;
    case 'KEY':
      return `${head} IS ${constraint.entity === 'NODE' ? 'NODE' : 'RELATIONSHIP'} KEY`;
    case 'PROPERTY_TYPE':
      return `${head} IS :: ${(constraint.types ?? []).join(' | ')}`;
  }
}

/** `(e:Label)` or `()-[e:TYPE]-()` (a FULLTEXT index's `(e:A|B)`), and `e.a, e.b`. */
function pattern(
  store: GraphStore,
  definition: {
    readonly entity: 'NODE' | 'RELATIONSHIP';
    readonly token: number;
    readonly tokens?: readonly number[];
    readonly properties: readonly number[];
  },
): { entity: string; properties: string } {
  const tokens = store.tokens;
  const properties = definition.properties
    .map((key) => `e.${renderName(tokens.propertyKeys.nameOf(key))}`)
    .join(', ');
  const names = definition.entity === 'NODE' ? tokens.labels : tokens.relationshipTypes;
  const scope = (definition.tokens ?? [definition.token])
    .map((token) => renderName(names.nameOf(token)))
    .join('|');
  return { entity: definition.entity === 'NODE' ? `(e:${scope})` : `()-[e:${scope}]-()`, properties };
}
