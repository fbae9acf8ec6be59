import {
  checkDatabases,
  formatCheck,
  messageOf,
  parseCheckCommand,
  processToolIo,
  type CheckCommandOptions,
  type Parsed,
  type ToolIo,
} from './backup/index.js';

/**
 * `quiver check`: verifies the databases of a data directory (snapshots, WAL, the recovered graph) and
 * lists the problems found. Exit codes: 0 no problem, 1 problems (or nothing to check), 2 invalid flags.
 */
export async function runCheckCommand(
  argv: readonly string[],
  io: ToolIo = processToolIo(),
): Promise<number> {
  let parsed: Parsed<CheckCommandOptions>;
  try {
    parsed = parseCheckCommand(argv);
  } catch (error) {
    io.stderr(`${messageOf(error)}\nRun \`quiver check --help\` for the options.\n`);
    return 2;
  }
  if (parsed.kind === 'help') {
    io.stdout(parsed.text);
    return 0;
  }
  const { options } = parsed;
  try {
    const checks = await checkDatabases(options);
    if (checks.length === 0) {
      io.stderr(`CHECK FAILED: no databases in "${options.dataDir}"\n`);
      return 1;
    }
    for (const check of checks) io.stdout(`${formatCheck(check)}\n`);
    const damaged = checks.filter((check) => check.problems.length > 0);
    if (damaged.length > 0) {
      io.stderr(`CHECK FAILED: problems in ${damaged.map((check) => check.name).join(', ')}\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    io.stderr(`CHECK FAILED: ${messageOf(error)}\n`);
    return 1;
  }
}
