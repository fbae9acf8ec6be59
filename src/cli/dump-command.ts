import {
  connectBolt,
  dumpBinary,
  dumpBinaryToStream,
  dumpCypher,
  formatDuration,
  isUsageError,
  messageOf,
  openDumpFile,
  parseDumpCommand,
  processToolIo,
  streamDumpOutput,
  type DumpCommandOptions,
  type DumpOutput,
  type Parsed,
  type ToolConnection,
  type ToolIo,
} from './backup/index.js';

/**
 * `quiver dump`: a database of a running server as a Cypher script or a binary backup, to a file (written
 * aside and renamed when complete) or to standard output. Exit codes: 0 done, 1 the dump failed (the reason
 * on stderr, no partial file left), 2 invalid flags.
 */
export async function runDumpCommand(argv: readonly string[], io: ToolIo = processToolIo()): Promise<number> {
  let parsed: Parsed<DumpCommandOptions>;
  try {
    parsed = parseDumpCommand(argv, io.env);
  } catch (error) {
    io.stderr(`${messageOf(error)}\nRun \`quiver dump --help\` for the options.\n`);
    return 2;
  }
  if (parsed.kind === 'help') {
    io.stdout(parsed.text);
    return 0;
  }
  const { options } = parsed;
  const toStream = options.to === '-';
  if (toStream && options.format === 'binary' && io.outputIsTerminal) {
    io.stderr('Refusing to write a binary dump to a terminal: use --to <file> or a pipe.\n');
    return 2;
  }
  // The report goes where the dump does not.
  const report = toStream ? io.stderr : io.stdout;
  const started = performance.now();
  let connection: ToolConnection | undefined;
  try {
    connection = await connectBolt(options.connection, 'quiver-dump');
    const line = await dump(connection, options, io);
    report(`DUMP DONE in ${formatDuration(performance.now() - started)}: ${line}\n`);
    return 0;
  } catch (error) {
    io.stderr(`DUMP FAILED: ${messageOf(error)}\n`);
    return isUsageError(error) ? 2 : 1;
  } finally {
    await connection?.close();
  }
}

/** Runs the dump; returns the report line. */
async function dump(connection: ToolConnection, options: DumpCommandOptions, io: ToolIo): Promise<string> {
  const target = options.to === '-' ? 'stdout' : options.to;
  if (options.format === 'binary') {
    const { snapshot, database } =
      options.to === '-'
        ? await dumpBinaryToStream(connection, streamDumpOutput(io.output))
        : await dumpBinary(connection, options.to);
    const { counts, header } = snapshot;
    return (
      `database ${database ?? '(home)'} as a binary backup at commit ${String(header.commitTs)}: ` +
      `${String(counts.nodes)} nodes, ${String(counts.relationships)} relationships, ` +
      `${String(counts.indexes)} indexes, ${String(counts.constraints)} constraints, ` +
      `${String(snapshot.bytes)} bytes to ${target}`
    );
  }
  const output: DumpOutput =
    options.to === '-' ? streamDumpOutput(io.output) : await openDumpFile(options.to);
  try {
    const { statements, bytes, database } = await dumpCypher(connection, output);
    await output.finish();
    return `database ${database ?? '(home)'} as ${String(statements)} Cypher statements, ${String(bytes)} bytes to ${target}`;
  } catch (error) {
    await output.abandon();
    throw error;
  }
}
