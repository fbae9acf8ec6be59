/** A node's labels: label tokens sorted ascending, without duplicates, frozen and shared between nodes. */
export type LabelSet = readonly number[];

const EMPTY: LabelSet = Object.freeze([]);

/**
 * Interns label sets, so every node with the labels `:Person:User` points at one shared frozen array. A node
 * then costs one array slot for its labels, and graphs have few distinct label combinations.
 */
export class LabelSets {
  private readonly byKey = new Map<string, LabelSet>([['', EMPTY]]);

  /** The set without labels. */
  get empty(): LabelSet {
    return EMPTY;
  }

  /** The number of distinct sets interned so far. */
  get size(): number {
    return this.byKey.size;
  }

  /** The interned set holding exactly `labels` (any order, duplicates allowed). */
  intern(labels: readonly number[]): LabelSet {
    if (labels.length === 0) return EMPTY;
    const sorted = [...new Set(labels)].sort((a, b) => a - b);
    const key = sorted.join(',');
    const existing = this.byKey.get(key);
    if (existing !== undefined) return existing;
    const set = Object.freeze(sorted);
    this.byKey.set(key, set);
    return set;
  }

  /** `set` plus `label`. */
  with(set: LabelSet, label: number): LabelSet {
    return hasLabel(set, label) ? set : this.intern([...set, label]);
  }

  /** `set` minus `label`. */
  without(set: LabelSet, label: number): LabelSet {
    return hasLabel(set, label) ? this.intern(set.filter((each) => each !== label)) : set;
  }
}

/** Whether `set` contains `label` (sets are tiny, so a scan is fastest). */
export function hasLabel(set: LabelSet, label: number): boolean {
  for (const each of set) {
    if (each === label) return true;
  }
  return false;
}
