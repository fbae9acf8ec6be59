/**
 * Parameter draws shared by both engines: an execution is named by a seed, and the same seed gives the same
 * existing-user ids on both sides. Ids for new users come from a counter per side (never repeated, so
 * Kuzu's primary key never refuses one), starting far above the generated ids.
 */
import { random } from '../../../test/storage/pokec-graph.js';
import type { MgbenchQuery, ParamSource, QueryParams } from './queries.js';

/** First id handed out for new users. */
export const FRESH_ID_START = 1_000_000_000;

/** Hands out ids no user has, one counter per engine. */
export class FreshIds {
  private next = FRESH_ID_START;

  take(): number {
    return this.next++;
  }
}

/** The parameters of execution `seed` of `query` in a graph of `users` users. */
export function drawParams(query: MgbenchQuery, seed: number, users: number, fresh: FreshIds): QueryParams {
  const next = random(seed);
  const source: ParamSource = {
    existing: () => Math.floor(next() * users),
    fresh: () => fresh.take(),
  };
  return query.params(source);
}
