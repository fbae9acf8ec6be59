/** What `NodeEntryMap.get` returns for a node that is not in the map. */
export const ABSENT = -1;

const INITIAL_CAPACITY = 256;

/**
 * Node ref -> int32 (an entry index of a search side, or a caller's marker other than {@link ABSENT}), open addressing with linear probing
 * over typed arrays: no string keys and no boxed numbers, unlike a `Map<number, number>`. `clear` is O(1)
 * (a generation stamp per slot), so one map serves every search of an operator cursor; the arrays only
 * grow, to twice the largest number of nodes one search visited.
 */
export class NodeEntryMap {
  private keys = new Int32Array(INITIAL_CAPACITY);
  private values = new Int32Array(INITIAL_CAPACITY);
  private stamps = new Uint32Array(INITIAL_CAPACITY);
  private generation = 1;
  private mask = INITIAL_CAPACITY - 1;
  /** 32 - log2(capacity): the hash keeps the top bits of the product. */
  private shift = 32 - Math.log2(INITIAL_CAPACITY);
  private count = 0;

  /** The number of nodes in the map. */
  get size(): number {
    return this.count;
  }

  /** Empties the map without touching its arrays. */
  clear(): void {
    this.count = 0;
    this.generation++;
    // After 2^32 - 1 clears the stamps would alias a live generation: start over.
    if (this.generation === 0xffffffff) {
      this.stamps.fill(0);
      this.generation = 1;
    }
  }

  /** The value of `node`, or {@link ABSENT}. */
  get(node: number): number {
    const { keys, stamps, generation, mask } = this;
    for (let slot = hash(node, this.shift); ; slot = (slot + 1) & mask) {
      if (stamps[slot] !== generation) return ABSENT;
      if (keys[slot] === node) return this.values[slot] ?? ABSENT;
    }
  }

  /** Sets the value of `node` (an int32 other than {@link ABSENT}), adding the node if it is absent. */
  set(node: number, value: number): void {
    if (2 * (this.count + 1) > this.keys.length) this.grow();
    const { keys, stamps, generation, mask } = this;
    for (let slot = hash(node, this.shift); ; slot = (slot + 1) & mask) {
      if (stamps[slot] !== generation) {
        stamps[slot] = generation;
        keys[slot] = node;
        this.values[slot] = value;
        this.count++;
        return;
      }
      if (keys[slot] === node) {
        this.values[slot] = value;
        return;
      }
    }
  }

  private grow(): void {
    const { keys, values, stamps } = this;
    const previous = this.generation;
    const capacity = keys.length * 2;
    this.keys = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
    this.stamps = new Uint32Array(capacity);
    this.mask = capacity - 1;
    this.shift--;
    this.count = 0;
    this.generation = 1;
    for (let slot = 0; slot < keys.length; slot++) {
      if (stamps[slot] === previous) this.set(keys[slot] ?? 0, values[slot] ?? 0);
    }
  }
}

/** Fibonacci hashing: the top bits of the product spread consecutive refs (the common case) over the table. */
function hash(node: number, shift: number): number {
  return Math.imul(node, 0x9e3779b1) >>> shift;
}
