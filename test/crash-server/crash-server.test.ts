/**
 * Crash test (issue #7): a durable child server under a mixed write workload over Bolt is killed with
 * SIGKILL at a random moment, its data directory is checked offline, and it is restarted: every
 * acknowledged transaction must be there, none that failed, linked pairs all-or-nothing, the unique
 * constraint holding, and indexes agreeing with the data. QUIVER_CRASH_ITERATIONS sets the number of
 * kills (default 100; `npm run test:crash` runs 1000), QUIVER_CRASH_SEED the first seed, and
 * QUIVER_CRASH_PROGRESS a file that gets a line every 100 kills (the test reporter only prints at the end).
 */
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import neo4j from 'neo4j-driver-528';
import { checkDataDirectory } from '../../src/durability/index.js';
import { CrashModel } from './crash-model.js';
import { startChild, type ChildServer } from './child-server.js';
import { seededRandom } from '../support/seeded-random.js';
import { runWorker, type WorkloadContext } from './crash-workload.js';
import { readItems, setUpSchema } from './crash-verify.js';

const ITERATIONS = Number(process.env['QUIVER_CRASH_ITERATIONS'] ?? '100');
const FIRST_SEED = Number(process.env['QUIVER_CRASH_SEED'] ?? '1');
const WORKERS = 4;
const PROGRESS_FILE = process.env['QUIVER_CRASH_PROGRESS'];

test(
  `${ITERATIONS} SIGKILLs under a write workload lose no acknowledged commit`,
  { timeout: 60_000 + ITERATIONS * 10_000 },
  async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'quiver-crash-'));
    const model = new CrashModel();
    const pairs: [number, number][] = [];
    let nextKey = 1;
    const totals = { operations: 0, recoveryMs: 0, maxRecoveryMs: 0 };
    let child: ChildServer | undefined;
    try {
      for (let iteration = 0; iteration < ITERATIONS; iteration++) {
        const seed = FIRST_SEED + iteration;
        const random = seededRandom(seed);
        const started = performance.now();
        child = await startChild(dataDir);
        const recoveryMs = performance.now() - started;
        totals.recoveryMs += recoveryMs;
        totals.maxRecoveryMs = Math.max(totals.maxRecoveryMs, recoveryMs);
        // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- the driver types its config as a class; plain objects are how it is used
        const driver = neo4j.driver(child.url, neo4j.auth.basic('neo4j', 'password'), {
          maxConnectionPoolSize: WORKERS + 2,
          connectionAcquisitionTimeout: 5000,
          logging: { level: 'error', logger: () => undefined },
        });
        try {
          if (iteration === 0) await setUpSchema(driver);
          const actual = await readItems(driver, pairs);
          const problems = [...actual.problems, ...model.check(actual.items)];
          assert.deepEqual(problems, [], `after kill ${iteration} (seed ${seed - 1})`);
          model.settle(actual.items);

          let stopping = false;
          const context: WorkloadContext = {
            driver,
            model,
            random,
            freshKey: () => nextKey++,
            stopping: () => stopping,
            pairs,
            unexpected: [],
          };
          const owned: number[][] = Array.from({ length: WORKERS }, () => []);
          const paired = new Set(pairs.flat());
          for (const [key, state] of model.keys) {
            if (state.confirmed !== undefined && !paired.has(key)) {
              owned[key % WORKERS]?.push(key);
            }
          }
          const workers = owned.map((keys) => runWorker(context, keys));
          await new Promise((resolve) => setTimeout(resolve, 100 + Math.floor(random() * 500)));
          stopping = true;
          child.kill();
          totals.operations += (await Promise.all(workers)).reduce((sum, count) => sum + count, 0);
          assert.deepEqual(context.unexpected, [], `during iteration ${iteration} (seed ${seed})`);
        } finally {
          await driver.close().catch(() => undefined);
          child.kill();
          await child.exited;
        }
        const report = await checkDataDirectory({ directory: join(dataDir, 'databases', 'neo4j') });
        assert.deepEqual(report.problems, [], `offline check after kill ${iteration} (seed ${seed})`);
        if (PROGRESS_FILE !== undefined && (iteration + 1) % 100 === 0) {
          appendFileSync(
            PROGRESS_FILE,
            `${new Date().toISOString()} ${iteration + 1} kills, ${model.acknowledged} acknowledged, ` +
              `${model.failed} failed, ${model.inDoubt} in doubt, ${model.keys.size} keys\n`,
          );
        }
      }
      child = await startChild(dataDir);
      const driver = neo4j.driver(child.url, neo4j.auth.basic('neo4j', 'password'));
      try {
        const actual = await readItems(driver, pairs);
        assert.deepEqual([...actual.problems, ...model.check(actual.items)], [], 'after the last kill');
      } finally {
        await driver.close();
      }
      console.log(
        `crash test: ${ITERATIONS} kills, ${totals.operations} operations, ${model.acknowledged} acknowledged, ` +
          `${model.failed} failed, ${model.inDoubt} in doubt; restart to ready: mean ` +
          `${(totals.recoveryMs / ITERATIONS).toFixed(0)} ms, max ${totals.maxRecoveryMs.toFixed(0)} ms`,
      );
    } finally {
      child?.kill();
      await child?.exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
);
