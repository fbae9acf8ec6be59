/** Ids per chunk: 2^16, so a chunk is 2048 32-bit words (8 KiB). */
const CHUNK_BITS = 16;
const CHUNK_WORDS = 1 << (CHUNK_BITS - 5);

/**
 * A set of non-negative int32 ids as a chunked bitmap: one 8 KiB chunk per 65,536 ids that has any member.
 * Membership tests, inserts and deletes are O(1); iteration is in id order and allocation-free through
 * `nextFrom`. Used for the label index (nodes per label) and the relationship type index.
 */
export class IdSet {
  private readonly chunks: (Uint32Array | undefined)[] = [];
  private count = 0;

  /** The number of ids in the set. */
  get size(): number {
    return this.count;
  }

  /** Bytes held by the chunks. */
  get byteSize(): number {
    let chunks = 0;
    for (const chunk of this.chunks) if (chunk !== undefined) chunks++;
    return chunks * CHUNK_WORDS * 4;
  }

  has(id: number): boolean {
    const chunk = this.chunks[id >>> CHUNK_BITS];
    if (chunk === undefined) return false;
    return ((chunk[(id >>> 5) & (CHUNK_WORDS - 1)] ?? 0) & (1 << (id & 31))) !== 0;
  }

  /** Adds `id`; returns whether it was new. */
  add(id: number): boolean {
    const chunkIndex = id >>> CHUNK_BITS;
    let chunk = this.chunks[chunkIndex];
    if (chunk === undefined) {
      while (this.chunks.length < chunkIndex) this.chunks.push(undefined);
      chunk = new Uint32Array(CHUNK_WORDS);
      this.chunks[chunkIndex] = chunk;
    }
    const word = (id >>> 5) & (CHUNK_WORDS - 1);
    const bit = 1 << (id & 31);
    const bits = chunk[word] ?? 0;
    if ((bits & bit) !== 0) return false;
    chunk[word] = bits | bit;
    this.count++;
    return true;
  }

  /** Removes `id`; returns whether it was present. Chunks stay allocated (they are reused soon enough). */
  delete(id: number): boolean {
    const chunk = this.chunks[id >>> CHUNK_BITS];
    if (chunk === undefined) return false;
    const word = (id >>> 5) & (CHUNK_WORDS - 1);
    const bit = 1 << (id & 31);
    const bits = chunk[word] ?? 0;
    if ((bits & bit) === 0) return false;
    chunk[word] = bits & ~bit;
    this.count--;
    return true;
  }

  /** The smallest member at or above `from`, or -1. */
  nextFrom(from: number): number {
    let chunkIndex = from >>> CHUNK_BITS;
    let word = (from >>> 5) & (CHUNK_WORDS - 1);
    // Bits below `from` in its word are masked off; `-1 << 32` would be -1, so guard the shift.
    let mask = (from & 31) === 0 ? 0xffffffff : ~((1 << (from & 31)) - 1);
    while (chunkIndex < this.chunks.length) {
      const chunk = this.chunks[chunkIndex];
      if (chunk !== undefined) {
        for (; word < CHUNK_WORDS; word++) {
          const bits = ((chunk[word] ?? 0) & mask) >>> 0;
          mask = 0xffffffff;
          if (bits === 0) continue;
          const lowest = bits & -bits;
          return chunkIndex * (1 << CHUNK_BITS) + (word << 5) + (31 - Math.clz32(lowest));
        }
      }
      chunkIndex++;
      word = 0;
      mask = 0xffffffff;
    }
    return -1;
  }
}
