import {
  detectDumpFormat,
  formatDuration,
  isUsageError,
  loadBinary,
  loadCypherOffline,
  loadCypherOnline,
  messageOf,
  parseLoadCommand,
  processToolIo,
  type LoadCommandOptions,
  type Parsed,
  type ReplayReport,
  type ToolIo,
  usageError,
} from './backup/index.js';

/**
 * `quiver load`: a dump into a new database directory (binary or Cypher, offline) or into a running server
 * (Cypher, over Bolt), with counts and time. Exit codes: 0 done, 1 the load failed (the reason on stderr),
 * 2 invalid flags.
 */
export async function runLoadCommand(argv: readonly string[], io: ToolIo = processToolIo()): Promise<number> {
  let parsed: Parsed<LoadCommandOptions>;
  try {
    parsed = parseLoadCommand(argv, io.env);
  } catch (error) {
    io.stderr(`${messageOf(error)}\nRun \`quiver load --help\` for the options.\n`);
    return 2;
  }
  if (parsed.kind === 'help') {
    io.stdout(parsed.text);
    return 0;
  }
  const { options } = parsed;
  const started = performance.now();
  try {
    const line = await load(options, io);
    io.stdout(`LOAD DONE in ${formatDuration(performance.now() - started)}: ${line}\n`);
    return 0;
  } catch (error) {
    io.stderr(`LOAD FAILED: ${messageOf(error)}\n`);
    return isUsageError(error) ? 2 : 1;
  }
}

/** Runs the load; returns the report line. */
async function load(options: LoadCommandOptions, io: ToolIo): Promise<string> {
  const { target, batchSize } = options;
  const input = options.file === '-' ? io.input : options.file;
  const format = options.format === 'auto' ? await detectDumpFormat(options.file) : options.format;
  if (target.kind === 'online') {
    if (format === 'binary') {
      throw usageError(
        `${options.file} is a binary backup, which loads offline only: stop the server and use --data-dir`,
      );
    }
    const report = await loadCypherOnline(input, target.connection, batchSize);
    return `${describeReplay(report)} into ${target.connection.database ?? 'the home database'} at ${target.connection.address}`;
  }
  const where = `database ${target.database} of ${target.dataDir}`;
  if (format === 'binary') {
    const { counts, header, bytes } = await loadBinary(input, target.dataDir, target.database);
    return (
      `installed a binary backup (commit ${String(header.commitTs)}, ${String(bytes)} bytes) as ${where}: ` +
      `${String(counts.nodes)} nodes, ${String(counts.relationships)} relationships, ` +
      `${String(counts.indexes)} indexes, ${String(counts.constraints)} constraints`
    );
  }
  const report = await loadCypherOffline(input, target.dataDir, target.database, batchSize);
  return `${describeReplay(report)} into ${where}`;
}

function describeReplay(report: ReplayReport): string {
  const skipped =
    report.skippedCommands === 0 ? '' : `, ${String(report.skippedCommands)} shell commands skipped`;
  return (
    `${String(report.statements)} statements in ${String(report.transactions)} transactions ` +
    `(${String(report.nodesCreated)} nodes, ${String(report.relationshipsCreated)} relationships, ` +
    `${String(report.indexesAdded)} indexes, ${String(report.constraintsAdded)} constraints created${skipped})`
  );
}
