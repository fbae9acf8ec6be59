import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BoltResponseError } from '../../bolt/index.js';
import { nodeFileSystem, readSnapshotFile, type SnapshotReadResult } from '../../durability/index.js';
import { DatabaseError, invariant, Status } from '../../errors/index.js';
import type { ToolConnection } from './bolt-connection.js';
import { dumpHeader } from './dump-header.js';
import { openDumpFile, type DumpOutput } from './dump-output.js';

/**
 * Records per PULL of a Cypher dump. A record is a batch statement of up to a thousand entities (up to
 * about 256 KiB of text), so a few of them at a time keep the memory of a dump to a few MiB.
 */
const STATEMENTS_PER_PULL = 16;
/** Chunks (64 KiB each) per PULL of a binary dump: about 1 MiB in memory at a time. */
const CHUNKS_PER_PULL = 16;

/** What a Cypher dump wrote. */
export interface CypherDumpReport {
  readonly statements: number;
  readonly bytes: number;
  /** The database the server dumped (its `db` summary field), when it says. */
  readonly database: string | undefined;
}

/** What a binary dump wrote: the validated snapshot. */
export interface BinaryDumpReport {
  readonly snapshot: SnapshotReadResult;
  readonly database: string | undefined;
}

/**
 * Pulls the records of `RUN query` a batch at a time (everything at once before Bolt 4, which cannot
 * batch), handing each batch to `consume` before asking for the next, so memory holds one batch.
 */
async function pullInBatches(
  connection: ToolConnection,
  query: string,
  batch: number,
  consume: (records: readonly (readonly unknown[])[]) => Promise<void>,
): Promise<string | undefined> {
  const { client, extra } = connection;
  const n = client.isAtLeast(4, 0) ? batch : -1;
  const run = client.run(query, {}, { ...extra, mode: 'r' });
  const first = client.pull(n);
  first.catch(() => undefined);
  await run;
  let result = await first;
  for (;;) {
    await consume(result.records);
    if (!result.hasMore) break;
    result = await client.pull(n);
  }
  const db = result.summary['db'];
  return typeof db === 'string' ? db : undefined;
}

/** A record as a script line: a statement ends in `;`, a shell command (`:param …`) ends with its line. */
function scriptLine(record: unknown): string {
  const text = String(record);
  return text.startsWith(':') ? `${text}\n` : `${text};\n`;
}

/**
 * `DUMP DATABASE` over Bolt into `output`, after the header comment (`dumpHeader`, naming
 * the database asked for): one statement per line, each ending in `;`, and the `:param` lines that carry
 * BYTES values (what cypher-shell, `quiver shell` and `quiver load` replay).
 */
export async function dumpCypher(connection: ToolConnection, output: DumpOutput): Promise<CypherDumpReport> {
  let statements = 0;
  let bytes = 0;
  const asked = connection.extra['db'];
  const header = `${dumpHeader(typeof asked === 'string' ? asked : undefined).join('\n')}\n`;
  await output.write(header);
  bytes += Buffer.byteLength(header);
  const database = await pullInBatches(connection, 'DUMP DATABASE', STATEMENTS_PER_PULL, async (records) => {
    if (records.length === 0) return;
    const text = records.map((values) => scriptLine(values[0])).join('');
    statements += records.length;
    bytes += Buffer.byteLength(text);
    await output.write(text);
  });
  return { statements, bytes, database };
}

/**
 * `CALL quiver.backup()` over Bolt, its chunks concatenated into `path` (through a temporary file that is
 * validated with the snapshot reader before it is renamed: a dump that is not a whole, valid snapshot is
 * never left under the target name).
 * @throws DatabaseError StorageDamageDetected when the received bytes are not a valid snapshot;
 * ProcedureNotFound (with advice) when the server is not Quiver.
 */
export async function dumpBinary(connection: ToolConnection, path: string): Promise<BinaryDumpReport> {
  let snapshot: SnapshotReadResult | undefined;
  const file = await openDumpFile(path, async (temporaryPath) => {
    snapshot = await readSnapshotFile(nodeFileSystem, temporaryPath);
  });
  try {
    const database = await pullInBatches(
      connection,
      'CALL quiver.backup() YIELD chunk',
      CHUNKS_PER_PULL,
      async (records) => {
        for (const [chunk] of records) {
          if (!(chunk instanceof Uint8Array)) {
            throw new DatabaseError(
              Status.RequestInvalid,
              'quiver.backup() returned a chunk that is not BYTES',
            );
          }
          await file.write(chunk);
        }
      },
    ).catch((error: unknown) => {
      throw explainMissingBackup(error);
    });
    await file.finish();
    invariant(snapshot !== undefined, 'a finished binary dump was validated');
    return { snapshot, database };
  } catch (error) {
    await file.abandon();
    throw error;
  }
}

/**
 * A binary dump to a stream (`--to -`): written to a private temporary file and validated first, then
 * copied, so a consumer never receives a snapshot that turned out incomplete.
 */
export async function dumpBinaryToStream(
  connection: ToolConnection,
  output: DumpOutput,
): Promise<BinaryDumpReport> {
  const directory = await mkdtemp(join(tmpdir(), 'quiver-dump-'));
  try {
    const path = join(directory, 'backup.snap');
    const report = await dumpBinary(connection, path);
    for await (const chunk of createReadStream(path)) await output.write(chunk as Buffer);
    return report;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

function explainMissingBackup(error: unknown): unknown {
  if (error instanceof BoltResponseError && error.serverCode === Status.ProcedureNotFound.code) {
    return new DatabaseError(
      Status.ProcedureNotFound,
      `${error.message}: binary dumps need a Quiver server (quiver.backup()); use --format cypher for other servers`,
      { cause: error },
    );
  }
  return error;
}
