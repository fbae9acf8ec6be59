/**
 * A Pokec-shaped social graph, generated deterministically from a seed: users with `id`, `age`, `gender`,
 * `region` and `completion_percentage`, and directed FRIEND relationships whose out-degree follows a
 * power law (Pareto, alpha 2) averaging about 15, as in the SNAP Pokec dataset that Memgraph and Kuzu
 * benchmark with. Loaded through the storage API in batches, one transaction per batch.
 */
import type { GraphStore } from '../../src/storage/index.js';

import { seededRandom as random } from '../support/seeded-random.js';

export { random };

export interface PokecOptions {
  readonly users: number;
  readonly seed?: number;
  /** Users (and their relationships) per transaction. */
  readonly batch?: number;
  /** Skip the properties (to measure them separately). */
  readonly withProperties?: boolean;
  /** Skip the relationships (to measure them separately). */
  readonly withRelationships?: boolean;
}

export interface PokecGraph {
  readonly userIds: number[];
  readonly relationships: number;
  readonly properties: number;
}

const REGIONS = Array.from({ length: 200 }, (_, index) => `region-${index}`);
const MEAN_DEGREE = 15;
const ALPHA = 2;
const MAX_DEGREE = 2000;

/** Out-degree drawn from a Pareto law with the given mean, capped. */
function degree(next: () => number): number {
  const scale = (MEAN_DEGREE * (ALPHA - 1)) / ALPHA;
  return Math.min(MAX_DEGREE, Math.floor(scale / Math.pow(1 - next(), 1 / ALPHA)));
}

/** Loads the graph into `store` (nodes first, then relationships). */
export async function loadPokec(store: GraphStore, options: PokecOptions): Promise<PokecGraph> {
  const next = random(options.seed ?? 42);
  const batch = options.batch ?? 10_000;
  const user = store.tokens.labels.getOrCreate('User');
  const friend = store.tokens.relationshipTypes.getOrCreate('FRIEND');
  const keys = ['id', 'age', 'gender', 'region', 'completion_percentage'].map((name) =>
    store.tokens.propertyKeys.getOrCreate(name),
  ) as [number, number, number, number, number];
  const userIds: number[] = [];
  let properties = 0;
  for (let from = 0; from < options.users; from += batch) {
    const tx = store.begin();
    for (let index = from; index < Math.min(options.users, from + batch); index++) {
      if (options.withProperties === false) {
        userIds.push(tx.createNode([user]));
        continue;
      }
      userIds.push(
        tx.createNode(
          [user],
          [
            [keys[0], BigInt(index)],
            [keys[1], BigInt(14 + Math.floor(next() * 60))],
            [keys[2], next() < 0.5 ? 'male' : 'female'],
            [keys[3], REGIONS[Math.floor(next() * REGIONS.length)] ?? ''],
            [keys[4], BigInt(Math.floor(next() * 101))],
          ],
        ),
      );
      properties += 5;
    }
    await tx.commit();
  }
  let relationships = 0;
  if (options.withRelationships !== false) {
    for (let from = 0; from < options.users; from += batch) {
      const tx = store.begin();
      for (let index = from; index < Math.min(options.users, from + batch); index++) {
        const start = userIds[index] ?? 0;
        for (let count = degree(next); count > 0; count--) {
          const end = userIds[Math.floor(next() * userIds.length)] ?? 0;
          tx.createRelationship(friend, start, end);
          relationships++;
        }
      }
      await tx.commit();
    }
  }
  return { userIds, relationships, properties };
}
