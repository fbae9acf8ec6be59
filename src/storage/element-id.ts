/**
 * Element ids, the string ids of Bolt 5+ (`elementId(n)` in Cypher), in Neo4j 5's shape:
 * `4:<database uuid>:<node id>` for nodes and `5:<database uuid>:<relationship id>` for relationships.
 * Drivers treat them as opaque, but tools print them, so we keep Neo4j's look. Parsing accepts only ids of
 * this database: an element id from another database names nothing here.
 */

/** What an element id points at. */
export interface ParsedElementId {
  readonly entity: 'NODE' | 'RELATIONSHIP';
  readonly id: number;
}

const NODE_PREFIX = '4';
const RELATIONSHIP_PREFIX = '5';
const DECIMAL = /^(0|[1-9][0-9]*)$/;

/** The element id of node `id`. */
export function nodeElementId(databaseId: string, id: number): string {
  return `${NODE_PREFIX}:${databaseId}:${id}`;
}

/** The element id of relationship `id`. */
export function relationshipElementId(databaseId: string, id: number): string {
  return `${RELATIONSHIP_PREFIX}:${databaseId}:${id}`;
}

/** The entity an element id of this database names, or `undefined` when it is malformed or foreign. */
export function parseElementId(databaseId: string, elementId: string): ParsedElementId | undefined {
  const first = elementId.indexOf(':');
  const last = elementId.lastIndexOf(':');
  if (first === -1 || last === first) return undefined;
  const prefix = elementId.slice(0, first);
  if (elementId.slice(first + 1, last) !== databaseId) return undefined;
  const digits = elementId.slice(last + 1);
  if (!DECIMAL.test(digits)) return undefined;
  const id = Number(digits);
  if (!Number.isSafeInteger(id)) return undefined;
  if (prefix === NODE_PREFIX) return { entity: 'NODE', id };
  if (prefix === RELATIONSHIP_PREFIX) return { entity: 'RELATIONSHIP', id };
  return undefined;
}
