/**
 * A four-user graph with a 2-cycle (0 → 1 → 0) and a tail (1 → 2 → 3), and the number of records each
 * mgbench query must return from user 0 under Cypher's rules (no relationship bound twice in a MATCH).
 * A walk-semantics engine returns more for expansion_3, expansion_4 and pattern_long, so this pins the
 * Kuzu texts' uniqueness conditions; both sides are checked against it.
 */
import type { PokecData } from './pokec-data.js';
import type { QueryParams } from './queries.js';

export const TINY_GRAPH: PokecData = {
  users: [
    { id: 0, age: 30, gender: 'male', region: 'region-0', completion_percentage: 10 },
    { id: 1, age: 20, gender: 'female', region: 'region-1', completion_percentage: 20 },
    { id: 2, age: 20, gender: 'male', region: 'region-1', completion_percentage: 30 },
    { id: 3, age: 15, gender: 'female', region: 'region-2', completion_percentage: 40 },
  ],
  from: Int32Array.from([0, 1, 1, 2]),
  to: Int32Array.from([1, 0, 2, 3]),
  droppedSelfLoops: 0,
};

/** Per query: its parameters and the records it must return on {@link TINY_GRAPH}. */
export const TINY_EXPECTATIONS: Readonly<Record<string, { params: QueryParams; rows: number }>> = {
  single_vertex_read: { params: { id: 0 }, rows: 1 },
  pattern_short: { params: { id: 0 }, rows: 1 },
  expansion_1: { params: { id: 0 }, rows: 1 },
  expansion_1_with_filter: { params: { id: 0 }, rows: 1 },
  // 0→1→0 and 0→1→2.
  expansion_2: { params: { id: 0 }, rows: 2 },
  expansion_2_with_filter: { params: { id: 0 }, rows: 2 },
  // Only 0→1→2→3: 0→1→0→1 would bind 0→1 twice.
  expansion_3: { params: { id: 0 }, rows: 1 },
  // User 3 is 15.
  expansion_3_with_filter: { params: { id: 0 }, rows: 0 },
  expansion_4: { params: { id: 0 }, rows: 0 },
  expansion_4_with_filter: { params: { id: 0 }, rows: 0 },
  neighbours_2: { params: { id: 0 }, rows: 3 },
  pattern_cycle: { params: { id: 0 }, rows: 1 },
  // Every candidate binds a relationship twice (0→1 again, or 2→3 as both e3 and e4).
  pattern_long: { params: { id: 0 }, rows: 0 },
  shortest_path: { params: { from: 0, to: 3 }, rows: 1 },
  aggregate: { params: {}, rows: 3 },
  aggregate_count: { params: {}, rows: 1 },
  min_max_avg: { params: {}, rows: 1 },
  single_vertex_write: { params: { id: 100 }, rows: 1 },
  single_edge_write: { params: { from: 3, to: 0 }, rows: 0 },
};
