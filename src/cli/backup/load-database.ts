import { createReadStream } from 'node:fs';
import { open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { installSnapshot, type SnapshotReadResult } from '../../durability/index.js';
import { Database } from '../../engine/index.js';
import { DatabaseError, Status } from '../../errors/index.js';
import { connectBolt, type BoltSettings } from './bolt-connection.js';
import { boltRunner } from './bolt-runner.js';
import { embeddedRunner } from './embedded-runner.js';
import { replayStatements, type ReplayReport } from './replay-statements.js';
import { readScriptInputs } from './script-inputs.js';

/**
 * The snapshot format's magic bytes ("QVRSNAP\0", durability/snapshot/snapshot-format.ts): a file that
 * starts with them is a binary dump. Only sniffed here; the reader checks everything else.
 */
const SNAPSHOT_MAGIC = Uint8Array.of(0x51, 0x56, 0x52, 0x53, 0x4e, 0x41, 0x50, 0x00);

/** `binary` when the file starts with the snapshot magic, `cypher` otherwise. */
export async function detectDumpFormat(path: string): Promise<'cypher' | 'binary'> {
  const file = await open(path, 'r');
  try {
    const head = new Uint8Array(SNAPSHOT_MAGIC.length);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    const isSnapshot = bytesRead === head.length && head.every((byte, at) => byte === SNAPSHOT_MAGIC[at]);
    return isSnapshot ? 'binary' : 'cypher';
  } finally {
    await file.close();
  }
}

/** Adds what to do to the "directory in use" error: the LOCK belongs to a running server. */
function explainLock(error: unknown, advice: string): unknown {
  if (error instanceof DatabaseError && error.status === Status.DatabaseUnavailable) {
    return new DatabaseError(
      Status.DatabaseUnavailable,
      `${error.message}: a running server (or another quiver process) holds its LOCK; ${advice}`,
      { cause: error },
    );
  }
  return error;
}

/**
 * Installs a binary dump as database `name` of `dataDir` (`<dataDir>/databases/<name>`, which must be
 * empty or absent), validated before it is installed. A database directory that did not exist before is
 * removed again when the install fails, so a bad file leaves no empty database behind.
 * @throws DatabaseError ExistingDatabaseFound, StorageDamageDetected, DatabaseUnavailable (a server has
 * the directory open).
 */
export async function loadBinary(
  input: string | NodeJS.ReadableStream,
  dataDir: string,
  name: string,
): Promise<SnapshotReadResult> {
  const directory = join(dataDir, 'databases', name);
  const existed = await stat(directory).then(
    () => true,
    () => false,
  );
  const chunks = (typeof input === 'string' ? createReadStream(input) : input) as AsyncIterable<Uint8Array>;
  try {
    return await installSnapshot(directory, chunks);
  } catch (error) {
    if (!existed) await rm(directory, { recursive: true, force: true }).catch(() => undefined);
    throw explainLock(error, 'stop it first (a binary backup loads only into a database no server has open)');
  }
}

/** Replays a Cypher script into database `name` of `dataDir` through the embedded engine. */
export async function loadCypherOffline(
  input: string | NodeJS.ReadableStream,
  dataDir: string,
  name: string,
  batchSize: number,
): Promise<ReplayReport> {
  let database: Database;
  try {
    database = await Database.open({ dataDir, name });
  } catch (error) {
    throw explainLock(error, 'stop it first, or load into the running server with --address');
  }
  try {
    return await replayStatements(readScriptInputs(input), embeddedRunner(database), { batchSize });
  } finally {
    await database.close();
  }
}

/** Replays a Cypher script into a running server over Bolt. */
export async function loadCypherOnline(
  input: string | NodeJS.ReadableStream,
  settings: BoltSettings,
  batchSize: number,
): Promise<ReplayReport> {
  const connection = await connectBolt(settings, 'quiver-load');
  try {
    return await replayStatements(readScriptInputs(input), boltRunner(connection), { batchSize });
  } finally {
    await connection.close();
  }
}
