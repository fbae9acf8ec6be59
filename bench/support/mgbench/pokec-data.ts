/**
 * The Pokec-shaped graph of test/storage/pokec-graph.ts as plain data (rows and an edge list), so the same
 * graph can be loaded into two engines. The draws happen in the same order and with the same distributions
 * as `loadPokec` (same seed, same users, same FRIEND edges), except that self-loops are dropped: the
 * mgbench Pokec data has none, and without them Kuzu's walk semantics and Cypher's relationship
 * uniqueness disagree on fewer patterns (see queries.ts).
 */
import { random } from '../../../test/storage/pokec-graph.js';

/** One user row; `id` equals the user's index. */
export interface PokecUser {
  readonly id: number;
  readonly age: number;
  readonly gender: string;
  readonly region: string;
  readonly completion_percentage: number;
}

/** The generated graph: users and directed FRIEND edges as parallel arrays of user ids. */
export interface PokecData {
  readonly users: readonly PokecUser[];
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** Self-loops drawn by the generator and left out. */
  readonly droppedSelfLoops: number;
}

// The same constants as test/storage/pokec-graph.ts (not exported there).
const REGIONS = Array.from({ length: 200 }, (_, index) => `region-${index}`);
const MEAN_DEGREE = 15;
const ALPHA = 2;
const MAX_DEGREE = 2000;

function degree(next: () => number): number {
  const scale = (MEAN_DEGREE * (ALPHA - 1)) / ALPHA;
  return Math.min(MAX_DEGREE, Math.floor(scale / Math.pow(1 - next(), 1 / ALPHA)));
}

/** Generates `users` users and their FRIEND edges from `seed` (42 like `loadPokec`). */
export function generatePokec(users: number, seed = 42): PokecData {
  const next = random(seed);
  const rows: PokecUser[] = [];
  for (let index = 0; index < users; index++) {
    rows.push({
      id: index,
      age: 14 + Math.floor(next() * 60),
      gender: next() < 0.5 ? 'male' : 'female',
      region: REGIONS[Math.floor(next() * REGIONS.length)] ?? '',
      completion_percentage: Math.floor(next() * 101),
    });
  }
  const from: number[] = [];
  const to: number[] = [];
  let droppedSelfLoops = 0;
  for (let index = 0; index < users; index++) {
    for (let count = degree(next); count > 0; count--) {
      const end = Math.floor(next() * users);
      if (end === index) {
        droppedSelfLoops++;
        continue;
      }
      from.push(index);
      to.push(end);
    }
  }
  return { users: rows, from: Int32Array.from(from), to: Int32Array.from(to), droppedSelfLoops };
}
