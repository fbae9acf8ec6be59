/**
 * cli/import: `quiver import`, a bulk CSV loader in the `neo4j-admin database import full` format.
 * Inputs: node and relationship CSV files with neo4j-admin headers, and the command's flags. Outputs: a
 * new database directory (a durable store holding one snapshot), a bad-row report and a summary.
 * Stages: csv-parser (bytes → records) → header/value-converters (records → typed values) → node-rows /
 * relationship-rows (values → nodes and relationships, ids mapped by id-spaces) → graph-loader (storage's
 * bulk loader into the new, empty store) → run-import (durable store, snapshot).
 * Must not know: Cypher syntax, plans, Bolt; storage internals beyond its public bulk-load API.
 */
export { CsvParser, MAX_RECORD_CHARS, type CsvDialect, type CsvSink } from './csv-parser.js';
export { CsvRecord, type CsvField } from './csv-record.js';
export { parseHeader, VALUE_TYPES, type Column, type Header, type ValueType } from './header.js';
export { converterFor, type Converter, type ValueOptions, type ValueColumn } from './value-converters.js';
export { parseMapLiteral, type MapLiteral } from './map-literal.js';
export { IdSpaces, stringIdKey, type IdType, type IdKey } from './id-spaces.js';
export { BadRows, type BadRowKind, type BadRowPolicy, type ReportSink } from './bad-rows.js';
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
