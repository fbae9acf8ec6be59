import type { CypherValue } from '../../values/index.js';

/** Blocks split when they reach twice this many entries. */
const BLOCK_LOAD = 256;
/** `insertMany` merges when the batch holds at least 1/MERGE_RATIO of the entries already present. */
const MERGE_RATIO = 8;

/** A monotone predicate over entries: true for a (possibly empty) prefix of the sorted order, then false. */
export type EntryPredicate = (value: CypherValue, id: number) => boolean;

/** A place in the list: block number and index inside it. */
export interface EntryPosition {
  block: number;
  index: number;
}

/** One sorted run of entries, as parallel arrays. */
class Block {
  readonly values: CypherValue[];
  readonly ids: number[];

  constructor(values: CypherValue[], ids: number[]) {
    this.values = values;
    this.ids = ids;
  }
}

const NO_BLOCK = new Block([], []);

/**
 * A sorted set of `(value, entity id)` entries: a list of sorted blocks of at most 512 entries (the shape of
 * Python's SortedList), which keeps inserts and deletes O(log n + block) with far less code than a B+tree
 * and iterates with two array reads per entry. Values are ordered by the comparator given (the index's key
 * order) and ties by id, so an entity appears at most once per equal value.
 * `modifications` counts changes, so a cursor can tell that positions may have shifted and seek again.
 */
export class SortedEntries {
  private readonly blocks: Block[] = [];
  private count = 0;
  /** Incremented by every insert and delete. */
  modifications = 0;
  readonly compareValues: (a: CypherValue, b: CypherValue) => number;

  constructor(compareValues: (a: CypherValue, b: CypherValue) => number) {
    this.compareValues = compareValues;
  }

  get size(): number {
    return this.count;
  }

  /** Adds the entry; returns false when an equal entry is already present. */
  insert(value: CypherValue, id: number): boolean {
    const last = this.blocks.length - 1;
    if (last < 0) {
      this.blocks.push(new Block([value], [id]));
    } else {
      let { block, index } = this.lowerBound((v, i) => this.compare(v, i, value, id) < 0);
      if (block > last) {
        block = last;
        index = this.blockAt(last).values.length;
      } else if (this.compare(this.valueAt(block, index), this.idAt(block, index), value, id) === 0) {
        return false;
      }
      const target = this.blockAt(block);
      target.values.splice(index, 0, value);
      target.ids.splice(index, 0, id);
      if (target.values.length >= BLOCK_LOAD * 2) {
        this.blocks.splice(
          block + 1,
          0,
          new Block(target.values.splice(BLOCK_LOAD), target.ids.splice(BLOCK_LOAD)),
        );
      }
    }
    this.count++;
    this.modifications++;
    return true;
  }

  /**
   * Adds many entries at once (index population). A batch that is large next to the list is sorted and
   * merged with it in one pass, which rebuilds the blocks; a small one is inserted entry by entry. Returns
   * how many entries were new.
   */
  insertMany(values: readonly CypherValue[], ids: readonly number[]): number {
    if (values.length === 0) return 0;
    if (values.length * MERGE_RATIO < this.count) {
      let added = 0;
      for (const [at, value] of values.entries()) if (this.insert(value, ids[at] ?? -1)) added++;
      return added;
    }
    const compare = this.compareValues;
    const order = Array.from(values.keys()).sort(
      (a, b) => compare(values[a] ?? null, values[b] ?? null) || (ids[a] ?? -1) - (ids[b] ?? -1),
    );
    const mergedValues: CypherValue[] = [];
    const mergedIds: number[] = [];
    let next = 0;
    let nextValue: CypherValue = null;
    let nextId = -1;
    const load = (): void => {
      const at = order[next] ?? 0;
      nextValue = values[at] ?? null;
      nextId = ids[at] ?? -1;
    };
    if (order.length > 0) load();
    // Equal entries (in the batch, or already present) are kept once: a batch entry equal to the last
    // one taken is skipped.
    /** Takes the batch entries before `(value, id)`, or all that are left (`id` undefined). */
    const takeBatchBefore = (value: CypherValue, id: number | undefined): void => {
      while (next < order.length) {
        if (id !== undefined && (compare(nextValue, value) || nextId - id) >= 0) return;
        const last = mergedValues.length - 1;
        if (last < 0 || compare(mergedValues[last] ?? null, nextValue) !== 0 || mergedIds[last] !== nextId) {
          mergedValues.push(nextValue);
          mergedIds.push(nextId);
        }
        next++;
        if (next < order.length) load();
      }
    };
    for (const block of this.blocks) {
      const blockValues = block.values;
      const blockIds = block.ids;
      for (let at = 0; at < blockValues.length; at++) {
        const value = blockValues[at] ?? null;
        const id = blockIds[at] ?? -1;
        takeBatchBefore(value, id);
        // A batch entry equal to this one is dropped: the present entry stays.
        while (next < order.length && compare(nextValue, value) === 0 && nextId === id) {
          next++;
          if (next < order.length) load();
        }
        mergedValues.push(value);
        mergedIds.push(id);
      }
    }
    takeBatchBefore(null, undefined);
    const added = mergedValues.length - this.count;
    this.blocks.length = 0;
    for (let start = 0; start < mergedValues.length; start += BLOCK_LOAD) {
      this.blocks.push(
        new Block(mergedValues.slice(start, start + BLOCK_LOAD), mergedIds.slice(start, start + BLOCK_LOAD)),
      );
    }
    this.count = mergedValues.length;
    this.modifications += Math.max(added, 1);
    return added;
  }

  /** Removes the entry equal to `(value, id)`; returns whether there was one. */
  remove(value: CypherValue, id: number): boolean {
    const { block, index } = this.lowerBound((v, i) => this.compare(v, i, value, id) < 0);
    if (block >= this.blocks.length) return false;
    if (this.compare(this.valueAt(block, index), this.idAt(block, index), value, id) !== 0) return false;
    const target = this.blockAt(block);
    target.values.splice(index, 1);
    target.ids.splice(index, 1);
    if (target.values.length === 0) this.blocks.splice(block, 1);
    this.count--;
    this.modifications++;
    return true;
  }

  /** The first position whose entry does not satisfy `before` (block = block count when there is none). */
  lowerBound(before: EntryPredicate): EntryPosition {
    let low = 0;
    let high = this.blocks.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const { values, ids } = this.blockAt(middle);
      const last = values.length - 1;
      if (before(values[last] ?? null, ids[last] ?? -1)) low = middle + 1;
      else high = middle;
    }
    if (low === this.blocks.length) return { block: low, index: 0 };
    const { values, ids } = this.blockAt(low);
    let from = 0;
    let to = values.length;
    while (from < to) {
      const middle = (from + to) >>> 1;
      if (before(values[middle] ?? null, ids[middle] ?? -1)) from = middle + 1;
      else to = middle;
    }
    return { block: low, index: from };
  }

  /** Moves `position` to the next entry (past the end: block = block count). */
  advance(position: EntryPosition): void {
    position.index++;
    if (position.index >= this.blockAt(position.block).values.length) {
      position.block++;
      position.index = 0;
    }
  }

  /** Whether `position` is past the last entry. */
  isEnd(position: EntryPosition): boolean {
    return position.block >= this.blocks.length;
  }

  valueAt(block: number, index: number): CypherValue {
    return this.blockAt(block).values[index] ?? null;
  }

  idAt(block: number, index: number): number {
    return this.blockAt(block).ids[index] ?? -1;
  }

  /** Calls `visit` for every entry in order (for statistics and tests). */
  forEach(visit: (value: CypherValue, id: number) => void): void {
    for (const { values, ids } of this.blocks) {
      values.forEach((value, index) => {
        visit(value, ids[index] ?? -1);
      });
    }
  }

  private blockAt(block: number): Block {
    return this.blocks[block] ?? NO_BLOCK;
  }

  private compare(valueA: CypherValue, idA: number, valueB: CypherValue, idB: number): number {
    const order = this.compareValues(valueA, valueB);
    return order !== 0 ? order : idA - idB;
  }
}
