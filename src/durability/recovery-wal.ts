import type { FileSystem } from './file-system.js';
import { decodeWalHeader, parseWalSegmentName } from './wal/wal-format.js';

/** A WAL segment file found in a directory. */
export interface WalSegmentEntry {
  readonly name: string;
  readonly firstCommitTs: number;
}

/** Bytes read to find a segment header (database ids are short; longer headers are read again in full). */
const HEADER_PROBE_BYTES = 4096;

/** The WAL segments in `directory`, by first commit timestamp (names: `wal-<ts, 20 digits>.log`). */
export async function listWalSegments(fileSystem: FileSystem, directory: string): Promise<WalSegmentEntry[]> {
  const segments: WalSegmentEntry[] = [];
  for (const name of await fileSystem.list(directory)) {
    const firstCommitTs = parseWalSegmentName(name);
    if (firstCommitTs !== undefined) segments.push({ name, firstCommitTs });
  }
  return segments.sort((a, b) => a.firstCommitTs - b.firstCommitTs);
}

/**
 * The database id in the first readable WAL segment header, or `undefined` when there is none. Recovery
 * needs it before replaying (the store is created with its id); damaged headers are left for the WAL
 * reader to report.
 */
export async function peekWalDatabaseId(
  fileSystem: FileSystem,
  directory: string,
): Promise<string | undefined> {
  for (const segment of await listWalSegments(fileSystem, directory)) {
    const file = await fileSystem.openRead(`${directory}/${segment.name}`);
    try {
      let decoded = decodeWalHeader(await file.read(0, HEADER_PROBE_BYTES));
      if (
        decoded.kind === 'torn' &&
        decoded.declaredEnd !== undefined &&
        decoded.declaredEnd > HEADER_PROBE_BYTES
      ) {
        decoded = decodeWalHeader(await file.read(0, decoded.declaredEnd));
      }
      if (decoded.kind === 'header') return decoded.header.databaseId;
      if (decoded.kind === 'foreign') return undefined;
    } finally {
      await file.close();
    }
  }
  return undefined;
}
