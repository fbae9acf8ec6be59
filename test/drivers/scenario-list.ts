/**
 * The scenario list of the driver matrix: the SAME columns for every client (each official driver line over
 * TCP and TLS, and Quiver's own Bolt client over WebSocket). Each client implements every id, adapted to its
 * API generation, or declares up front why it cannot (a skip with a reason); see `driver-scenarios.ts` and
 * `client-scenarios.ts`.
 */

/** Scenario ids in column order. */
export const SCENARIO_IDS = [
  'verify',
  'server-info',
  'run',
  'tx-commit',
  'tx-rollback',
  'managed-tx',
  'retry',
  'error-recovery',
  'bookmarks',
  'routing',
  'database',
  'values-basic',
  'values-temporal',
  'values-spatial',
  'values-vector',
  'values-uuid',
  'values-graph',
  'fetch-size',
  'close-mid-stream',
  'auth',
] as const;

export type ScenarioId = (typeof SCENARIO_IDS)[number];

/** What each scenario checks, as a test name (a sentence) and the matrix legend. */
export const SCENARIO_TITLES: Readonly<Record<ScenarioId, string>> = {
  verify: 'verifies connectivity with a fresh connection that logs in',
  'server-info': 'reports the server agent and the negotiated protocol',
  run: 'runs auto-commit queries and consumes their records and summaries',
  'tx-commit': 'commits an explicit transaction that sees its own write',
  'tx-rollback': 'rolls back an explicit transaction without a trace',
  'managed-tx': 'runs managed read and write transactions with the right access mode',
  retry: 'retries a managed transaction after a TransientError and succeeds on the second attempt',
  'error-recovery': 'recovers on the same session after a failed query and a failed transaction',
  bookmarks: 'passes the bookmark of one session to the next and the server sees it',
  routing: 'routes over neo4j:// through the routing path of its protocol version',
  database: 'selects neo4j and system and reports DatabaseNotFound for an unknown database',
  'values-basic':
    'round-trips null, booleans, int64 extremes, special floats, unicode, bytes, lists and maps',
  'values-temporal':
    'round-trips Date, Time, LocalTime, DateTime (offset and zone id), LocalDateTime and Duration',
  'values-spatial': 'round-trips 2D and 3D points in Cartesian and WGS-84',
  'values-vector': 'round-trips vectors of every element type',
  'values-uuid': 'round-trips UUIDs (Bolt 6.1), alone and inside lists and maps',
  'values-graph': 'receives nodes, relationships and paths from the server',
  'fetch-size': 'streams 10 000 records in PULL batches of the fetch size (100)',
  'close-mid-stream': 'closes a session mid-stream and reuses the connection afterwards',
  auth: 'logs in with the right password and gets Unauthorized with a wrong one',
};
