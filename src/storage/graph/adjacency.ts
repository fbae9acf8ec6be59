import { ensureInt32 } from './growable.js';

/** Relationship direction as seen from a node. */
export type Direction = 'OUTGOING' | 'INCOMING' | 'BOTH';

/** 0 = outgoing list, 1 = incoming list. */
export type ListSide = 0 | 1;

/** The biggest page of the arena, in int32 slots (4 MiB); bigger blocks get a page of their own. */
const MAX_PAGE_INTS = 1 << 20;
const FIRST_PAGE_INTS = 1 << 10;
/** A new list starts with room for two relationships (four int32 slots). */
const FIRST_SIZE_CLASS = 1;
const EMPTY_PAGE = new Int32Array(0);

/**
 * Every node's relationships, by side (outgoing, incoming) and type, so that expanding a node touches only
 * the relationships of the wanted direction and types (Memgraph keeps per-vertex edge vectors; Neo4j groups
 * dense nodes by type). Layout, chosen for size (see docs/adr/0003-mvcc-design.md):
 * - one list per (node, side, type): a block of int32 pairs `(relationship id, other node id)` in a paged
 *   arena, so expanding reads the neighbour without touching the relationship table;
 * - list headers (type, page, offset, length, capacity, next) in int32 arrays; a node holds the first
 *   header of each side, and the headers of one side form a chain, one per type;
 * - blocks come in power-of-two size classes with free lists, and double when full.
 * A list holds every relationship of some version (uncommitted and deleted ones too); readers filter by
 * visibility, and garbage collection removes relationships nobody can see (`compact`). Headers are never
 * unlinked while their node lives, so a cursor's header index stays valid; after a compaction a cursor
 * finds its place again by relationship id (`epoch` tells it one happened).
 */
export class Adjacency {
  /** First header per node, outgoing side, -1 if none. */
  private firstOut = new Int32Array(16).fill(-1);
  private firstIn = new Int32Array(16).fill(-1);
  headerType = new Int32Array(16);
  headerPage = new Int32Array(16);
  headerOffset = new Int32Array(16);
  headerLength = new Int32Array(16);
  private headerClass = new Int32Array(16);
  headerNext = new Int32Array(16);
  private headerCount = 0;
  private readonly freeHeaders: number[] = [];
  readonly pages: Int32Array[] = [];
  /** The page small blocks are cut from, and where its unused tail starts. */
  private fillPage = -1;
  private tailOffset = 0;
  /** Free blocks per size class, as `page * 2^32 + offset` numbers. */
  private readonly freeBlocks: number[][] = [];
  /** Bumped by every compaction, so open cursors know to re-find their position. */
  epoch = 0;
  /** Bytes held by the arena pages (for the memory figures). */
  arenaBytes = 0;

  /** The first list header of `node` on `side`, or -1. Follow `headerNext` for the rest. */
  firstHeader(node: number, side: ListSide): number {
    const first = side === 0 ? this.firstOut : this.firstIn;
    return node < first.length ? (first[node] ?? -1) : -1;
  }

  /** The arena page `page` (empty for an index no header holds, which only a bug could produce). */
  pageOf(page: number): Int32Array {
    return this.pages[page] ?? EMPTY_PAGE;
  }

  /** The page holding the block of list `header`; its entries start at `headerOffset[header]`. */
  pageOfHeader(header: number): Int32Array {
    return this.pages[this.headerPage[header] ?? -1] ?? EMPTY_PAGE;
  }

  /**
   * Whether `test` holds for some entry of `node` on either side (outgoing first); stops at the first. For
   * the cold paths (deletes, commit checks); cursors walk the lists themselves.
   */
  someEntry(node: number, test: (relationship: number, other: number, side: ListSide) => boolean): boolean {
    for (const side of [0, 1] as const) {
      for (let header = this.firstHeader(node, side); header !== -1; header = this.headerNext[header] ?? -1) {
        const page = this.pageOfHeader(header);
        const offset = this.headerOffset[header] ?? 0;
        const length = this.headerLength[header] ?? 0;
        for (let index = 0; index < length; index++) {
          if (test(page[offset + index * 2] ?? -1, page[offset + index * 2 + 1] ?? -1, side)) return true;
        }
      }
    }
    return false;
  }

  /** The header of `node`'s list on `side` for `type`, or -1. */
  findHeader(node: number, side: ListSide, type: number): number {
    let header = this.firstHeader(node, side);
    while (header !== -1 && this.headerType[header] !== type) header = this.headerNext[header] ?? -1;
    return header;
  }

  /** Appends relationship `relationship` (to or from `other`) to `node`'s list on `side` for `type`. */
  add(node: number, side: ListSide, type: number, relationship: number, other: number): void {
    let header = this.findHeader(node, side, type);
    if (header === -1) header = this.newHeader(node, side, type);
    let length = this.headerLength[header] ?? 0;
    const sizeClass = this.headerClass[header] ?? 0;
    if ((length + 1) * 2 > 2 << sizeClass) {
      this.moveToClass(header, sizeClass + 1);
      length = this.headerLength[header] ?? 0;
    }
    const page = this.pageOfHeader(header);
    const slot = (this.headerOffset[header] ?? 0) + length * 2;
    page[slot] = relationship;
    page[slot + 1] = other;
    this.headerLength[header] = length + 1;
  }

  /**
   * Appends `count` entries at once to `node`'s list on `side` for `type`: the `(relationship, other node)`
   * pairs of `pairs` from pair index `from`. The same as `count` calls of `add`, but the block grows once, to
   * the size class that fits (bulk loading, where whole lists arrive together).
   */
  addRun(node: number, side: ListSide, type: number, pairs: Int32Array, from: number, count: number): void {
    let header = this.findHeader(node, side, type);
    if (header === -1) header = this.newHeader(node, side, type);
    const length = this.headerLength[header] ?? 0;
    const sizeClass = this.headerClass[header] ?? 0;
    let fits = sizeClass;
    while ((length + count) * 2 > 2 << fits) fits++;
    if (fits !== sizeClass) this.moveToClass(header, fits);
    const slot = (this.headerOffset[header] ?? 0) + length * 2;
    this.pageOfHeader(header).set(pairs.subarray(from * 2, (from + count) * 2), slot);
    this.headerLength[header] = length + count;
  }

  /**
   * Removes from both sides of `node` every relationship for which `isDead` holds, keeping the order of the
   * rest. Emptied lists keep their header (see the class comment).
   */
  compact(node: number, isDead: (relationship: number) => boolean): void {
    for (const side of [0, 1] as const) {
      for (let header = this.firstHeader(node, side); header !== -1; header = this.headerNext[header] ?? -1) {
        const page = this.pageOfHeader(header);
        const offset = this.headerOffset[header] ?? 0;
        const length = this.headerLength[header] ?? 0;
        let kept = 0;
        for (let index = 0; index < length; index++) {
          const relationship = page[offset + index * 2] ?? 0;
          if (isDead(relationship)) continue;
          page[offset + kept * 2] = relationship;
          page[offset + kept * 2 + 1] = page[offset + index * 2 + 1] ?? 0;
          kept++;
        }
        this.headerLength[header] = kept;
      }
    }
    this.epoch++;
  }

  /** Frees every list of a node that no transaction can see any more. */
  dropNode(node: number): void {
    for (const side of [0, 1] as const) {
      let header = this.firstHeader(node, side);
      while (header !== -1) {
        const next = this.headerNext[header] ?? -1;
        this.freeBlock(
          this.headerPage[header] ?? 0,
          this.headerOffset[header] ?? 0,
          this.headerClass[header] ?? 0,
        );
        this.freeHeaders.push(header);
        header = next;
      }
      (side === 0 ? this.firstOut : this.firstIn)[node] = -1;
    }
    this.epoch++;
  }

  /** The number of entries (of any visibility) on `side` of `node` for `type`, or for all types. */
  entryCount(node: number, side: ListSide, type?: number): number {
    let count = 0;
    for (let header = this.firstHeader(node, side); header !== -1; header = this.headerNext[header] ?? -1) {
      if (type === undefined || this.headerType[header] === type) count += this.headerLength[header] ?? 0;
    }
    return count;
  }

  /** Bytes held by the header arrays and node heads (for the memory figures). */
  get headerBytes(): number {
    return (this.firstOut.length + this.firstIn.length) * 4 + this.headerType.length * 4 * 6;
  }

  private newHeader(node: number, side: ListSide, type: number): number {
    const reused = this.freeHeaders.pop();
    const header = reused ?? this.headerCount++;
    if (reused === undefined) this.growHeaders(header);
    const { block, page } = this.allocateBlock(FIRST_SIZE_CLASS);
    this.headerType[header] = type;
    this.headerPage[header] = page;
    this.headerOffset[header] = block;
    this.headerLength[header] = 0;
    this.headerClass[header] = FIRST_SIZE_CLASS;
    // Append at the end of the chain, so cursors meet types in a stable order.
    let last = this.firstHeader(node, side);
    this.headerNext[header] = -1;
    if (last === -1) {
      if (side === 0) {
        this.firstOut = ensureInt32(this.firstOut, node, -1);
        this.firstOut[node] = header;
      } else {
        this.firstIn = ensureInt32(this.firstIn, node, -1);
        this.firstIn[node] = header;
      }
      return header;
    }
    while (this.headerNext[last] !== -1) last = this.headerNext[last] ?? -1;
    this.headerNext[last] = header;
    return header;
  }

  private growHeaders(header: number): void {
    this.headerType = ensureInt32(this.headerType, header);
    this.headerPage = ensureInt32(this.headerPage, header);
    this.headerOffset = ensureInt32(this.headerOffset, header);
    this.headerLength = ensureInt32(this.headerLength, header);
    this.headerClass = ensureInt32(this.headerClass, header);
    this.headerNext = ensureInt32(this.headerNext, header);
  }

  private moveToClass(header: number, sizeClass: number): void {
    const oldPage = this.headerPage[header] ?? 0;
    const oldOffset = this.headerOffset[header] ?? 0;
    const length = this.headerLength[header] ?? 0;
    const { block, page } = this.allocateBlock(sizeClass);
    const source = this.pageOf(oldPage);
    this.pageOf(page).set(source.subarray(oldOffset, oldOffset + length * 2), block);
    this.freeBlock(oldPage, oldOffset, this.headerClass[header] ?? 0);
    this.headerPage[header] = page;
    this.headerOffset[header] = block;
    this.headerClass[header] = sizeClass;
  }

  private allocateBlock(sizeClass: number): { block: number; page: number } {
    const ints = 2 << sizeClass;
    const free = this.freeBlocks[sizeClass]?.pop();
    if (free !== undefined) return { page: Math.floor(free / 2 ** 32), block: free % 2 ** 32 };
    if (ints > MAX_PAGE_INTS) return { page: this.addPage(ints), block: 0 };
    const current = this.fillPage === -1 ? undefined : this.pages[this.fillPage];
    if (current === undefined || this.tailOffset + ints > current.length) {
      // Pages grow geometrically, so a small graph does not pay for a 4 MiB page.
      const size = Math.min(MAX_PAGE_INTS, Math.max(FIRST_PAGE_INTS, (current?.length ?? 0) * 2, ints));
      this.fillPage = this.addPage(size);
      this.tailOffset = 0;
    }
    const block = this.tailOffset;
    this.tailOffset += ints;
    return { page: this.fillPage, block };
  }

  private addPage(ints: number): number {
    this.pages.push(new Int32Array(ints));
    this.arenaBytes += ints * 4;
    return this.pages.length - 1;
  }

  private freeBlock(page: number, offset: number, sizeClass: number): void {
    (this.freeBlocks[sizeClass] ??= []).push(page * 2 ** 32 + offset);
  }
}
