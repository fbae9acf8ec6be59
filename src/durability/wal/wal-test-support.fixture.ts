import { DatabaseError, Status } from '../../errors/index.js';
import type { CommitRecord } from '../../storage/index.js';
import { FaultyFileSystem } from '../fs/faulty-file-system.js';
import { readWal, type WalReadReport } from './wal-reader.js';
import { WalWriter, type WalWriterOptions } from './wal-writer.js';

/*
 * Test-only helpers for the WAL tests: records with tokens that repeat across records (so that per-segment
 * token stripping matters), a seeded random source, and reading a whole WAL into a list.
 */

export const WAL_DIRECTORY = '/db/wal';

/** A record creating node `commitTs` with a label and a property whose tokens recur every few records. */
export function sampleRecord(commitTs: number): CommitRecord {
  const label = commitTs % 3;
  const key = commitTs % 2;
  return {
    commitTs,
    tokens: [
      { kind: 'LABEL', id: label, name: `Label${label}` },
      { kind: 'PROPERTY_KEY', id: key, name: `key${key}` },
    ],
    changes: [
      { kind: 'CreateNode', id: commitTs, labels: [label], properties: [[key, BigInt(commitTs)]] },
      { kind: 'SetNodeProperty', id: commitTs, key, value: `value ${commitTs}` },
    ],
  };
}

/** A file system with the WAL directory created durably. */
export async function walFileSystem(): Promise<FaultyFileSystem> {
  const fileSystem = new FaultyFileSystem();
  await fileSystem.makeDirectory(WAL_DIRECTORY);
  await fileSystem.syncDirectory('/db');
  await fileSystem.syncDirectory('/');
  return fileSystem;
}

/** A writer on WAL_DIRECTORY of database `db-1` from commit ts 1, unless `options` say otherwise. */
export function openWalWriter(
  fileSystem: FaultyFileSystem,
  options: Partial<WalWriterOptions> = {},
): Promise<WalWriter> {
  return WalWriter.open({
    fileSystem,
    directory: WAL_DIRECTORY,
    databaseId: 'db-1',
    nextCommitTs: 1,
    ...options,
  });
}

/** mulberry32: a small seeded generator, so that torn crashes are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** Reads every record of the WAL (with repair unless told otherwise). */
export async function readAll(
  fileSystem: FaultyFileSystem,
  options: { repair?: boolean; afterCommitTs?: number } = {},
): Promise<{ records: CommitRecord[]; report: WalReadReport }> {
  const records: CommitRecord[] = [];
  const report = await readWal({
    fileSystem,
    directory: WAL_DIRECTORY,
    afterCommitTs: options.afterCommitTs ?? 0,
    onRecord: (record) => records.push(record),
    repair: options.repair ?? true,
  });
  return { records, report };
}

export function isStatus(status: (typeof Status)[keyof typeof Status]): (error: unknown) => boolean {
  return (error) => error instanceof DatabaseError && error.status === status;
}

export const isTransactionLogError = isStatus(Status.TransactionLogError);
export const isStorageDamage = isStatus(Status.StorageDamageDetected);
