/**
 * engine/notifications: the warnings and information Neo4j attaches to a successful query (issue #6,
 * "Summary metadata"): unknown labels, relationship types and property keys (01N50, 01N51, 01N52) and
 * cartesian products (03N90). Inputs: a compiled query (its text and AST), the database's token
 * registries and name at run time. Output: `QueryNotification`s for the statement summary, which the Bolt
 * backend forwards unchanged. What can be worked out from the query alone is computed once per compiled
 * query; a run only looks names up.
 * Must not know: Bolt, the wire shapes of notifications, storage beyond token lookups.
 */
export { collectNotifications, type NotifiableQuery, type TokenLookup } from './collect-notifications.js';
export type { QueryNotification } from './query-notification.js';
