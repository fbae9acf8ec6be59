import type { Direction } from '../../storage/index.js';
import type { MemoryScope } from '../runtime/memory-scope.js';
import { NodeEntryMap } from './shortest-path-node-map.js';

/** The map value of a node that failed a node step predicate (so it is judged once). */
export const REJECTED = -2;

/** Estimated bytes of one visited node: its map slots (at most half full) and its entry. */
const ENTRY_BYTES = 32;
/** Estimated bytes of one predecessor link. */
const LINK_BYTES = 12;
/** Memory is charged in batches of this many entries or links (a level can be huge: charge within it). */
const CHARGE_BATCH = 256;

/**
 * One end of a breadth-first search, over typed arrays: each visited node has an entry (node ref, first
 * predecessor link), entries are appended level by level, so the frontier is the entry range of the last
 * level. A link (predecessor entry, relationship) records how an entry was reached; an entry reached from
 * several nodes of the previous level (allShortestPaths) has a chain of links. The root has none.
 * The arrays are kept from one search to the next and only grow.
 */
export class SearchSide {
  readonly map = new NodeEntryMap();
  direction: Direction = 'BOTH';
  /** Entry -> node ref. */
  nodes = new Int32Array(64);
  /** Entry -> its first link, -1 for the root. */
  heads = new Int32Array(64);
  /** Link -> the predecessor entry. */
  linkEntry = new Int32Array(64);
  /** Link -> the relationship between the predecessor and the entry. */
  linkRelationship = new Int32Array(64);
  /** Link -> the entry's next link, -1 at the end. */
  linkNext = new Int32Array(64);
  entryCount = 0;
  linkCount = 0;
  /** The entries of the last level expanded (the frontier): [frontierStart, frontierEnd). */
  frontierStart = 0;
  frontierEnd = 0;
  /** The level of the frontier (its distance from the root). */
  depth = 0;
  private memory: MemoryScope | undefined;
  private charged = 0;

  /** Starts a search at `root`, expanding in `direction`; memory is charged to `memory`. */
  reset(root: number, direction: Direction, memory: MemoryScope): void {
    this.map.clear();
    this.direction = direction;
    this.entryCount = 0;
    this.linkCount = 0;
    this.depth = 0;
    this.memory = memory.isTracking ? memory : undefined;
    this.charged = 0;
    this.add(root);
    this.frontierStart = 0;
    this.frontierEnd = 1;
  }

  /** The entry of `node`, `ABSENT` or {@link REJECTED}. */
  entryOf(node: number): number {
    return this.map.get(node);
  }

  /** Marks `node` as failing the node predicates. */
  reject(node: number): void {
    this.map.set(node, REJECTED);
  }

  /** Adds an entry for `node` (not yet in the map) and returns it. */
  add(node: number): number {
    const entry = this.entryCount++;
    if (entry === this.nodes.length) {
      this.nodes = grow(this.nodes);
      this.heads = grow(this.heads);
    }
    this.nodes[entry] = node;
    this.heads[entry] = -1;
    this.map.set(node, entry);
    if (this.memory !== undefined) this.charge();
    return entry;
  }

  /** Records that `entry` is reached from `predecessor` over `relationship`. */
  link(entry: number, predecessor: number, relationship: number): void {
    const link = this.linkCount++;
    if (link === this.linkEntry.length) {
      this.linkEntry = grow(this.linkEntry);
      this.linkRelationship = grow(this.linkRelationship);
      this.linkNext = grow(this.linkNext);
    }
    this.linkEntry[link] = predecessor;
    this.linkRelationship[link] = relationship;
    this.linkNext[link] = this.heads[entry] ?? -1;
    this.heads[entry] = link;
    if (this.memory !== undefined) this.charge();
  }

  /** Makes the entries added since `start` the frontier, one level deeper. */
  advance(start: number): void {
    this.frontierStart = start;
    this.frontierEnd = this.entryCount;
    this.depth++;
  }

  get frontierSize(): number {
    return this.frontierEnd - this.frontierStart;
  }

  private charge(): void {
    const due = this.entryCount * ENTRY_BYTES + this.linkCount * LINK_BYTES;
    if (due - this.charged < CHARGE_BATCH * ENTRY_BYTES) return;
    this.memory?.allocate(due - this.charged);
    this.charged = due;
  }
}

function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/**
 * Calls `visit` with each chain of links from `entry` back to the root of `side`: `nodes` runs from the
 * entry's node to the root, `relationships` in the same order. Stops (and returns true) when `visit` does.
 */
export function forEachChain(
  side: SearchSide,
  entry: number,
  nodes: number[],
  relationships: number[],
  visit: () => boolean,
): boolean {
  nodes.push(side.nodes[entry] ?? -1);
  let link = side.heads[entry] ?? -1;
  let stop = link === -1 && visit();
  for (; link !== -1 && !stop; link = side.linkNext[link] ?? -1) {
    relationships.push(side.linkRelationship[link] ?? -1);
    stop = forEachChain(side, side.linkEntry[link] ?? -1, nodes, relationships, visit);
    relationships.pop();
  }
  nodes.pop();
  return stop;
}
