/**
 * Every on-disk format Quiver has written, as named constants (memgraph `version.hpp` style). A change to a
 * byte layout adds a constant here, bumps the CURRENT one, keeps the reader of every older version and adds a
 * fixture under `test/crash/fixtures/` that recovery must still read.
 */

/** WAL segment format 1: the layout written out in `wal/wal-format.ts`. */
export const WAL_FORMAT_V1 = 1;
/** WAL segment format 2: format 1 plus zeros reserved after the records (see `wal/wal-format.ts`). */
export const WAL_FORMAT_V2 = 2;
/** WAL segment format 3: format 2 with the records of each write in a batch with a header (see `wal/wal-format.ts`). */
export const WAL_FORMAT_V3 = 3;
/**
 * WAL segment format 4: format 3 whose records may hold CreateTypedIndex changes (TEXT, POINT and VECTOR
 * indexes, `codec/record-codec.ts`). The segment layout is format 3's.
 */
export const WAL_FORMAT_V4 = 4;
/**
 * WAL segment format 5: format 4 whose CreateTypedIndex changes may define FULLTEXT indexes (several labels
 * or types, an analyzer; `codec/record-codec.ts`). The segment layout is format 3's.
 */
export const WAL_FORMAT_V5 = 5;
/** The WAL format this build writes. */
export const CURRENT_WAL_FORMAT = WAL_FORMAT_V5;
/** WAL formats this build can read. */
export const READABLE_WAL_FORMATS: readonly number[] = [
  WAL_FORMAT_V1,
  WAL_FORMAT_V2,
  WAL_FORMAT_V3,
  WAL_FORMAT_V4,
  WAL_FORMAT_V5,
];

/** Snapshot format 1: the layout written out in `snapshot/snapshot-format.ts`. */
export const SNAPSHOT_FORMAT_V1 = 1;
/** Snapshot format 2: format 1 plus a TYPED_INDEXES frame for TEXT, POINT and VECTOR indexes. */
export const SNAPSHOT_FORMAT_V2 = 2;
/** Snapshot format 3: format 2 whose typed index definitions may be FULLTEXT ones (as in WAL format 5). */
export const SNAPSHOT_FORMAT_V3 = 3;
/** The snapshot format this build writes. */
export const CURRENT_SNAPSHOT_FORMAT = SNAPSHOT_FORMAT_V3;
/** Snapshot formats this build can read. */
export const READABLE_SNAPSHOT_FORMATS: readonly number[] = [
  SNAPSHOT_FORMAT_V1,
  SNAPSHOT_FORMAT_V2,
  SNAPSHOT_FORMAT_V3,
];
