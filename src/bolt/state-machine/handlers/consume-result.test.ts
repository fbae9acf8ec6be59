import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Harness, wire } from '../../../../test/support/bolt-harness.js';

const UNWIND = 'UNWIND range(1, $n) AS i RETURN i';
const LAZY_WRITE = 'UNWIND range(1, $n) AS i CREATE (:Item) RETURN i';

async function loggedIn(version: string): Promise<Harness> {
  const bolt = new Harness(version);
  await bolt.login();
  bolt.output.clear();
  return bolt;
}

describe('PULL with n and has_more (Bolt 4.0+)', () => {
  test('streams n records at a time and says whether more remain', async () => {
    const bolt = await loggedIn('4.4');
    const first = await bolt.send(wire.run(UNWIND, { n: 5n }), wire.pull(2n));
    assert.deepEqual(
      first.map((response) => response.kind),
      ['SUCCESS', 'RECORD', 'RECORD', 'SUCCESS'],
    );
    assert.deepEqual(first[3]?.metadata, { has_more: true });
    assert.equal(bolt.state, 'STREAMING');
    const second = await bolt.send(wire.pull(2n));
    assert.deepEqual(
      second.map((response) => response.values),
      [[3n], [4n], []],
    );
    assert.deepEqual(second[2]?.metadata, { has_more: true });
    const last = await bolt.send(wire.pull(2n));
    assert.deepEqual(
      last.map((response) => response.kind),
      ['RECORD', 'SUCCESS'],
    );
    assert.deepEqual(last[1]?.metadata, { bookmark: 'bm:1', type: 'r', t_last: 0n, db: 'neo4j' });
    assert.equal(bolt.state, 'READY');
  });

  test('commits an auto-commit transaction only once the result is exhausted', async () => {
    const bolt = await loggedIn('5.0');
    await bolt.send(wire.run(LAZY_WRITE, { n: 3n }), wire.pull(1n));
    assert.equal(bolt.backend.transactions[0]?.status, 'open');
    assert.equal(bolt.backend.nodeCount, 0);
    const [, , final] = await bolt.send(wire.pull(-1n));
    assert.equal(final?.metadata['bookmark'], 'bm:1');
    assert.equal(bolt.backend.transactions[0].status, 'committed');
    assert.equal(bolt.backend.nodeCount, 3);
  });

  test('addresses several open results of a transaction by qid, -1 meaning the latest', async () => {
    const bolt = await loggedIn('4.4');
    const opened = await bolt.send(
      wire.begin(),
      wire.run(UNWIND, { n: 3n }),
      wire.run('RETURN 42 AS answer'),
    );
    assert.deepEqual(
      opened.map((response) => response.metadata['qid']),
      [undefined, 0n, 1n],
    );
    const partial = await bolt.send(wire.pull(2n, 0n));
    assert.deepEqual(
      partial.map((response) => response.values),
      [[1n], [2n], []],
    );
    const latest = await bolt.send(wire.pull(-1n));
    assert.deepEqual(latest[0]?.values, [42n]);
    assert.deepEqual(latest[1]?.metadata, { type: 'r', t_last: 0n, db: 'neo4j' });
    assert.equal(bolt.state, 'TX_STREAMING', 'qid 0 is still open');
    const rest = await bolt.send(wire.pull(-1n, 0n));
    assert.deepEqual(rest[0]?.values, [3n]);
    assert.equal(bolt.state, 'TX_READY');
    assert.deepEqual(await bolt.kinds(wire.commit()), ['SUCCESS']);
  });

  test('fails a qid of -1 once the latest result is consumed', async () => {
    const bolt = await loggedIn('4.4');
    await bolt.send(wire.begin(), wire.run(UNWIND, { n: 1n }), wire.run(UNWIND, { n: 1n }), wire.pull(-1n));
    const [failure] = await bolt.send(wire.pull(-1n));
    assert.equal(failure?.metadata['message'], 'There is no open result with qid -1');
  });

  test('accepts qid 0 for an auto-commit result and refuses others', async () => {
    const bolt = await loggedIn('4.4');
    assert.deepEqual(await bolt.kinds(wire.run(UNWIND, { n: 1n }), wire.pull(-1n, 0n)), [
      'SUCCESS',
      'RECORD',
      'SUCCESS',
    ]);
    assert.deepEqual(await bolt.kinds(wire.run(UNWIND, { n: 1n }), wire.pull(-1n, 3n)), [
      'SUCCESS',
      'FAILURE',
    ]);
  });

  test('reports a failure that happens while streaming, after the records sent so far', async () => {
    const bolt = await loggedIn('4.4');
    const kinds = await bolt.kinds(
      wire.run('FAIL ON PULL Neo.ClientError.Statement.ArithmeticError'),
      wire.pull(-1n),
    );
    assert.deepEqual(kinds, ['SUCCESS', 'FAILURE']);
    assert.equal(bolt.backend.transactions[0]?.status, 'rolled back');
    assert.equal(bolt.state, 'FAILED');
  });
});

describe('DISCARD executes the query (bolt-spec-digest §9.4)', () => {
  test('completes the writes of a partly pulled auto-commit result and commits them', async () => {
    const bolt = await loggedIn('4.4');
    await bolt.send(wire.run(LAZY_WRITE, { n: 5n }), wire.pull(2n));
    const [final] = await bolt.send(wire.discard(-1n));
    assert.deepEqual(final?.metadata, {
      bookmark: 'bm:1',
      type: 'rw',
      t_last: 0n,
      db: 'neo4j',
      stats: { 'nodes-created': 5n, 'labels-added': 5n, 'contains-updates': true },
    });
    assert.equal(bolt.backend.nodeCount, 5);
  });

  test('completes the writes with DISCARD_ALL on Bolt 3', async () => {
    const bolt = await loggedIn('3.0');
    const responses = await bolt.send(wire.run(LAZY_WRITE, { n: 4n }), wire.discardAll());
    assert.deepEqual(
      responses.map((response) => response.kind),
      ['SUCCESS', 'SUCCESS'],
    );
    assert.equal(responses[1]?.metadata['bookmark'], 'bm:1');
    assert.equal(bolt.backend.nodeCount, 4);
  });

  test('discards n records and keeps the stream open when more remain', async () => {
    const bolt = await loggedIn('5.0');
    const [, partial] = await bolt.send(wire.run(UNWIND, { n: 3n }), wire.discard(2n));
    assert.deepEqual(partial?.metadata, { has_more: true });
    const [rest, final] = await bolt.send(wire.pull(-1n));
    assert.deepEqual(rest?.values, [3n]);
    assert.equal(final?.metadata['bookmark'], 'bm:1');
  });

  test('executes open results before COMMIT and drops them on ROLLBACK', async () => {
    const committed = await loggedIn('5.0');
    await committed.send(wire.begin(), wire.run(LAZY_WRITE, { n: 4n }), wire.pull(1n));
    assert.deepEqual((await committed.send(wire.commit()))[0]?.metadata, { bookmark: 'bm:1' });
    assert.equal(committed.backend.nodeCount, 4);
    const rolledBack = await loggedIn('5.0');
    await rolledBack.send(wire.begin(), wire.run(LAZY_WRITE, { n: 4n }), wire.pull(1n), wire.rollback());
    assert.equal(rolledBack.backend.nodeCount, 0);
    assert.equal(rolledBack.state, 'READY');
  });
});

describe('RUN, BEGIN and final SUCCESS metadata per version', () => {
  test('uses result_available_after and result_consumed_after on Bolt 1 and 2', async () => {
    const bolt = await loggedIn('2.0');
    const [run, , final] = await bolt.send(wire.runV1('RETURN 1 AS x'), wire.pullAll());
    assert.deepEqual(run?.metadata, { fields: ['x'], result_available_after: 0n });
    assert.deepEqual(final?.metadata, { bookmark: 'bm:1', type: 'r', result_consumed_after: 0n });
  });

  test('uses t_first and t_last from Bolt 3, without db before 4.0', async () => {
    const bolt = await loggedIn('3.0');
    const [run, , final] = await bolt.send(wire.run('RETURN 1 AS x'), wire.pullAll());
    assert.deepEqual(run?.metadata, { fields: ['x'], t_first: 0n });
    assert.deepEqual(final?.metadata, { bookmark: 'bm:1', type: 'r', t_last: 0n });
  });

  test('numbers results inside a transaction from 4.0 and leaves the bookmark to COMMIT', async () => {
    const bolt = await loggedIn('4.0');
    const [begin, run, , final, commit] = await bolt.send(
      wire.begin(),
      wire.run('RETURN 1 AS x'),
      wire.pull(-1n),
      wire.commit(),
    );
    assert.deepEqual(begin?.metadata, {});
    assert.deepEqual(run?.metadata, { fields: ['x'], t_first: 0n, qid: 0n });
    assert.deepEqual(final?.metadata, { type: 'r', t_last: 0n, db: 'neo4j' });
    assert.deepEqual(commit?.metadata, { bookmark: 'bm:1' });
  });

  test('reports the resolved database in BEGIN and RUN SUCCESS from 5.8 when the client named none', async () => {
    const bolt = await loggedIn('5.8');
    const [run] = await bolt.send(wire.run('RETURN 1 AS x'), wire.pull(-1n));
    assert.deepEqual(run?.metadata, { fields: ['x'], t_first: 0n, db: 'neo4j' });
    const [named] = await bolt.send(wire.run('RETURN 1 AS x', {}, { db: 'neo4j' }), wire.pull(-1n));
    assert.deepEqual(named?.metadata, { fields: ['x'], t_first: 0n });
    const [begin] = await bolt.send(wire.begin());
    assert.deepEqual(begin?.metadata, { db: 'neo4j' });
    const [txRun] = await bolt.send(wire.run('RETURN 1 AS x'));
    assert.deepEqual(txRun?.metadata, { fields: ['x'], t_first: 0n, qid: 0n });
    await bolt.send(wire.rollback());
    const [namedBegin] = await bolt.send(wire.begin({ db: 'system' }));
    assert.deepEqual(namedBegin?.metadata, {});
  });

  test('passes the transaction options of RUN and BEGIN to the backend', async () => {
    const bolt = await loggedIn('5.2');
    await bolt.send(
      wire.run(
        'RETURN 1 AS x',
        {},
        {
          bookmarks: [],
          tx_timeout: 5000n,
          tx_metadata: { app: 'test' },
          mode: 'r',
          db: 'neo4j',
          notifications_minimum_severity: 'OFF',
        },
      ),
      wire.pull(-1n),
    );
    const request = bolt.backend.transactions[0]?.request;
    assert.equal(request?.type, 'auto-commit');
    assert.equal(request.timeoutMs, 5000);
    assert.deepEqual(request.metadata, { app: 'test' });
    assert.equal(request.mode, 'r');
    assert.equal(request.database, 'neo4j');
    assert.equal(request.notifications.minimumSeverity, 'OFF');
    await bolt.send(wire.begin({ bookmarks: ['bm:1'], db: 'system' }));
    assert.equal(bolt.backend.transactions[1]?.request.type, 'explicit');
    assert.deepEqual(bolt.backend.transactions[1].request.bookmarks, ['bm:1']);
    assert.equal(bolt.backend.transactions[1].request.database, 'system');
  });
});
