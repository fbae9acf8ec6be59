/**
 * The two views a statement reads through (Memgraph `View::OLD` / `View::NEW`):
 * - `OLD`: the transaction's snapshot plus its own writes from earlier statements (commands), but not the
 *   writes of the current one. A write clause reads through it so it never sees its own effects (no
 *   Halloween problem: `MATCH (n) CREATE ()` does not match the nodes it creates).
 * - `NEW`: the same plus every write of the transaction so far, the current statement's included.
 * Neither view ever shows another transaction's uncommitted writes or writes committed after the snapshot.
 */
export type View = 'OLD' | 'NEW';

/** Named constants for the two views, so call sites read `View.NEW`. */
export const View = { OLD: 'OLD', NEW: 'NEW' } as const satisfies Record<View, View>;
