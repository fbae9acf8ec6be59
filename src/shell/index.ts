/**
 * shell: `quiver shell`, an interactive Cypher shell in the manner of cypher-shell. Input: statements and
 * `:commands` from a terminal, a pipe, a file or an argument, plus connection settings. Output: results
 * as tables, plain text, JSON Lines or CSV, summaries (rows, timings, counters), errors with their codes,
 * and a cypher-shell style exit code. It talks to the database only over Bolt through bolt/client, so it
 * works against Neo4j and Memgraph too and tests Quiver's protocol as users see it.
 * Must not know: the engine, storage, execution, the planner, the Cypher front end, durability, the server.
 */
export { runShell, EXIT_OK, EXIT_FAILURE, EXIT_USAGE, type ShellOptions } from './run-shell.js';
export type { ShellIo } from './shell-io.js';
export { parseAddress, DEFAULT_ADDRESS, type ShellAddress } from './address.js';
export { StatementSplitter, type ShellInput } from './statement-splitter.js';
export { formatValue } from './format-value.js';
export { parseParameterAssignment, evaluationQuery, restoreDumpBytes } from './parameters.js';
export type { OutputFormat } from './render/renderer.js';
