/**
 * `quiver import` end to end: checks the inputs and the destination `<dataDir>/databases/<name>/`, opens a
 * durable store there, imports into it (import-graph.ts), takes one snapshot so the database opens from
 * it, and closes. A failed import removes the database directory it created, so no half-imported
 * database is left for a server to open.
 */
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SnapshotInfo } from '../../durability/index.js';
import { DatabaseError, Status } from '../../errors/index.js';
import { importGraph, type ImportProgress, type ImportResult } from './import-graph.js';
import type { ImportCommandOptions } from './import-options.js';
import { ReportFile } from './report-file.js';

/** What `runImport` did. */
export interface ImportRun {
  readonly directory: string;
  readonly result: ImportResult;
  readonly snapshot: SnapshotInfo;
  /** Wall time of the whole run: reading, building, snapshot and close. */
  readonly durationMs: number;
}

/** The database directory an import writes: `<dataDir>/databases/<name>`. */
export function databaseDirectory(dataDir: string, database: string): string {
  return join(dataDir, 'databases', database.toLowerCase());
}

/**
 * Runs an import as the options say, reporting progress to `progress` when given.
 * @throws DatabaseError ArgumentError (bad input, stopped import), ExistingDatabaseFound (destination not
 * empty without `--overwrite-destination`), DatabaseUnavailable (destination in use).
 */
export async function runImport(
  options: ImportCommandOptions,
  progress?: ImportProgress,
): Promise<ImportRun> {
  const started = performance.now();
  checkInputs(options);
  const directory = databaseDirectory(options.dataDir, options.database);
  prepareDestination(directory, options.overwriteDestination);
  const report = new ReportFile(options.reportFile);
  let durable;
  try {
    // Loaded here, not at the top: flag parsing and --help need none of durability.
    const { openDurableStore } = await import('../../durability/index.js');
    durable = await openDurableStore({ directory, snapshotOnClose: false, snapshotAfterWalBytes: 0 });
    const result = await importGraph(durable.store, options.inputs, options.settings, {
      report,
      ...(progress === undefined ? {} : { progress }),
    });
    progress?.stage('Snapshot', 0);
    const snapshot = await durable.snapshot();
    await durable.close();
    return { directory, result, snapshot, durationMs: performance.now() - started };
  } catch (error) {
    await durable?.close().catch(() => undefined);
    rmSync(directory, { recursive: true, force: true });
    throw error;
  } finally {
    report.close();
  }
}

function checkInputs(options: ImportCommandOptions): void {
  const groups = [...options.inputs.nodes, ...options.inputs.relationships];
  const missing = groups.flatMap((group) => group.files).filter((file) => !isFile(file));
  if (missing.length > 0) {
    throw new DatabaseError(Status.ArgumentError, `Input file(s) not found: ${missing.join(', ')}`);
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Refuses a non-empty destination unless told to overwrite it, and never one a live process holds. */
function prepareDestination(directory: string, overwrite: boolean): void {
  if (!existsSync(directory) || readdirSync(directory).length === 0) return;
  if (!overwrite) {
    throw new DatabaseError(
      Status.ExistingDatabaseFound,
      `The database directory ${directory} exists and is not empty; use --overwrite-destination to replace it`,
    );
  }
  const owner = lockOwner(directory);
  if (owner !== undefined) {
    throw new DatabaseError(
      Status.DatabaseUnavailable,
      `The database directory ${directory} is in use by process ${owner}; stop it before importing`,
    );
  }
  rmSync(directory, { recursive: true, force: true });
}

/** The pid in the directory's LOCK file if that process is alive. */
function lockOwner(directory: string): number | undefined {
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(join(directory, 'LOCK'), 'utf8').trim(), 10);
  } catch {
    return undefined;
  }
  if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : undefined;
  }
}
