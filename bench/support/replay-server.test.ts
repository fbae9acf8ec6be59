import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BoltBackend } from '../../src/bolt/index.js';
import { Unpacker } from '../../src/packstream/index.js';
import { silentLogger, startBoltServer, type BoltServer } from '../../src/server/index.js';
import { RawClient } from '../../test/support/test-server.js';
import { BENCH_QUERIES, BENCH_STREAMS, BenchBackend, RETURN_ONE_STREAM } from './bench-backend.js';
import { QUIVER_NEWEST_VERSION } from './bolt-server-worker.js';
import { message } from './counting-client.js';
import { startReplayServer, type ReplayServer } from './replay-server.js';

const COUNT = 250;
const SUCCESS = 0x70;
const RECORD = 0x71;

/** Connects with a legacy handshake for Quiver's newest version and logs in. */
async function openSession(port: number): Promise<RawClient> {
  const client = await RawClient.connect(port);
  const { major, minor } = QUIVER_NEWEST_VERSION;
  client.write(
    Uint8Array.from([0x60, 0x60, 0xb0, 0x17, 0, 0, minor, major, ...new Array<number>(12).fill(0)]),
  );
  assert.deepEqual([...(await client.read(4))], [0, 0, minor, major]);
  client.write(message(0x01, [{ user_agent: 'test/1', bolt_agent: { product: 'test/1' } }]));
  client.write(message(0x6a, [{ scheme: 'basic', principal: 'neo4j', credentials: 'password' }]));
  assert.equal((await client.readMessage())[1], SUCCESS);
  assert.equal((await client.readMessage())[1], SUCCESS);
  return client;
}

interface Conversation {
  /** Response tags in order, with `+` after a SUCCESS that says `has_more`. */
  readonly tags: string[];
  readonly records: Buffer[];
}

/** RUN, then PULL {n: fetch} until the result is exhausted, as the drivers do. */
async function pullAll(client: RawClient, query: string, n: number, fetch: number): Promise<Conversation> {
  const tags: string[] = [];
  const records: Buffer[] = [];
  const unpacker = new Unpacker();
  client.write(message(0x10, [query, { n: BigInt(n) }, {}]));
  for (;;) {
    client.write(message(0x3f, [{ n: BigInt(fetch) }]));
    for (;;) {
      const body = await client.readMessage();
      if (body[1] === RECORD) {
        records.push(body);
        continue;
      }
      assert.equal(body[1], SUCCESS, 'only RECORD and SUCCESS are expected');
      unpacker.readStructHeader(body, 0);
      const metadata = unpacker.unpack(body, unpacker.offset) as Record<string, unknown>;
      const hasMore = metadata['has_more'] === true;
      tags.push(hasMore ? 'SUCCESS+' : 'SUCCESS');
      if (Object.hasOwn(metadata, 'fields')) continue; // RUN's SUCCESS
      if (!hasMore) return { tags, records };
      break;
    }
  }
}

describe('the replay server (the baseline of the Bolt benchmarks)', () => {
  let quiver: BoltServer;
  let replay: ReplayServer;

  before(async () => {
    quiver = await startBoltServer({ backend: new BenchBackend(), port: 0, logger: silentLogger });
    const streams = [BENCH_QUERIES.ints, BENCH_QUERIES.maps, BENCH_QUERIES.nodes].map((query) => {
      const stream = BENCH_STREAMS.get(query);
      assert.ok(stream !== undefined);
      return { query, count: COUNT, stream };
    });
    replay = await startReplayServer({
      scenarios: [
        { query: BENCH_QUERIES.returnOne, count: 1, stream: RETURN_ONE_STREAM, checkN: false },
        ...streams,
      ],
      version: QUIVER_NEWEST_VERSION,
    });
  });

  after(async () => {
    await quiver.close();
    await replay.close();
  });

  for (const [name, query] of Object.entries({
    ints: BENCH_QUERIES.ints,
    '5-key maps': BENCH_QUERIES.maps,
    nodes: BENCH_QUERIES.nodes,
  })) {
    it(`sends the same RECORD bytes and PULL batching as Quiver for ${name}`, async () => {
      const fromQuiver = await openSession(quiver.port);
      const fromReplay = await openSession(replay.port);
      try {
        const expected = await pullAll(fromQuiver, query, COUNT, 100);
        const actual = await pullAll(fromReplay, query, COUNT, 100);
        assert.equal(expected.records.length, COUNT);
        assert.deepEqual(actual.tags, expected.tags);
        assert.deepEqual(actual.tags, ['SUCCESS', 'SUCCESS+', 'SUCCESS+', 'SUCCESS']);
        assert.equal(actual.records.length, expected.records.length);
        actual.records.forEach((record, index) => {
          assert.deepEqual(record, expected.records[index], `record ${index + 1}`);
        });
      } finally {
        fromQuiver.destroy();
        fromReplay.destroy();
      }
    });
  }

  it('answers a PULL that ends exactly at the last record without has_more, like Quiver', async () => {
    for (const port of [quiver.port, replay.port]) {
      const client = await openSession(port);
      try {
        const { tags, records } = await pullAll(client, BENCH_QUERIES.ints, COUNT, COUNT);
        assert.deepEqual(tags, ['SUCCESS', 'SUCCESS']);
        assert.equal(records.length, COUNT);
      } finally {
        client.destroy();
      }
    }
  });

  it('answers a query it does not know with FAILURE, then IGNORED until RESET', async () => {
    const client = await openSession(replay.port);
    try {
      client.write(message(0x10, ['RETURN 2 AS y', {}, {}]));
      client.write(message(0x3f, [{ n: -1n }]));
      client.write(message(0x0f, []));
      assert.equal((await client.readMessage())[1], 0x7f);
      assert.equal((await client.readMessage())[1], 0x7e);
      assert.equal((await client.readMessage())[1], SUCCESS);
    } finally {
      client.destroy();
    }
  });
});

describe('the bench backend', () => {
  it('produces records only as they are pulled and reports has_more exactly', async () => {
    const backend: BoltBackend = new BenchBackend();
    const tx = await backend.beginTransaction({
      user: { username: 'neo4j' },
      type: 'auto-commit',
      database: null,
      mode: 'r',
      bookmarks: [],
      timeoutMs: null,
      metadata: null,
      impersonatedUser: null,
      notifications: { minimumSeverity: null, disabledClassifications: [] },
    });
    const result = await tx.run(BENCH_QUERIES.ints, { n: 3n });
    const seen: unknown[] = [];
    const sink = (values: readonly unknown[]): void => {
      seen.push(values[0]);
    };
    assert.equal(await result.pull(2, sink), true);
    assert.deepEqual(seen, [1n, 2n]);
    assert.equal(await result.pull(5, sink), false);
    assert.deepEqual(seen, [1n, 2n, 3n]);
    assert.equal(result.summary().recordCount, 3);
  });
});
