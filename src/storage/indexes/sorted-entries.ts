import type { CypherValue } from '../../values/index.js';

/** Blocks split when they reach twice this many entries. */
const BLOCK_LOAD = 256;

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
