import type { EntityKind } from '../indexes/property-index.js';
import type { GraphState } from './graph-state.js';

/** The schema pattern Neo4j prints in messages: `(:Person {name, age})` or `()-[:KNOWS {since}]-()`. */
export function describeSchema(
  state: GraphState,
  entity: EntityKind,
  token: number | readonly number[],
  properties: readonly number[],
): string {
  const keys = properties.map((key) => state.tokens.propertyKeys.nameOf(key)).join(', ');
  const tokens = typeof token === 'number' ? [token] : token;
  // A FULLTEXT index's several labels or types: `(:A:B {…})`, `()-[:T|U {…}]-()`.
  return entity === 'NODE'
    ? `(:${tokens.map((each) => state.tokens.labels.nameOf(each)).join(':')} {${keys}})`
    : `()-[:${tokens.map((each) => state.tokens.relationshipTypes.nameOf(each)).join('|')} {${keys}}]-()`;
}

/** A stable default name for a schema rule (Neo4j generates `index_<hash>` / `constraint_<hash>`). */
export function defaultSchemaName(prefix: string, signature: string): string {
  // FNV-1a, 32 bits: short, deterministic, good enough to tell rules apart by name.
  let hash = 0x811c9dc5;
  for (let index = 0; index < signature.length; index++) {
    hash ^= signature.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${prefix}_${hash.toString(16).padStart(8, '0')}`;
}
