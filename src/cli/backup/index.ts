/**
 * cli/backup: the parts of `quiver dump`, `quiver load` and `quiver check`. Dumps come from a running server
 * over Bolt (`DUMP DATABASE` as a Cypher script, `CALL quiver.backup()` as a binary snapshot); loads go into
 * a database directory offline (binary: installed as a snapshot; Cypher: replayed through the embedded
 * engine) or into a server over Bolt (Cypher); checks read a data directory without changing it.
 * Inputs: parsed flags, files, a server address. Outputs: files, databases, reports and exit codes.
 * Must not know: the snapshot format beyond its magic bytes, how the server encodes a backup.
 */
export { parseDumpCommand, type DumpCommandOptions } from './dump-options.js';
export { parseLoadCommand, type LoadCommandOptions } from './load-options.js';
export { parseCheckCommand, type CheckCommandOptions } from './check-options.js';
export { isUsageError, usageError, type Parsed } from './command-parsing.js';
export { connectBolt, type ToolConnection } from './bolt-connection.js';
export { openDumpFile, streamDumpOutput, type DumpOutput } from './dump-output.js';
export { dumpCypher, dumpBinary, dumpBinaryToStream } from './dump-database.js';
export { detectDumpFormat, loadBinary, loadCypherOffline, loadCypherOnline } from './load-database.js';
export type { ReplayReport } from './replay-statements.js';
export { checkDatabases, formatCheck } from './check-databases.js';
export { processToolIo, formatDuration, messageOf, type ToolIo } from './tool-io.js';
