/**
 * Issue #6 acceptance: streaming 10 million rows with fetch size 1,000 keeps the server's resident memory
 * growth under 64 MiB. The server is a `quiver serve --in-memory` child process; the official driver (6.x)
 * consumes `UNWIND range(1, 10000000) AS x RETURN x` record by record (`subscribe`, counting, keeping
 * nothing), so the driver pulls 1,000 records per PULL and holds only the batch in flight.
 *
 * Growth is measured against the server's RSS once it has answered one query (`RETURN 1`: the connection,
 * the Bolt state machine and the query pipeline exist, as in any server that has served a client). The
 * peak is the larger of VmRSS sampled every 20 ms during the stream and the kernel's own high-water mark
 * VmHWM, reset to the baseline just before the stream starts, so no short spike between samples escapes.
 * About 7 s on the 2-core machine.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import neo4j, { type Driver } from 'neo4j-driver-6';
import { readResidentMemory, resetPeak, startServerProcess, type ServerProcess } from './server-process.js';

const ROWS = 10_000_000;
const FETCH_SIZE = 1_000;
const GROWTH_LIMIT_BYTES = 64 * 1024 * 1024;
const SAMPLE_MS = 20;
const MIB = 1024 * 1024;

let server: ServerProcess | undefined;
let driver: Driver | undefined;

before(async () => {
  server = await startServerProcess();
  driver = neo4j.driver(server.url, neo4j.auth.basic('neo4j', 'password'));
});

after(async () => {
  await driver?.close();
  await server?.stop();
});

/** Runs `query` and counts its records as they arrive, keeping none. */
async function countRecords(open: Driver, query: string): Promise<number> {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- the driver types its config as a class; plain objects are how it is used
  const session = open.session({ fetchSize: FETCH_SIZE });
  try {
    return await new Promise<number>((resolve, reject) => {
      let count = 0;
      session.run(query).subscribe({
        onNext: () => {
          count += 1;
        },
        onCompleted: () => {
          resolve(count);
        },
        onError: reject,
      });
    });
  } finally {
    await session.close();
  }
}

test('streaming 10 million rows with fetch size 1000 grows the server RSS by less than 64 MiB', async () => {
  assert.ok(server !== undefined && driver !== undefined);
  const { pid } = server;
  assert.equal(await countRecords(driver, 'RETURN 1'), 1);
  const baseline = readResidentMemory(pid).rss;
  resetPeak(pid);
  let sampledPeak = baseline;
  const sampler = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, readResidentMemory(pid).rss);
  }, SAMPLE_MS);
  const started = performance.now();
  let count: number;
  try {
    count = await countRecords(driver, `UNWIND range(1, ${ROWS}) AS x RETURN x`);
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  const peak = Math.max(sampledPeak, readResidentMemory(pid).peak);
  const growth = peak - baseline;
  console.log(
    `streamed ${count} rows in ${seconds.toFixed(1)} s; server RSS baseline ${(baseline / MIB).toFixed(1)} MiB, ` +
      `peak ${(peak / MIB).toFixed(1)} MiB, growth ${(growth / MIB).toFixed(1)} MiB (limit 64 MiB)`,
  );
  assert.equal(count, ROWS);
  assert.ok(growth < GROWTH_LIMIT_BYTES, `server RSS grew by ${(growth / MIB).toFixed(1)} MiB`);
});
