import { encodeSnapshotChunks, type DatabaseEngine, type ProcedureDefinition } from '../engine/index.js';
import { DatabaseError, Status } from '../errors/index.js';
import type { CypherMap } from '../values/index.js';

/** Tuning and observation of `quiver.backup()` (tests). */
export interface BackupProcedureOptions {
  /** Bytes per `chunk` row. Default 64 KiB. */
  readonly chunkBytes?: number;
  /** Entity ids encoded per step. Default 1024. */
  readonly batchSize?: number;
  /** Called with each chunk as it is produced (tests count them to show the backup is lazy). */
  readonly onChunk?: (chunk: Uint8Array) => void;
}

/** Small steps: a chunk costs about a chunk of encoding, even when most ids are deleted. */
const BACKUP_BATCH = 1024;

/**
 * `CALL quiver.backup() YIELD chunk`: an online binary backup of the database the call runs in, one
 * consistent MVCC snapshot in the snapshot file format, as `chunk :: BYTES` rows produced only as the client
 * pulls them (the chunks concatenated are a snapshot file; `quiver load` installs one). The snapshot's read
 * transaction begins at the first pull and ends when the rows are exhausted or the result is closed.
 * @throws DatabaseError DatabaseUnavailable (transient: retry) when a schema change is being committed at
 * that moment, since the catalog then matches no commit timestamp.
 */
export function backupProcedure(
  engine: DatabaseEngine,
  options: BackupProcedureOptions = {},
): ProcedureDefinition {
  return {
    name: 'quiver.backup',
    description:
      'Streams a consistent binary backup of this database (the snapshot file format) as BYTES chunks; ' +
      'concatenated, they form a snapshot file that `quiver load` restores.',
    mode: 'READ',
    inputs: [],
    outputs: [{ name: 'chunk', type: 'BYTES?' }],
    call: () => backupRows(engine, options),
  };
}

/** A generator, so nothing happens (no read transaction opens) until the first row is pulled. */
function* backupRows(engine: DatabaseEngine, options: BackupProcedureOptions): Generator<CypherMap> {
  const source = engine.store.openSnapshotSource();
  if (source === undefined) {
    throw new DatabaseError(
      Status.DatabaseUnavailable,
      `Cannot start a backup of database "${engine.name}" while a schema change is being committed: retry in a moment`,
    );
  }
  try {
    const chunks = encodeSnapshotChunks(source, {
      batchSize: options.batchSize ?? BACKUP_BATCH,
      ...(options.chunkBytes === undefined ? {} : { chunkBytes: options.chunkBytes }),
    });
    for (const chunk of chunks) {
      options.onChunk?.(chunk);
      yield { chunk };
    }
  } finally {
    source.close();
  }
}
