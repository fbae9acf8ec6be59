/**
 * The side-effect counters of one query, named after Neo4j's `stats` metadata (the Bolt summary and the
 * driver's `summary.counters` read these names).
 */
export interface QueryStatistics {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
  labelsAdded: number;
  labelsRemoved: number;
  indexesAdded: number;
  indexesRemoved: number;
  constraintsAdded: number;
  constraintsRemoved: number;
  systemUpdates: number;
}

/** A fresh set of zero counters. */
export function emptyStatistics(): QueryStatistics {
  return {
    nodesCreated: 0,
    nodesDeleted: 0,
    relationshipsCreated: 0,
    relationshipsDeleted: 0,
    propertiesSet: 0,
    labelsAdded: 0,
    labelsRemoved: 0,
    indexesAdded: 0,
    indexesRemoved: 0,
    constraintsAdded: 0,
    constraintsRemoved: 0,
    systemUpdates: 0,
  };
}

/** Whether any counter that marks a change of data or schema is non-zero. */
export function containsUpdates(statistics: QueryStatistics): boolean {
  return Object.values(statistics).some((count) => count > 0);
}

/** Adds the counters of `from` to `into` (a committed inner transaction's changes to its statement's). */
export function addStatistics(into: QueryStatistics, from: QueryStatistics): void {
  for (const key of Object.keys(from) as (keyof QueryStatistics)[]) into[key] += from[key];
}
