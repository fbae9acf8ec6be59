/**
 * The driver-compatibility matrix (issue 3 acceptance): the same scenario list against every official JS
 * driver line (npm aliases, side by side) over TCP and over TLS, and against Quiver's own Bolt client over
 * WebSocket. One server per transport serves all rows; the matrix is printed at the end of the run and
 * written to build/driver-matrix.md.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startBoltServer, type BoltServer } from '../../src/server/index.js';
import { collectLogs, type CollectedLogs } from '../support/test-server.js';
import { makeTestCertificate, OPENSSL_MISSING } from '../support/tls.js';
import { clientPlans, CLIENT_ROWS, type ClientRowContext } from './client-plans.js';
import { DriverAdapter, type Target } from './driver-adapter.js';
import type { DriverRowContext } from './driver-context.js';
import { describeInstalledLine, DRIVER_LINES, loadDriverModule } from './driver-lines.js';
import { driverPlans } from './driver-plans.js';
import { DriverMatrix } from './matrix-report.js';
import { ScenarioBackend } from './scenario-backend.js';
import { registerScenarios, type ScenarioPlans } from './scenario-runner.js';
import { SCENARIO_IDS } from './scenario-list.js';

const SCENARIO_TIMEOUT_MS = 15_000;
const MATRIX_FILE = fileURLToPath(new URL('../../driver-matrix.md', import.meta.url));

/** One server (and backend) per transport: plain TCP + WebSocket, and TLS-only. */
interface Endpoint {
  readonly backend: ScenarioBackend;
  readonly logs: CollectedLogs;
  server: BoltServer | null;
  /** Why the endpoint could not start (rows using it skip every scenario with this reason). */
  unavailable: string | null;
}

function endpoint(): Endpoint {
  return { backend: new ScenarioBackend(), logs: collectLogs(), server: null, unavailable: null };
}

const plain = endpoint();
const secure = endpoint();
const matrix = new DriverMatrix();

async function start(target: Endpoint, tls: boolean): Promise<void> {
  const certificate = tls ? makeTestCertificate() : null;
  if (tls && certificate === null) {
    target.unavailable = OPENSSL_MISSING;
    return;
  }
  target.server = await startBoltServer({
    backend: target.backend,
    host: '127.0.0.1',
    port: 0,
    logger: target.logs,
    ...(certificate === null
      ? {}
      : { tls: { cert: certificate.cert, key: certificate.key, required: true } }),
  });
  target.backend.advertisedAddress = `127.0.0.1:${target.server.port}`;
}

before(async () => {
  await start(plain, false);
  await start(secure, true);
});

after(async () => {
  await Promise.all([plain.server?.close(), secure.server?.close()]);
  matrix.writeMarkdown(MATRIX_FILE);
  console.log(`\n${matrix.toMarkdown()}\nMatrix written to ${MATRIX_FILE}`);
});

/** Plans that skip every scenario (the endpoint could not start). */
function skipAll(reason: string): ScenarioPlans {
  return Object.fromEntries(SCENARIO_IDS.map((id) => [id, { skip: reason }])) as unknown as ScenarioPlans;
}

function serverOf(target: Endpoint): BoltServer {
  assert.ok(target.server !== null, 'the server is running');
  return target.server;
}

for (const line of DRIVER_LINES) {
  for (const tls of [false, true]) {
    const rowId = `${line.alias}/${tls ? 'tls' : 'tcp'}`;
    const transport = tls ? (line.generation === 1 ? 'TLS (encrypted, trust all)' : 'TLS (bolt+ssc)') : 'TCP';
    matrix.addRow({ id: rowId, client: describeInstalledLine(line), transport });
    const used = tls ? secure : plain;
    describe(`${line.alias} over ${transport}`, () => {
      let ctx: DriverRowContext | null = null;
      before(() => {
        if (used.unavailable !== null) return;
        const server = serverOf(used);
        const target: Target = { port: server.port, tls };
        const adapter = new DriverAdapter(line, loadDriverModule(line));
        ctx = {
          rowId,
          line,
          neo4j: adapter.neo4j,
          adapter,
          target,
          backend: used.backend,
          connections: () => server.connections(),
          main: adapter.open('bolt', target),
          setBolt: (version) => {
            matrix.setBolt(rowId, version);
          },
        };
      });
      after(async () => {
        await ctx?.adapter.closeAll();
      });
      registerScenarios({
        matrix,
        rowId,
        plans: () =>
          ctx === null ? skipAll(used.unavailable ?? 'the server did not start') : driverPlans(ctx),
        beforeEach: () => {
          used.backend.clearEvents();
        },
        timeoutMs: SCENARIO_TIMEOUT_MS,
      });
    });
  }
}

for (const row of CLIENT_ROWS) {
  const used = row.tls ? secure : plain;
  matrix.addRow({ id: row.id, client: row.client, transport: row.transport });
  describe(`${row.client} over ${row.transport}`, () => {
    let ctx: ClientRowContext | null = null;
    before(() => {
      if (used.unavailable !== null) return;
      const server = serverOf(used);
      ctx = {
        row,
        port: server.port,
        backend: used.backend,
        connections: () => server.connections(),
        setBolt: (version) => {
          matrix.setBolt(row.id, version);
        },
      };
    });
    registerScenarios({
      matrix,
      rowId: row.id,
      plans: () =>
        ctx === null ? skipAll(used.unavailable ?? 'the server did not start') : clientPlans(ctx),
      beforeEach: () => {
        used.backend.clearEvents();
      },
      timeoutMs: SCENARIO_TIMEOUT_MS,
    });
  });
}

describe('the driver matrix', () => {
  it('has an outcome for every client and scenario', () => {
    assert.deepEqual(matrix.missingCells(), []);
  });

  it('left no unexpected errors in the server logs', () => {
    const errors = [...plain.logs.errors(), ...secure.logs.errors()].map(
      (line) => `${line.message}: ${line.error instanceof Error ? line.error.message : String(line.error)}`,
    );
    assert.deepEqual(errors, []);
  });
});
