import {
  formatSummary,
  parseImportCommand,
  ProgressBar,
  runImport,
  type ParsedImportCommand,
} from './import/index.js';

/**
 * `quiver import`: bulk-loads CSV files in the neo4j-admin format into a new database of a data directory.
 * Exit codes: 0 done, 1 the import failed or stopped (the reason on stderr), 2 invalid flags.
 */
export async function runImportCommand(argv: readonly string[]): Promise<number> {
  let parsed: ParsedImportCommand;
  try {
    parsed = parseImportCommand(argv);
  } catch (error) {
    console.error(`${messageOf(error)}\nRun \`quiver import --help\` for the options.`);
    return 2;
  }
  if (parsed.kind === 'help') {
    console.log(parsed.text);
    return 0;
  }
  const { options } = parsed;
  const bar = process.stderr.isTTY ? new ProgressBar(process.stderr) : undefined;
  try {
    const run = await runImport(options, bar);
    bar?.done();
    console.log(
      formatSummary({
        ...run.result,
        durationMs: run.durationMs,
        reportFile: options.reportFile,
      }),
    );
    return 0;
  } catch (error) {
    bar?.done();
    console.error(`IMPORT FAILED: ${messageOf(error)}`);
    return 1;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
