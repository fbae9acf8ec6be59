/**
 * engine/dump: `DUMP DATABASE`, the database as Cypher statements (schema, then nodes and relationships as
 * batch statements `UNWIND [rows] AS row CREATE …` tied together by a temporary key, then cleanup of that
 * key; BYTES values through `:param` records), streamed lazily from the store's scans.
 * Inputs: a store and a store transaction to read through. Outputs: a `StatementResult` of `statement` rows.
 * Must not know: Bolt, sessions, how the statements are replayed.
 */
export { DumpResult, type DumpOptions } from './dump-result.js';
export type { DumpReader } from './dump-reader.js';
export { renderName, renderValue } from './cypher-literal.js';
