import type { CypherValue } from '../../values/index.js';
import type { TokenRegistries } from '../../storage/index.js';
import { renderName, renderValue } from './cypher-literal.js';
import type { DumpReader } from './dump-reader.js';

/**
 * The temporary label and key that tie relationships to the nodes the replay created: every dumped node
 * carries them until the cleanup statement removes them. Names no application is likely to use.
 */
export const DUMP_LABEL = '__QuiverDumpNode';
export const DUMP_KEY = '__quiver_dump_id';
export const DUMP_INDEX = '__quiver_dump_index';

/** Created before the nodes so that each relationship statement finds its endpoints through an index seek. */
export const DUMP_PRELUDE = `CREATE INDEX ${DUMP_INDEX} IF NOT EXISTS FOR (n:${DUMP_LABEL}) ON (n.${DUMP_KEY})`;

/** Run last: strip the temporary label and key, then drop their index. */
export const DUMP_CLEANUP = [
  `MATCH (n:${DUMP_LABEL}) REMOVE n:${DUMP_LABEL}, n.${DUMP_KEY}`,
  `DROP INDEX ${DUMP_INDEX} IF EXISTS`,
] as const;

/** `CREATE (:A:B:__QuiverDumpNode {__quiver_dump_id: 7, k: v, …})` for node `id`. */
export function nodeStatement(reader: DumpReader, tokens: TokenRegistries, id: number): string {
  const labels = [...reader.nodeLabels(id)].map((label) => `:${renderName(tokens.labels.nameOf(label))}`);
  const entries = [`${DUMP_KEY}: ${String(id)}`];
  reader.forEachNodeProperty(id, (key, value) => {
    pushEntry(entries, tokens.propertyKeys.nameOf(key), value);
  });
  return `CREATE (${labels.join('')}:${DUMP_LABEL} {${entries.join(', ')}})`;
}

/** `MATCH (a:… {key: start}), (b:… {key: end}) CREATE (a)-[:T {…}]->(b)` for relationship `id`. */
export function relationshipStatement(reader: DumpReader, tokens: TokenRegistries, id: number): string {
  const type = renderName(tokens.relationshipTypes.nameOf(reader.relationshipType(id)));
  const entries: string[] = [];
  reader.forEachRelationshipProperty(id, (key, value) => {
    pushEntry(entries, tokens.propertyKeys.nameOf(key), value);
  });
  const properties = entries.length === 0 ? '' : ` {${entries.join(', ')}}`;
  const start = String(reader.relationshipStart(id));
  const end = String(reader.relationshipEnd(id));
  return (
    `MATCH (a:${DUMP_LABEL} {${DUMP_KEY}: ${start}}), (b:${DUMP_LABEL} {${DUMP_KEY}: ${end}}) ` +
    `CREATE (a)-[:${type}${properties}]->(b)`
  );
}

/** Adds `key: value`, or nothing for a value Cypher cannot write (see `renderValue`). */
function pushEntry(entries: string[], key: string, value: CypherValue): void {
  const text = renderValue(value);
  if (text !== undefined) entries.push(`${renderName(key)}: ${text}`);
}
