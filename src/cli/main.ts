#!/usr/bin/env node
/**
 * The `quiver` command: dispatches to one `run<Name>Command(argv)` per subcommand, each in its own file and
 * loaded only when used (start-up time). `quiver serve` is the default.
 */
import { fileURLToPath } from 'node:url';
import { loadCachedBundle } from './cached-bundle.js';

/** A subcommand: resolves with the exit code, or -1 when it keeps the process running (serve). */
type CommandRunner = (argv: readonly string[]) => Promise<number>;

interface CommandEntry {
  readonly summary: string;
  readonly load: () => Promise<CommandRunner>;
}

const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  serve: {
    summary: 'start a server (default)',
    load: async () => serveFromBundle() ?? (await import('./serve-command.js')).runServeCommand,
  },
  shell: {
    summary: 'interactive Cypher shell over Bolt (cypher-shell style)',
    load: async () => (await import('./shell-command.js')).runShellCommand,
  },
  import: {
    summary: 'bulk-load CSV files (neo4j-admin import format) into a new database',
    load: async () => (await import('./import-command.js')).runImportCommand,
  },
  dump: {
    summary: 'dump a database of a running server as a Cypher script or a binary backup',
    load: async () => (await import('./dump-command.js')).runDumpCommand,
  },
  load: {
    summary: 'load a dump into a data directory (offline) or a running server (Cypher)',
    load: async () => (await import('./load-command.js')).runLoadCommand,
  },
  check: {
    summary: 'verify the databases of a data directory',
    load: async () => (await import('./check-command.js')).runCheckCommand,
  },
  version: {
    summary: 'print the version',
    load: async () => (await import('./version-command.js')).runVersionCommand,
  },
};

/**
 * The bundled CLI (build/cli, made by scripts/bundle-cli.mjs) also ships `quiver serve` as one CommonJS
 * bundle, `serve.cjs`, with a V8 code cache made at build time: it reaches "Bolt ready" sooner than
 * loading the same code as ES modules (issue #6: at most 200 ms from process start). Without it (the
 * unbundled build/src/cli) the modules are imported.
 */
function serveFromBundle(): CommandRunner | undefined {
  const bundle = loadCachedBundle(fileURLToPath(new URL('./serve.cjs', import.meta.url)));
  if (bundle === undefined) return undefined;
  const { runServeCommand } = bundle.exports as { runServeCommand?: unknown };
  if (typeof runServeCommand !== 'function') return undefined;
  return runServeCommand as CommandRunner;
}

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length)) + 2;
  const lines = Object.entries(COMMANDS).map(([name, entry]) => `  ${name.padEnd(width)}${entry.summary}`);
  return `Usage: quiver <command> [options]\n\nCommands:\n${lines.join('\n')}\n  ${'help'.padEnd(width)}this text\n\nRun \`quiver <command> --help\` for a command's options.`;
}

async function main(argv: readonly string[]): Promise<number> {
  const [command = 'serve', ...rest] = argv[0]?.startsWith('-') === true ? ['serve', ...argv] : argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    console.log(usage());
    return 0;
  }
  const entry = COMMANDS[command];
  if (entry === undefined) {
    console.error(`Unknown command: ${command}\n\n${usage()}`);
    return 2;
  }
  const run = await entry.load();
  return run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    console.error('[quiver] ERROR', error);
    process.exitCode = 1;
  },
);
