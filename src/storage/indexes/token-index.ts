import { IdSet } from './id-set.js';

/**
 * Token lookup: for each label (or relationship type), the ids of the entities that have it in some
 * version not yet garbage-collected (Neo4j's token lookup indexes). It may hold ids a given snapshot cannot
 * see, so scans check visibility; an entity without pending changes is in the set exactly when its newest
 * version has the token, which lets scans skip the check in the common case.
 */
export class TokenIndex {
  private readonly sets: (IdSet | undefined)[] = [];

  /** The set for `token`, or `undefined` when no entity ever had it. */
  get(token: number): IdSet | undefined {
    return this.sets[token];
  }

  add(token: number, id: number): void {
    let set = this.sets[token];
    if (set === undefined) {
      while (this.sets.length < token) this.sets.push(undefined);
      set = new IdSet();
      this.sets[token] = set;
    }
    set.add(id);
  }

  delete(token: number, id: number): void {
    this.sets[token]?.delete(id);
  }

  has(token: number, id: number): boolean {
    return this.sets[token]?.has(id) ?? false;
  }

  /** The number of ids under `token` (an upper bound of the visible count, for the planner). */
  count(token: number): number {
    return this.sets[token]?.size ?? 0;
  }

  /** Bytes held by all sets. */
  get byteSize(): number {
    let bytes = 0;
    for (const set of this.sets) bytes += set?.byteSize ?? 0;
    return bytes;
  }
}
