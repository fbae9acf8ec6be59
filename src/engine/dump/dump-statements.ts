/**
 * The temporary label and key that tie relationships to the nodes the replay created: every dumped node
 * carries them until the cleanup statement removes them (the way Neo4j's export tools do it). Names no
 * application is likely to use.
 */
export const DUMP_LABEL = '__QuiverDumpNode';
export const DUMP_KEY = '__quiver_dump_id';
export const DUMP_INDEX = '__quiver_dump_index';

/** Created before the nodes so that each relationship row finds its endpoints through an index seek. */
export const DUMP_PRELUDE = `CREATE INDEX ${DUMP_INDEX} IF NOT EXISTS FOR (n:${DUMP_LABEL}) ON (n.${DUMP_KEY})`;

/** Run last: strip the temporary label and key, then drop their index. */
export const DUMP_CLEANUP = [
  `MATCH (n:${DUMP_LABEL}) REMOVE n:${DUMP_LABEL}, n.${DUMP_KEY}`,
  `DROP INDEX ${DUMP_INDEX} IF EXISTS`,
] as const;

/**
 * `UNWIND [{_id: 7, properties: {…}}, …] AS row CREATE (n:A:B:__QuiverDumpNode {__quiver_dump_id: row._id})
 * SET n += row.properties`: one statement for a batch of nodes with the same labels (`labels` is their
 * rendered `:A:B` text), so a replay compiles one statement per batch instead of one per node.
 */
export function nodeBatchStatement(labels: string, rows: readonly string[]): string {
  return (
    `UNWIND [${rows.join(', ')}] AS row ` +
    `CREATE (n${labels}:${DUMP_LABEL} {${DUMP_KEY}: row._id}) SET n += row.properties`
  );
}

/**
 * `UNWIND [{start: 1, end: 2, properties: {…}}, …] AS row MATCH (a:…{key: row.start}) MATCH (b:…{key:
 * row.end}) CREATE (a)-[r:T]->(b) SET r += row.properties` for a batch of relationships of one type
 * (`type` rendered); without `properties` when no row of the batch has any.
 */
export function relationshipBatchStatement(
  type: string,
  rows: readonly string[],
  hasProperties: boolean,
): string {
  return (
    `UNWIND [${rows.join(', ')}] AS row ` +
    `MATCH (a:${DUMP_LABEL} {${DUMP_KEY}: row.start}) MATCH (b:${DUMP_LABEL} {${DUMP_KEY}: row.end}) ` +
    `CREATE (a)-[r:${type}]->(b)${hasProperties ? ' SET r += row.properties' : ''}`
  );
}

/** `CREATE (:A:B:__QuiverDumpNode {__quiver_dump_id: 7, k: v, …})`: a node that cannot join a batch. */
export function nodeStatement(labels: string, id: number, entries: readonly string[]): string {
  return `CREATE (${labels}:${DUMP_LABEL} {${[`${DUMP_KEY}: ${String(id)}`, ...entries].join(', ')}})`;
}

/** `MATCH (a:… {key: start}), (b:… {key: end}) CREATE (a)-[:T {…}]->(b)`: a relationship on its own. */
export function relationshipStatement(
  type: string,
  start: number,
  end: number,
  entries: readonly string[],
): string {
  const properties = entries.length === 0 ? '' : ` {${entries.join(', ')}}`;
  return (
    `MATCH (a:${DUMP_LABEL} {${DUMP_KEY}: ${String(start)}}), (b:${DUMP_LABEL} {${DUMP_KEY}: ${String(end)}}) ` +
    `CREATE (a)-[:${type}${properties}]->(b)`
  );
}
