import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Harness, wire } from '../../../../test/support/bolt-harness.js';
import { pseudoStatementOf } from './run-pseudo.js';

async function loggedIn(version: string): Promise<Harness> {
  const bolt = new Harness(version);
  await bolt.login();
  bolt.output.clear();
  return bolt;
}

describe('pseudoStatementOf', () => {
  test('recognises the keywords in any case, with whitespace and one semicolon', () => {
    assert.equal(pseudoStatementOf('BEGIN'), 'BEGIN');
    assert.equal(pseudoStatementOf('  commit ;  '), 'COMMIT');
    assert.equal(pseudoStatementOf('\nRollBack;'), 'ROLLBACK');
  });

  test('leaves everything else to the database', () => {
    assert.equal(pseudoStatementOf('BEGIN;;'), null);
    assert.equal(pseudoStatementOf('COMMIT RETURN 1'), null);
    assert.equal(pseudoStatementOf('RETURN "BEGIN"'), null);
    assert.equal(pseudoStatementOf(''), null);
  });
});

describe('Bolt 1/2 explicit transactions as RUN "BEGIN"/"COMMIT"/"ROLLBACK"', () => {
  test('commits with the bookmark in the SUCCESS of the PULL_ALL after COMMIT (JS 1.7)', async () => {
    const bolt = await loggedIn('1.0');
    const begin = await bolt.send(wire.runV1('BEGIN', {}), wire.pullAll());
    assert.deepEqual(
      begin.map((response) => response.metadata),
      [{ fields: [], result_available_after: 0n }, {}],
    );
    const write = await bolt.send(wire.runV1('CREATE (:Item)'), wire.pullAll());
    assert.deepEqual(write[1]?.metadata, {
      type: 'w',
      result_consumed_after: 0n,
      stats: { 'nodes-created': 1n, 'labels-added': 1n, 'contains-updates': true },
    });
    assert.equal(bolt.backend.nodeCount, 0, 'not committed yet');
    const commit = await bolt.send(wire.runV1('COMMIT', {}), wire.pullAll());
    assert.deepEqual(commit[1]?.metadata, { bookmark: 'bm:1' });
    assert.equal(bolt.backend.nodeCount, 1);
    assert.equal(bolt.backend.transactions.length, 1);
    assert.equal(bolt.backend.transactions[0]?.request.type, 'explicit');
    assert.equal(bolt.state, 'READY');
  });

  test('accepts DISCARD_ALL after the pseudo statements and lower-case keywords (neobolt)', async () => {
    const bolt = await loggedIn('2.0');
    const kinds = await bolt.kinds(
      wire.runV1('begin', { bookmarks: [] }),
      wire.discardAll(),
      wire.runV1('CREATE (:Item)'),
      wire.discardAll(),
      wire.runV1('commit;'),
      wire.discardAll(),
    );
    assert.deepEqual(kinds, ['SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS']);
    assert.deepEqual(bolt.output.responses.at(-1)?.metadata, { bookmark: 'bm:1' });
    assert.equal(bolt.backend.nodeCount, 1);
  });

  test('rolls back with RUN "ROLLBACK"', async () => {
    const bolt = await loggedIn('1.0');
    await bolt.send(
      wire.runV1('BEGIN'),
      wire.pullAll(),
      wire.runV1('CREATE (:Item)'),
      wire.pullAll(),
      wire.runV1('ROLLBACK'),
      wire.pullAll(),
    );
    assert.deepEqual(bolt.output.responses.at(-1)?.metadata, {});
    assert.equal(bolt.backend.transactions[0]?.status, 'rolled back');
    assert.equal(bolt.backend.nodeCount, 0);
  });

  test('passes the bookmarks of RUN "BEGIN" to the backend', async () => {
    const bolt = await loggedIn('1.0');
    await bolt.send(bolt.run('CREATE (:Item)'), wire.pullAll());
    await bolt.send(wire.runV1('BEGIN', { bookmark: 'bm:1', bookmarks: ['bm:1'] }), wire.pullAll());
    assert.deepEqual(bolt.backend.transactions[1]?.request.bookmarks, ['bm:1']);
    await bolt.send(
      wire.runV1('ROLLBACK'),
      wire.pullAll(),
      wire.runV1('BEGIN', { bookmark: 'bm:1' }),
      wire.pullAll(),
    );
    assert.deepEqual(bolt.backend.transactions[2]?.request.bookmarks, ['bm:1']);
  });

  test('refuses a nested BEGIN and a COMMIT without transaction, but not a ROLLBACK', async () => {
    const nested = await loggedIn('1.0');
    const kinds = await nested.kinds(
      wire.runV1('BEGIN'),
      wire.pullAll(),
      wire.runV1('BEGIN'),
      wire.pullAll(),
    );
    assert.deepEqual(kinds, ['SUCCESS', 'SUCCESS', 'FAILURE', 'IGNORED']);
    assert.equal(nested.backend.transactions[0]?.status, 'rolled back');
    const commit = await loggedIn('1.0');
    assert.deepEqual(await commit.kinds(wire.runV1('COMMIT'), wire.pullAll()), ['FAILURE', 'IGNORED']);
    const rollback = await loggedIn('1.0');
    assert.deepEqual(await rollback.kinds(wire.runV1('ROLLBACK'), wire.pullAll()), ['SUCCESS', 'SUCCESS']);
  });

  test('rolls the transaction back on a failure; ACK_FAILURE then leaves no transaction', async () => {
    const bolt = await loggedIn('1.0');
    await bolt.send(
      wire.runV1('BEGIN'),
      wire.pullAll(),
      wire.runV1('RETRUN 1'),
      wire.pullAll(),
      wire.ackFailure(),
    );
    assert.equal(bolt.backend.transactions[0]?.status, 'rolled back');
    await bolt.send(wire.runV1('CREATE (:Item)'), wire.pullAll());
    assert.equal(bolt.backend.transactions[1]?.request.type, 'auto-commit');
    assert.equal(bolt.backend.nodeCount, 1);
  });

  test('sends BEGIN to the database as a query from Bolt 3 on', async () => {
    const bolt = await loggedIn('3.0');
    const [failure] = await bolt.send(wire.run('BEGIN'));
    assert.equal(failure?.metadata['code'], 'Neo.ClientError.Statement.SyntaxError');
  });
});
