import type { PlanDescription, ProfiledPlanDescription, QueryCounters } from '../backend.js';

/** The `plan` metadata of an EXPLAIN query (bolt-spec-digest §6.17). */
export function toPlanMetadata(plan: PlanDescription): Record<string, unknown> {
  return {
    operatorType: plan.operatorType,
    args: plan.args,
    identifiers: plan.identifiers,
    children: plan.children.map(toPlanMetadata),
  };
}

/** The `profile` metadata of a PROFILE query: the plan plus its measured counters (integers, one ratio). */
export function toProfileMetadata(profile: ProfiledPlanDescription): Record<string, unknown> {
  return {
    operatorType: profile.operatorType,
    args: profile.args,
    identifiers: profile.identifiers,
    dbHits: BigInt(profile.dbHits),
    rows: BigInt(profile.rows),
    pageCacheHits: BigInt(profile.pageCacheHits),
    pageCacheMisses: BigInt(profile.pageCacheMisses),
    pageCacheHitRatio: profile.pageCacheHitRatio,
    time: BigInt(profile.time),
    children: profile.children.map(toProfileMetadata),
  };
}

const SYSTEM_UPDATES = 'system-updates';

/**
 * The `stats` map (bolt-spec-digest §6.16): non-zero counters as integers plus `contains-updates` /
 * `contains-system-updates`; `undefined` when nothing changed, because then the key is omitted.
 */
export function toStatsMetadata(counters: QueryCounters | undefined): Record<string, unknown> | undefined {
  if (counters === undefined) return undefined;
  const stats: Record<string, unknown> = {};
  let dataUpdates = false;
  let systemUpdates = false;
  // `for…in` over the counters' own keys: no [name, value] array per counter on every write's summary.
  for (const name in counters) {
    const value = counters[name as keyof QueryCounters];
    if (value === undefined || value === 0 || !Object.hasOwn(counters, name)) continue;
    stats[name] = BigInt(value);
    if (name === SYSTEM_UPDATES) systemUpdates = true;
    else dataUpdates = true;
  }
  if (!dataUpdates && !systemUpdates) return undefined;
  if (dataUpdates) stats['contains-updates'] = true;
  if (systemUpdates) stats['contains-system-updates'] = true;
  return stats;
}
