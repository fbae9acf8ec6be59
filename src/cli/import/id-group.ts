/**
 * One id space: ids as written in the files → dense node ids. Ids are most often small non-negative
 * integers (row numbers, database keys), so those live in a typed array indexed by the id, which is many
 * times faster than a hash map and holds a million ids in 4 MB; other ids (text, negative or sparse large
 * numbers) go to a Map. The array grows only while it stays at most 8 times the number of ids it holds,
 * so a few huge ids cannot make it huge.
 */
import type { IdKey } from './id-spaces.js';

const INITIAL = 1024;
const SLACK = 65_536;

export class IdGroup {
  /** `dense[id]` is the node id + 1, or 0 when `id` is unknown. */
  private dense = new Int32Array(INITIAL);
  private denseCount = 0;
  private readonly other = new Map<IdKey, number>();

  /** The number of ids. */
  get size(): number {
    return this.denseCount + this.other.size;
  }

  get(key: IdKey): number | undefined {
    if (typeof key === 'number' && key >= 0 && key < this.dense.length) {
      const value = this.dense[key] ?? 0;
      return value === 0 ? undefined : value - 1;
    }
    return this.other.get(key);
  }

  has(key: IdKey): boolean {
    return this.get(key) !== undefined;
  }

  /** Binds `key` (not bound yet) to node `id`. */
  set(key: IdKey, id: number): void {
    if (typeof key === 'number' && Number.isInteger(key) && key >= 0 && this.fitsDense(key)) {
      if (this.dense[key] === 0) this.denseCount++;
      this.dense[key] = id + 1;
      return;
    }
    this.other.set(key, id);
  }

  /** Whether `key` is (or can be made, by growing) inside the dense array. */
  private fitsDense(key: number): boolean {
    if (key < this.dense.length) return true;
    let length = this.dense.length;
    while (length <= key) length *= 2;
    if (length > 8 * (this.size + SLACK) || length > 2 ** 30) return false;
    const grown = new Int32Array(length);
    grown.set(this.dense);
    this.dense = grown;
    // Ids that went to the map while the array was smaller move in, so lookups need look in one place.
    for (const [other, id] of this.other) {
      if (typeof other === 'number' && Number.isInteger(other) && other >= 0 && other < length) {
        this.dense[other] = id + 1;
        this.denseCount++;
        this.other.delete(other);
      }
    }
    return true;
  }
}
