/**
 * The matrix scenarios for Quiver's own Bolt client over WebSocket. The client is message-level, so each
 * scenario sends what a driver would for the same user action (RESET on a session closed mid-stream, a
 * retry after a transient FAILURE, …) and checks the answers byte-level facts can't show: metadata per
 * version, FAILURE shapes, what the backend was asked.
 */
import assert from 'node:assert/strict';
import { BoltResponseError, type BoltClient, type Metadata } from '../../src/bolt/index.js';
import { Node, Path, Relationship } from '../../src/values/index.js';
import type { ClientRowContext } from './client-plans.js';
import { closeClient, connectClient, openClient, withClient } from './client-session.js';
import { newestConnectionVersion, RANGE_QUERY } from './driver-context.js';
import { GRAPH_FIXTURE } from './scenario-backend.js';
import type { ScenarioNote } from './scenario-runner.js';
import { waitFor } from '../support/test-server.js';

const AGENT = 'Neo4j/5.26.0';
const RECORDS = 10_000;
const FETCH_SIZE = 100;

/** Settles a request that must fail; returns the error. */
async function failure(request: Promise<unknown>): Promise<BoltResponseError> {
  const [outcome] = await Promise.allSettled([request]);
  assert.equal(outcome.status, 'rejected', 'the request failed');
  const error: unknown = outcome.reason;
  assert.ok(error instanceof BoltResponseError, `a Bolt FAILURE/IGNORED, not ${String(error)}`);
  return error;
}

/** The FAILURE carries the code in the shape of its version: `neo4j_code` + GQL fields from 5.7, `code` before. */
function assertFailureShape(client: BoltClient, error: BoltResponseError, code: string): void {
  const metadata = error.response.metadata;
  assert.equal(error.response.kind, 'FAILURE');
  if (client.isAtLeast(5, 7)) {
    assert.equal(metadata['neo4j_code'], code);
    assert.equal(typeof metadata['gql_status'], 'string');
    assert.equal(typeof metadata['description'], 'string');
  } else {
    assert.equal(metadata['code'], code);
    assert.equal(metadata['neo4j_code'], undefined);
  }
}

export async function clientVerify(ctx: ClientRowContext): Promise<ScenarioNote> {
  const { client, hello } = await openClient(ctx);
  try {
    assert.equal(hello['server'], AGENT);
    await client.reset();
    assert.equal(client.versionText, ctx.row.expected);
    const newest = ctx
      .connections()
      .filter((connection) => connection.version !== null)
      .at(-1);
    assert.equal(newest?.transport, 'websocket');
    assert.equal(newest.secure, ctx.row.tls);
    assert.ok(ctx.backend.eventsOf('auth').some((login) => login.ok));
    ctx.setBolt(`${client.versionText}${client.viaManifest ? ' (manifest)' : ''}`);
    return undefined;
  } finally {
    await closeClient(client);
  }
}

export async function clientServerInfo(ctx: ClientRowContext): Promise<ScenarioNote> {
  const { client, hello } = await openClient(ctx);
  try {
    assert.equal(hello['server'], AGENT);
    if (client.isAtLeast(3, 0)) assert.equal(typeof hello['connection_id'], 'string');
    assert.equal(newestConnectionVersion(ctx.connections()), client.versionText);
    assert.equal(
      client.viaManifest,
      ctx.row.proposals.some((proposal) => proposal.kind === 'MANIFEST_V1'),
    );
    return undefined;
  } finally {
    await closeClient(client);
  }
}

export async function clientRun(ctx: ClientRowContext): Promise<ScenarioNote> {
  return withClient(ctx, async (client) => {
    const read = await client.query('RETURN 1 AS x');
    assert.deepEqual(read.fields, ['x']);
    assert.deepEqual(read.records, [[1n]]);
    assert.equal(read.summary['type'], 'r');
    if (client.isAtLeast(4, 0)) assert.equal(read.summary['db'], 'neo4j');
    if (client.isAtLeast(3, 0)) assert.match(String(read.summary['bookmark']), /^bm:\d+$/);
    const before = ctx.backend.inner.nodeCount;
    const write = await client.query('CREATE (:Item)');
    assert.deepEqual(write.records, []);
    assert.equal(write.summary['type'], 'w');
    assert.equal((write.summary['stats'] as Metadata | undefined)?.['nodes-created'], 1n);
    assert.equal(ctx.backend.inner.nodeCount, before + 1);
    return undefined;
  });
}

async function clientTransaction(ctx: ClientRowContext, end: 'commit' | 'rollback'): Promise<void> {
  await withClient(ctx, async (client) => {
    const before = ctx.backend.inner.nodeCount;
    await client.begin();
    const run = await client.run('CREATE (:Item)');
    if (client.isAtLeast(4, 0)) assert.equal(typeof run['qid'], 'bigint', 'RUN in a transaction has a qid');
    await client.pull();
    const count = await client.query('MATCH (n) RETURN count(n) AS count');
    assert.deepEqual(count.records, [[BigInt(before + 1)]]);
    const summary = await (end === 'commit' ? client.commit() : client.rollback());
    if (end === 'commit') assert.match(String(summary['bookmark']), /^bm:\d+$/);
    assert.equal(ctx.backend.inner.nodeCount, end === 'commit' ? before + 1 : before);
    assert.deepEqual(
      ctx.backend.eventsOf('begin').map((begin) => begin.request.type),
      ['explicit'],
    );
  });
}

export async function clientCommit(ctx: ClientRowContext): Promise<ScenarioNote> {
  await clientTransaction(ctx, 'commit');
  return undefined;
}

export async function clientRollback(ctx: ClientRowContext): Promise<ScenarioNote> {
  await clientTransaction(ctx, 'rollback');
  return undefined;
}

export async function clientManaged(ctx: ClientRowContext): Promise<ScenarioNote> {
  return withClient(ctx, async (client) => {
    await client.begin({ mode: 'r' });
    assert.deepEqual((await client.query('RETURN 1 AS x')).records, [[1n]]);
    await client.commit();
    await client.begin({});
    await client.query('CREATE (:Item)');
    await client.commit();
    assert.deepEqual(
      ctx.backend.eventsOf('begin').map((begin) => begin.request.mode),
      ['r', 'w'],
    );
    return 'a raw client has no managed transactions: BEGIN {mode: "r"} and BEGIN {} reach the backend as r and w';
  });
}

export async function clientRetry(ctx: ClientRowContext): Promise<ScenarioNote> {
  const key = `retry:${ctx.row.id}`;
  return withClient(ctx, async (client) => {
    let attempts = 0;
    let value: unknown;
    for (;;) {
      attempts++;
      await client.begin();
      const outcome = await Promise.allSettled([client.query('CALL test.flaky($key)', { key })]);
      if (outcome[0].status === 'fulfilled') {
        value = outcome[0].value.records[0]?.[0];
        await client.commit();
        break;
      }
      const error: unknown = outcome[0].reason;
      assert.ok(
        error instanceof BoltResponseError && attempts === 1,
        `attempt ${attempts} failed: ${String(error)}`,
      );
      assert.match(error.serverCode, /^Neo\.TransientError\./, 'the failure is classified as transient');
      assertFailureShape(client, error, 'Neo.TransientError.Transaction.DeadlockDetected');
      await client.reset();
    }
    assert.equal(attempts, 2);
    assert.equal(value, 2n);
    assert.equal(ctx.backend.flakyAttempts.get(key), 2);
    return 'retry loop in the test (drivers retry on Neo.TransientError.*): FAILURE, RESET, second attempt';
  });
}

export async function clientErrorRecovery(ctx: ClientRowContext): Promise<ScenarioNote> {
  return withClient(ctx, async (client) => {
    const syntax = 'Neo.ClientError.Statement.SyntaxError';
    const [run, pull] = await Promise.allSettled([client.run(`FAIL ${syntax}`), client.pull()]);
    assert.equal(run.status, 'rejected');
    const runError: unknown = run.reason;
    assert.ok(runError instanceof BoltResponseError);
    assertFailureShape(client, runError, syntax);
    assert.equal(pull.status, 'rejected');
    assert.ok(
      pull.reason instanceof BoltResponseError && pull.reason.isIgnored,
      'PULL after FAILURE is IGNORED',
    );
    await client.reset();
    assert.deepEqual((await client.query('RETURN 1 AS x')).records, [[1n]]);
    await client.begin();
    const arithmetic = 'Neo.ClientError.Statement.ArithmeticError';
    assert.equal((await failure(client.query(`FAIL ${arithmetic}`))).serverCode, arithmetic);
    await client.reset();
    assert.deepEqual((await client.query('RETURN 2 AS x')).records, [[2n]]);
    const [explicit] = ctx.backend.inner.transactions
      .filter((tx) => tx.queries.includes(`FAIL ${arithmetic}`))
      .slice(-1);
    assert.equal(explicit?.status, 'rolled back', 'RESET rolled the failed transaction back');
    return undefined;
  });
}

export async function clientBookmarks(ctx: ClientRowContext): Promise<ScenarioNote> {
  return withClient(ctx, async (client) => {
    await client.begin();
    await client.query('CREATE (:Item)');
    const bookmark = String((await client.commit())['bookmark']);
    assert.match(bookmark, /^bm:\d+$/);
    ctx.backend.clearEvents();
    if (client.isAtLeast(3, 0)) {
      await client.query('RETURN 1 AS x', {}, { bookmarks: [bookmark] });
      await client.begin({ bookmarks: [bookmark] });
      await client.query('RETURN 1 AS x');
      await client.commit();
    } else {
      await client.query('BEGIN', { bookmark, bookmarks: [bookmark] });
      await client.query('RETURN 1 AS x');
      await client.commit();
    }
    const seen = ctx.backend.eventsOf('begin').map((begin) => begin.request.bookmarks);
    const expected = client.isAtLeast(3, 0) ? [[bookmark], [bookmark]] : [[bookmark]];
    assert.deepEqual(seen, expected, 'the backend got the bookmark');
    return client.isAtLeast(3, 0) ? undefined : 'Bolt 1/2: bookmarks as parameters of RUN "BEGIN"';
  });
}

export async function clientRouting(ctx: ClientRowContext): Promise<ScenarioNote> {
  const address = `127.0.0.1:${ctx.port}`;
  const expectServers = (servers: unknown): void => {
    const list = servers as { role: string; addresses: string[] }[];
    assert.deepEqual(list.map((server) => server.role).sort(), ['READ', 'ROUTE', 'WRITE']);
    for (const server of list) assert.deepEqual(server.addresses, [address]);
  };
  return withClient(ctx, async (client) => {
    if (client.isAtLeast(4, 3)) {
      const rt = (await client.route({ address }, [], null))['rt'] as Metadata;
      assert.equal(rt['ttl'], 300n);
      if (client.isAtLeast(4, 4)) assert.equal(rt['db'], 'neo4j');
      expectServers(rt['servers']);
      assert.equal(ctx.backend.eventsOf('route').length, 1);
      return undefined;
    }
    const v4 = client.isAtLeast(4, 0);
    const result = v4
      ? await client.query(
          'CALL dbms.routing.getRoutingTable($context, $database)',
          { context: { address }, database: null },
          { db: 'system', mode: 'r' },
        )
      : await client.query('CALL dbms.cluster.routing.getRoutingTable($context)', { context: {} });
    assert.deepEqual(result.fields, ['ttl', 'servers']);
    const [row] = result.records;
    assert.ok(row !== undefined && result.records.length === 1, 'one record');
    assert.equal(row[0], 300n);
    expectServers(row[1]);
    return v4 ? 'Bolt 4.0–4.2: routing procedure on system' : 'Bolt ≤ 3: dbms.cluster.routing procedure';
  });
}

export async function clientDatabase(ctx: ClientRowContext): Promise<ScenarioNote> {
  return withClient(ctx, async (client) => {
    for (const db of ['neo4j', 'system']) {
      const result = await client.query('RETURN 1 AS x', {}, { db });
      assert.equal(result.summary['db'], db);
    }
    const notFound = 'Neo.ClientError.Database.DatabaseNotFound';
    const error = await failure(client.query('RETURN 1 AS x', {}, { db: 'nowhere' }));
    assertFailureShape(client, error, notFound);
    await client.reset();
    return undefined;
  });
}

/** The fixture as a client of this version hydrates it (element ids default to the ids before 5.0). */
function expectedGraph(withElementIds: boolean): { a: Node; r: Relationship; p: Path; q: Path } {
  const { alice, bob, carol, knows, likes } = GRAPH_FIXTURE;
  if (withElementIds) {
    return { a: alice, r: knows, p: GRAPH_FIXTURE.forward, q: GRAPH_FIXTURE.mixed };
  }
  const node = (n: Node) => new Node({ id: n.id, labels: n.labels, properties: n.properties });
  const rel = (r: Relationship) =>
    new Relationship({
      id: r.id,
      startNodeId: r.startNodeId,
      endNodeId: r.endNodeId,
      type: r.type,
      properties: r.properties,
    });
  const [a, b, c] = [node(alice), node(bob), node(carol)];
  return {
    a,
    r: rel(knows),
    p: new Path([a, b], [rel(knows)]),
    q: new Path([a, b, c], [rel(knows), rel(likes)]),
  };
}

export async function clientGraph(ctx: ClientRowContext): Promise<ScenarioNote> {
  return withClient(ctx, async (client) => {
    const result = await client.query('CALL test.graph()');
    const [a, r, p, q] = result.records[0] ?? [];
    const expected = expectedGraph(client.isAtLeast(5, 0));
    assert.deepStrictEqual(a, expected.a);
    assert.deepStrictEqual(r, expected.r);
    assert.deepStrictEqual(p, expected.p);
    assert.deepStrictEqual(q, expected.q);
    return client.isAtLeast(5, 0) ? undefined : 'no element ids before Bolt 5.0';
  });
}

export async function clientFetchSize(ctx: ClientRowContext): Promise<ScenarioNote> {
  return withClient(ctx, async (client) => {
    let count = 0;
    let sum = 0n;
    const onRecord = (values: readonly unknown[]): void => {
      count++;
      sum += values[0] as bigint;
    };
    let batches = 0;
    await client.run(RANGE_QUERY, { n: BigInt(RECORDS) });
    if (client.isAtLeast(4, 0)) {
      for (;;) {
        batches++;
        if (!(await client.pull(FETCH_SIZE, undefined, onRecord)).hasMore) break;
      }
    } else {
      await client.pull(-1, undefined, onRecord);
    }
    assert.equal(count, RECORDS);
    assert.equal(sum, BigInt((RECORDS * (RECORDS + 1)) / 2));
    const pulls = ctx.backend.eventsOf('pull').map((pull) => pull.n);
    if (!client.isAtLeast(4, 0)) return 'no PULL n before Bolt 4.0: one PULL_ALL streamed all 10 000 records';
    assert.ok(batches >= RECORDS / FETCH_SIZE, `${batches} PULL {n: ${FETCH_SIZE}} requests`);
    assert.ok(Math.max(...pulls) <= FETCH_SIZE, 'the backend was never asked for more than n records');
    return undefined;
  });
}

export async function clientCloseMidStream(ctx: ClientRowContext): Promise<ScenarioNote> {
  return withClient(ctx, async (client) => {
    await client.run(RANGE_QUERY, { n: BigInt(RECORDS) });
    let received = 0;
    if (client.isAtLeast(4, 0)) {
      const first = await client.pull(FETCH_SIZE);
      assert.equal(first.hasMore, true);
      received = first.records.length;
    }
    // What drivers send when a session is closed with an open result.
    await client.reset();
    assert.deepEqual((await client.query('RETURN 1 AS x')).records, [[1n]], 'the same connection works on');
    const stream = ctx.backend.inner.transactions.findLast((tx) => tx.queries.includes(RANGE_QUERY));
    assert.equal(stream?.status, 'rolled back', 'RESET ended the interrupted auto-commit transaction');
    if (!client.isAtLeast(4, 0)) return 'no partial PULL before Bolt 4.0: RESET while the result was unread';
    assert.equal(received, FETCH_SIZE);
    // The other way to stop early: DISCARD the rest, which still commits the auto-commit transaction.
    await client.run(RANGE_QUERY, { n: BigInt(RECORDS) });
    await client.pull(FETCH_SIZE);
    const discarded = await client.discard(-1);
    assert.equal(discarded.hasMore, false);
    assert.match(String(discarded.summary['bookmark']), /^bm:\d+$/);
    return undefined;
  });
}

export async function clientAuth(ctx: ClientRowContext): Promise<ScenarioNote> {
  await withClient(ctx, async (client) => {
    assert.deepEqual((await client.query('RETURN 1 AS x')).records, [[1n]]);
  });
  const baseline = ctx.connections().length;
  const client = await connectClient(ctx);
  try {
    const error = await failure(client.login({ scheme: 'basic', principal: 'neo4j', credentials: 'wrong' }));
    assert.equal(error.serverCode, 'Neo.ClientError.Security.Unauthorized');
    // Watched on the server: over WebSocket the client sees the close only as the end of its readable side.
    await waitFor(() => ctx.connections().length <= baseline, 3000, 'the server to close the connection');
  } finally {
    client.close();
  }
  assert.deepEqual(
    ctx.backend.eventsOf('auth').map((login) => login.ok),
    [true, false],
  );
  return undefined;
}
