/**
 * The driver matrix against the REAL server (issue acceptance): every official JS driver line talks to an
 * in-process Quiver (startServer, in memory) over TCP and runs the scenarios that make sense against the
 * engine, plus the 1.7 driver forced down to Bolt 1.0 and 2.0, where it sends BEGIN/COMMIT/ROLLBACK as
 * Cypher RUNs. Each row gets its own server, so counts in one row never see another row's writes.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ProtocolVersion } from '../../src/bolt/index.js';
import { silentLogger, startServer, type QuiverServer } from '../../src/server/index.js';
import { DriverAdapter } from './driver-adapter.js';
import { roundTripScenario } from './driver-data-scenarios.js';
import { DRIVER_LINES, loadDriverModule, type DriverLine } from './driver-lines.js';
import { basicCases, spatialCases, temporalCases, uuidCases, vectorCases } from './driver-values.js';
import type { EngineRowContext } from './engine-context.js';
import {
  engineBookmarkScenario,
  engineDatabaseScenario,
  engineErrorScenario,
  engineManagedScenario,
  engineRoutingScenario,
  engineRunScenario,
  engineTransactionScenario,
} from './engine-scenarios.js';
import {
  engineDiscardScenario,
  engineFetchSizeScenario,
  engineGraphScenario,
  engineInterleavedScenario,
  enginePlanScenario,
  engineProcedureScenario,
} from './engine-stream-scenarios.js';
import { withTimeout, type ScenarioNote } from './scenario-runner.js';

const SCENARIO_TIMEOUT_MS = 15_000;

type Scenario = (ctx: EngineRowContext) => Promise<ScenarioNote>;

/** A scenario that runs, or the reason (from the line's API alone) why it cannot. */
type Plan = Scenario | { readonly skip: string };

function plansFor(line: DriverLine, legacy: boolean): Readonly<Record<string, Plan>> {
  const skip1x = (reason: string): Plan | null => (line.generation === 1 ? { skip: reason } : null);
  return {
    'runs auto-commit reads and writes': engineRunScenario,
    'commits an explicit transaction': (ctx) => engineTransactionScenario(ctx, 'commit'),
    'rolls back an explicit transaction': (ctx) => engineTransactionScenario(ctx, 'rollback'),
    'runs managed write and read transactions': engineManagedScenario,
    'recovers after a syntax error and a failed transaction': engineErrorScenario,
    'reads its own write through a bookmark': engineBookmarkScenario,
    'routes over neo4j://': legacy
      ? { skip: 'Bolt 1/2 servers have no routing procedure a 1.x driver would call' }
      : engineRoutingScenario,
    'selects a database by name and reports an unknown one':
      skip1x('JS 1.7 has no multi-database API') ?? engineDatabaseScenario,
    'round-trips basic values': (ctx) => roundTripScenario(ctx, basicCases(ctx.neo4j)),
    'round-trips temporal values': legacy
      ? { skip: 'Bolt 1 has no temporal structures' }
      : (ctx) => roundTripScenario(ctx, temporalCases(ctx.neo4j)),
    'round-trips spatial values': legacy
      ? { skip: 'Bolt 1 has no spatial structures' }
      : (ctx) => roundTripScenario(ctx, spatialCases(ctx.neo4j)),
    'round-trips vectors': line.hasVector
      ? (ctx) => roundTripScenario(ctx, vectorCases(ctx.neo4j))
      : { skip: 'the driver has no Vector type' },
    'round-trips UUIDs': line.hasUuid
      ? (ctx) => roundTripScenario(ctx, uuidCases(ctx.neo4j))
      : { skip: 'the driver has no UUID type' },
    'receives nodes, relationships and paths built by the engine': engineGraphScenario,
    'streams 10 000 records in batches of the fetch size': engineFetchSizeScenario,
    'pulls two results of one transaction alternately in batches of 2':
      skip1x('Bolt 1–3 have no qid: a second RUN buffers the first result') ?? engineInterleavedScenario,
    'commits a CREATE whose records were discarded':
      skip1x('1.x has no result.consume() and never sends DISCARD') ?? engineDiscardScenario,
    'reads EXPLAIN and PROFILE plans from the summary': enginePlanScenario,
    'calls dbms.components() and db.labels()': engineProcedureScenario,
  };
}

interface Row {
  readonly title: string;
  readonly line: DriverLine;
  /** Bolt versions the row's server offers (default: all). */
  readonly versions?: readonly ProtocolVersion[];
}

const legacyLine = DRIVER_LINES.find((line) => line.generation === 1);
const ROWS: readonly Row[] = [
  ...DRIVER_LINES.map((line) => ({ title: line.alias, line })),
  ...(legacyLine === undefined
    ? []
    : [1, 2].map((major) => ({
        title: `${legacyLine.alias} forced to Bolt ${major}.0 (BEGIN/COMMIT as Cypher)`,
        line: legacyLine,
        versions: [{ major, minor: 0 }],
      }))),
];

for (const row of ROWS) {
  describe(`${row.title} against the real server`, () => {
    let server: QuiverServer | null = null;
    let ctx: EngineRowContext | null = null;
    before(async () => {
      server = await startServer({
        host: '127.0.0.1',
        port: 0,
        inMemory: true,
        logger: silentLogger,
        ...(row.versions === undefined ? {} : { versions: row.versions }),
      });
      const adapter = new DriverAdapter(row.line, loadDriverModule(row.line));
      const target = { port: server.port, tls: false };
      ctx = { line: row.line, neo4j: adapter.neo4j, adapter, target, main: adapter.open('bolt', target) };
    });
    after(async () => {
      await ctx?.adapter.closeAll();
      await server?.close();
    });
    for (const [title, plan] of Object.entries(plansFor(row.line, row.versions !== undefined))) {
      if (typeof plan !== 'function') {
        it(title, { skip: plan.skip }, () => undefined);
        continue;
      }
      it(title, { timeout: SCENARIO_TIMEOUT_MS + 5000 }, async (t) => {
        if (ctx === null) throw new Error('the row did not start');
        const note = await withTimeout(plan(ctx), SCENARIO_TIMEOUT_MS, 'the scenario timed out');
        if (note !== undefined) t.diagnostic(note);
      });
    }
    const forced = row.versions?.[0];
    if (forced !== undefined) {
      it(`negotiated Bolt ${forced.major}.${forced.minor} for every connection`, () => {
        const versions = (server?.connections() ?? []).map((connection) => connection.version);
        assert.ok(versions.length > 0, 'the row still has pooled connections');
        for (const version of versions) assert.deepEqual(version, forced);
      });
    }
  });
}
