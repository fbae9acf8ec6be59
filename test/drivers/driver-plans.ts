/**
 * The scenario plans of an official driver row: which implementation runs for each scenario id, and the
 * skips, decided from the line's API generation alone (never from an outcome).
 */
import type { DriverRowContext } from './driver-context.js';
import {
  closeMidStreamScenario,
  fetchSizeScenario,
  graphScenario,
  roundTripScenario,
} from './driver-data-scenarios.js';
import {
  authScenario,
  bookmarksScenario,
  commitScenario,
  databaseScenario,
  errorRecoveryScenario,
  managedScenario,
  retryScenario,
  rollbackScenario,
  routingScenario,
  runScenario,
  serverInfoScenario,
  verifyScenario,
} from './driver-scenarios.js';
import { basicCases, spatialCases, temporalCases, uuidCases, vectorCases } from './driver-values.js';
import type { ScenarioPlans } from './scenario-runner.js';

export function driverPlans(ctx: DriverRowContext): ScenarioPlans {
  const { line, neo4j } = ctx;
  const run = (scenario: (context: DriverRowContext) => Promise<string | undefined>) => ({
    run: () => scenario(ctx),
  });
  return {
    verify: run(verifyScenario),
    'server-info': run(serverInfoScenario),
    run: run(runScenario),
    'tx-commit': run(commitScenario),
    'tx-rollback': run(rollbackScenario),
    'managed-tx': run(managedScenario),
    retry: run(retryScenario),
    'error-recovery': run(errorRecoveryScenario),
    bookmarks: run(bookmarksScenario),
    routing: run(routingScenario),
    database:
      line.generation === 1
        ? { skip: 'JS 1.7 has no multi-database API (Bolt 3 has no db field)' }
        : run(databaseScenario),
    'values-basic': { run: () => roundTripScenario(ctx, basicCases(neo4j)) },
    'values-temporal': { run: () => roundTripScenario(ctx, temporalCases(neo4j)) },
    'values-spatial': { run: () => roundTripScenario(ctx, spatialCases(neo4j)) },
    'values-vector': line.hasVector
      ? { run: () => roundTripScenario(ctx, vectorCases(neo4j)) }
      : { skip: 'the driver has no Vector type (vectors are Bolt 6.0; JS drivers 6.x only)' },
    'values-uuid': line.hasUuid
      ? { run: () => roundTripScenario(ctx, uuidCases(neo4j)) }
      : { skip: 'the driver has no UUID type (UUIDs are Bolt 6.1; JS drivers 6.2+)' },
    'values-graph': run(graphScenario),
    'fetch-size': run(fetchSizeScenario),
    'close-mid-stream': run(closeMidStreamScenario),
    auth: run(authScenario),
  };
}
