import type { Adjacency, ListSide } from '../graph/adjacency.js';

/** Int32 slots per loaded relationship in a link buffer: id, type, start node, end node. */
const LINK_SLOTS = 4;

/**
 * Adds `count` loaded relationships (`links`: id, type, start, end per relationship, in load order) to the
 * adjacency lists of their endpoints, side by side, with the same result as calling `add` for each in load
 * order: each list keeps load order. Done in bulk for a bulk load, because calling `add` per relationship
 * jumps between random nodes and grows every list block by doubling: a stable counting sort by node first
 * gathers each node's entries into one stretch, and each run of one type is then appended with one block
 * allocation (`Adjacency.addRun`). Every node id must be below `nodeLimit`.
 */
export function linkInBulk(adjacency: Adjacency, links: Int32Array, count: number, nodeLimit: number): void {
  if (count === 0) return;
  // Reused by both sides: entry `position` of the sorted order is pair (relationship, other) and its type.
  const pairs = new Int32Array(count * 2);
  const types = new Int32Array(count);
  const firstOf = new Int32Array(nodeLimit + 1);
  for (const side of [0, 1] as const) {
    const nodeAt = side === 0 ? 2 : 3;
    const otherAt = side === 0 ? 3 : 2;
    firstOf.fill(0);
    // Counts, shifted by one so that the prefix sums below leave each node's first position in its slot.
    for (let index = 0; index < count; index++) {
      const slot = (links[index * LINK_SLOTS + nodeAt] ?? 0) + 1;
      firstOf[slot] = (firstOf[slot] ?? 0) + 1;
    }
    for (let node = 1; node <= nodeLimit; node++) {
      firstOf[node] = (firstOf[node] ?? 0) + (firstOf[node - 1] ?? 0);
    }
    // Scatter in load order (a stable sort); afterwards firstOf[node] is where node's stretch ends.
    for (let index = 0; index < count; index++) {
      const at = index * LINK_SLOTS;
      const node = links[at + nodeAt] ?? 0;
      const position = firstOf[node] ?? 0;
      firstOf[node] = position + 1;
      pairs[position * 2] = links[at] ?? 0;
      pairs[position * 2 + 1] = links[at + otherAt] ?? 0;
      types[position] = links[at + 1] ?? 0;
    }
    appendRuns(adjacency, side, pairs, types, firstOf, nodeLimit);
  }
}

/** Appends each node's stretch (from the previous node's end to its own), one `addRun` per run of a type. */
function appendRuns(
  adjacency: Adjacency,
  side: ListSide,
  pairs: Int32Array,
  types: Int32Array,
  endOf: Int32Array,
  nodeLimit: number,
): void {
  let start = 0;
  for (let node = 0; node < nodeLimit; node++) {
    const end = endOf[node] ?? 0;
    let run = start;
    while (run < end) {
      const type = types[run] ?? 0;
      let next = run + 1;
      while (next < end && types[next] === type) next++;
      adjacency.addRun(node, side, type, pairs, run, next - run);
      run = next;
    }
    start = end;
  }
}
