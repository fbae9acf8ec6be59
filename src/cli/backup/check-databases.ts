import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { checkDataDirectory, type CheckReport } from '../../durability/index.js';
import type { CheckCommandOptions } from './check-options.js';

/** The check of one database directory. */
export interface DatabaseCheck {
  readonly name: string;
  readonly directory: string;
  /** What `checkDataDirectory` found; a missing directory is a problem of its own. */
  readonly problems: readonly string[];
  readonly report: CheckReport | undefined;
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  );
}

/** The databases to check: the one named, or every directory under `<dataDir>/databases/`. */
async function databaseNames(options: CheckCommandOptions): Promise<string[]> {
  if (options.databases.kind === 'one') return [options.databases.name];
  const root = join(options.dataDir, 'databases');
  const names = await readdir(root).catch(() => []);
  const directories: string[] = [];
  for (const name of names.sort()) if (await isDirectory(join(root, name))) directories.push(name);
  return directories;
}

/** Checks each database asked for, one after the other (each recovers a scratch copy in memory). */
export async function checkDatabases(options: CheckCommandOptions): Promise<DatabaseCheck[]> {
  const names = await databaseNames(options);
  const checks: DatabaseCheck[] = [];
  for (const name of names) {
    const directory = join(options.dataDir, 'databases', name);
    if (!(await isDirectory(directory))) {
      checks.push({
        name,
        directory,
        problems: [`There is no database "${name}" in "${options.dataDir}" (no directory ${directory})`],
        report: undefined,
      });
      continue;
    }
    const report = await checkDataDirectory({ directory });
    checks.push({ name, directory, problems: report.problems, report });
  }
  return checks;
}

/** A check as text: one line when sound, then a line per problem. */
export function formatCheck(check: DatabaseCheck): string {
  const { report } = check;
  const lines: string[] = [];
  if (report !== undefined) {
    const wal = `${String(report.walRecords)} WAL records`;
    const origin =
      report.snapshot === undefined
        ? `no snapshot, ${wal}`
        : `snapshot at commit ${String(report.snapshot.commitTs)}, ${wal} after it`;
    const figures = `${origin}, ${String(report.nodes)} nodes, ${String(report.relationships)} relationships`;
    lines.push(`${check.name}: ${check.problems.length === 0 ? 'OK' : 'DAMAGED'} (${figures})`);
    if (report.tornTail !== undefined) {
      const { segment, offset, droppedBytes } = report.tornTail;
      lines.push(
        `  note: ${segment} ends in a torn write at offset ${String(offset)} (${String(droppedBytes)} bytes), which recovery cuts off`,
      );
    }
  } else {
    lines.push(`${check.name}: MISSING`);
  }
  for (const problem of check.problems) lines.push(`  problem: ${problem}`);
  return lines.join('\n');
}
