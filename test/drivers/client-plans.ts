/**
 * The Quiver Bolt client rows of the matrix: the drivers' Node channel is TCP-only, so WebSocket (and wss)
 * is covered by Quiver's own client (src/bolt/client) running the same scenarios, once per Bolt version it
 * can force, from 1.0 to 6.0 (the newest through the manifest handshake). Skips follow from the version.
 */
import { DEFAULT_PROPOSALS, protocolVersion, type VersionProposal } from '../../src/bolt/index.js';
import type { ConnectionInfo } from '../../src/server/index.js';
import {
  clientAuth,
  clientBookmarks,
  clientCloseMidStream,
  clientCommit,
  clientDatabase,
  clientErrorRecovery,
  clientFetchSize,
  clientGraph,
  clientManaged,
  clientRetry,
  clientRollback,
  clientRouting,
  clientRun,
  clientServerInfo,
  clientVerify,
} from './client-scenarios.js';
import {
  basicValues,
  spatialValues,
  temporalValues,
  uuidValues,
  vectorValues,
  clientRoundTrip,
} from './client-values.js';
import type { ScenarioBackend } from './scenario-backend.js';
import type { ScenarioPlans } from './scenario-runner.js';

export interface ClientRow {
  readonly id: string;
  readonly client: string;
  readonly transport: string;
  readonly tls: boolean;
  readonly proposals: readonly VersionProposal[];
  /** The version the server must agree on (`M.m`). */
  readonly expected: string;
}

export interface ClientRowContext {
  readonly row: ClientRow;
  readonly port: number;
  readonly backend: ScenarioBackend;
  readonly connections: () => ConnectionInfo[];
  readonly setBolt: (version: string) => void;
}

function forced(major: number, minor: number): ClientRow {
  return {
    id: `quiver-client/ws-${major}.${minor}`,
    client: `Quiver Bolt client, Bolt ${major}.${minor} only`,
    transport: 'WebSocket',
    tls: false,
    proposals: [{ kind: 'VERSION', version: protocolVersion(major, minor) }],
    expected: `${major}.${minor}`,
  };
}

const NEWEST = '6.1';

export const CLIENT_ROWS: readonly ClientRow[] = [
  {
    id: 'quiver-client/ws-manifest',
    client: 'Quiver Bolt client, newest proposals (manifest v1)',
    transport: 'WebSocket',
    tls: false,
    proposals: DEFAULT_PROPOSALS,
    expected: NEWEST,
  },
  forced(6, 0),
  forced(5, 8),
  forced(5, 4),
  forced(5, 0),
  forced(4, 4),
  forced(4, 3),
  forced(4, 0),
  forced(3, 0),
  forced(2, 0),
  forced(1, 0),
  {
    id: 'quiver-client/wss-manifest',
    client: 'Quiver Bolt client, newest proposals (manifest v1)',
    transport: 'WebSocket + TLS (wss, no verification)',
    tls: true,
    proposals: DEFAULT_PROPOSALS,
    expected: NEWEST,
  },
];

/** `[major, minor]` of the row's expected version. */
export function expectedVersion(row: ClientRow): readonly [number, number] {
  const [major = 0, minor = 0] = row.expected.split('.').map(Number);
  return [major, minor];
}

function atLeast(row: ClientRow, major: number, minor: number): boolean {
  const [rowMajor, rowMinor] = expectedVersion(row);
  return rowMajor > major || (rowMajor === major && rowMinor >= minor);
}

export function clientPlans(ctx: ClientRowContext): ScenarioPlans {
  const { row } = ctx;
  const run = (scenario: (context: ClientRowContext) => Promise<string | undefined>) => ({
    run: () => scenario(ctx),
  });
  const v3 = atLeast(row, 3, 0);
  const v4 = atLeast(row, 4, 0);
  return {
    verify: run(clientVerify),
    'server-info': run(clientServerInfo),
    run: run(clientRun),
    'tx-commit': run(clientCommit),
    'tx-rollback': run(clientRollback),
    'managed-tx': v3
      ? run(clientManaged)
      : { skip: 'Bolt 1/2 have no access mode (BEGIN is a RUN statement)' },
    retry: run(clientRetry),
    'error-recovery': run(clientErrorRecovery),
    bookmarks: run(clientBookmarks),
    routing: run(clientRouting),
    database: v4 ? run(clientDatabase) : { skip: 'no db field before Bolt 4.0 (multi-database)' },
    'values-basic': { run: () => clientRoundTrip(ctx, basicValues()) },
    'values-temporal': atLeast(row, 2, 0)
      ? { run: () => clientRoundTrip(ctx, temporalValues()) }
      : { skip: 'Bolt 1 has no temporal types (added in Bolt 2)' },
    'values-spatial': atLeast(row, 2, 0)
      ? { run: () => clientRoundTrip(ctx, spatialValues()) }
      : { skip: 'Bolt 1 has no spatial types (added in Bolt 2)' },
    'values-vector': atLeast(row, 6, 0)
      ? { run: () => clientRoundTrip(ctx, vectorValues()) }
      : { skip: 'vectors need Bolt 6.0' },
    'values-uuid': atLeast(row, 6, 1)
      ? { run: () => clientRoundTrip(ctx, uuidValues()) }
      : { skip: 'UUIDs need Bolt 6.1' },
    'values-graph': run(clientGraph),
    'fetch-size': run(clientFetchSize),
    'close-mid-stream': run(clientCloseMidStream),
    auth: run(clientAuth),
  };
}
