/**
 * cli/import: `quiver import`, a bulk CSV loader in the `neo4j-admin database import full` format.
 * Inputs: node and relationship CSV files with neo4j-admin headers, and the command's flags. Outputs: a
 * new database directory (a durable store holding one snapshot), a bad-row report and a summary.
 * Stages: csv-parser (bytes → records) → header/value-converters (records → typed values) → node-rows /
 * relationship-rows (values → storage changes, ids mapped by id-spaces) → record-batcher (commit records
 * replayed into the store) → run-import (durable store, snapshot).
 * Must not know: Cypher syntax, plans, Bolt; storage internals beyond commit records and `replay`.
 */
export { CsvParser, MAX_RECORD_CHARS, type CsvDialect, type CsvField, type CsvSink } from './csv-parser.js';
export { parseHeader, VALUE_TYPES, type Column, type Header, type ValueType } from './header.js';
export { converterFor, type Converter, type ValueOptions, type ValueColumn } from './value-converters.js';
export { parseMapLiteral, type MapLiteral } from './map-literal.js';
export { IdSpaces, stringIdKey, type IdType, type IdKey } from './id-spaces.js';
export { BadRows, type BadRowKind, type BadRowPolicy, type ReportSink } from './bad-rows.js';
export { RecordBatcher, DEFAULT_BATCH_SIZE } from './record-batcher.js';
export {
  importGraph,
  type ImportInputs,
  type ImportSettings,
  type ImportHooks,
  type ImportProgress,
  type ImportResult,
} from './import-graph.js';
export type { NodeInput } from './node-rows.js';
export type { RelationshipInput } from './relationship-rows.js';
export {
  parseImportCommand,
  character,
  type ImportCommandOptions,
  type ParsedImportCommand,
} from './import-options.js';
export { runImport, databaseDirectory, type ImportRun } from './run-import.js';
export { ProgressBar, formatCount, type ProgressStream } from './progress-bar.js';
export { formatSummary, formatDuration, type SummaryFigures } from './import-summary.js';
