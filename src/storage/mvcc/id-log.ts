/** Shared by every log that has not grown yet, so an unused log allocates nothing. */
const NO_IDS = new Int32Array(0);

/** Entries a log holds before it gives up and reports itself as overflowed (4 MiB of ids). */
export const DEFAULT_ID_LOG_LIMIT = 1 << 20;

/** Logs at least this long are intersected through a bitmap rather than hash lookups. */
const BITMAP_MIN_LOG = 4096;

/** A set of ids that also knows its smallest and largest member (the ids a log is intersected with). */
export class IdSet {
  private readonly ids = new Set<number>();
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;

  get size(): number {
    return this.ids.size;
  }

  add(id: number): void {
    this.ids.add(id);
    if (id < this.min) this.min = id;
    if (id > this.max) this.max = id;
  }

  has(id: number): boolean {
    return this.ids.has(id);
  }

  /** One bit per id from `min` to `max`, set for the members. */
  toBitmap(): Uint32Array {
    const words = new Uint32Array(((this.max - this.min) >>> 5) + 1);
    for (const id of this.ids) {
      const offset = id - this.min;
      words[offset >>> 5] = (words[offset >>> 5] ?? 0) | (1 << (offset & 31));
    }
    return words;
  }
}

/**
 * An append-only log of entity ids in a growable `Int32Array`: what a read-write transaction read, recorded
 * for commit-time validation. Appending is a compare and a store (no allocation except when the array
 * doubles), and an id equal to the previous one is skipped, because reads come in runs (`n.name, n.age`).
 * Duplicates further apart stay: validation scans the log once, which costs less than hashing every read.
 *
 * Past `limit` entries the log drops its ids and sets `overflowed`: the owner must then assume that every
 * entity of the kind was read (lock escalation, as databases do with too many row locks).
 *
 * Ids are stored as int32. Storage ids are int32 by construction; a larger number (a read of an id that
 * cannot exist) wraps onto another id, which can only add a needless conflict, never hide one.
 */
export class IdLog {
  private ids = NO_IDS;
  private count = 0;
  private last = -1;
  private readonly limit: number;
  /** True once more than `limit` ids were logged: the ids are gone and the log stands for "everything". */
  overflowed = false;

  constructor(limit = DEFAULT_ID_LOG_LIMIT) {
    this.limit = limit;
  }

  /** The number of ids logged (0 once overflowed). */
  get length(): number {
    return this.count;
  }

  /** Logs `id` unless it repeats the previous one. */
  add(id: number): void {
    if (id === this.last) return;
    this.last = id;
    const count = this.count;
    if (count < this.ids.length) {
      this.ids[count] = id;
      this.count = count + 1;
      return;
    }
    this.grow(id);
  }

  /**
   * The first logged id that is in `ids`, if any (none once overflowed: check `overflowed` first). Ids
   * outside `ids`' bounds are ruled out by two compares, which settles most of them when few entities
   * changed; a long log is then looked up in a bitmap of the bounds, a short one in the set itself.
   */
  intersects(ids: IdSet): number | undefined {
    if (ids.size === 0) return undefined;
    const { min, max } = ids;
    const logged = this.ids;
    if (this.count >= BITMAP_MIN_LOG && ids.size > 1) {
      const bits = ids.toBitmap();
      for (let index = 0; index < this.count; index++) {
        const id = logged[index] ?? -1;
        if (id < min || id > max) continue;
        const offset = id - min;
        if ((((bits[offset >>> 5] ?? 0) >>> (offset & 31)) & 1) === 1) return id;
      }
      return undefined;
    }
    for (let index = 0; index < this.count; index++) {
      const id = logged[index] ?? -1;
      if (id >= min && id <= max && ids.has(id)) return id;
    }
    return undefined;
  }

  private clear(): void {
    this.ids = NO_IDS;
    this.count = 0;
    this.last = -1;
  }

  private grow(id: number): void {
    if (this.overflowed) return;
    if (this.count >= this.limit) {
      this.overflowed = true;
      this.clear();
      return;
    }
    const bigger = new Int32Array(Math.min(this.limit, Math.max(16, this.ids.length * 2)));
    bigger.set(this.ids);
    this.ids = bigger;
    this.ids[this.count++] = id;
  }
}
