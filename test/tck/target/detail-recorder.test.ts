import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BackendTransaction, BoltBackend, QueryResult } from '../../../src/bolt/index.js';
import { CypherSyntaxError, DatabaseError, Status } from '../../../src/errors/index.js';
import { DetailRecorder, recordDetails } from './detail-recorder.js';

const syntax = (message: string): CypherSyntaxError =>
  new CypherSyntaxError(message, { detail: 'UndefinedVariable' });

/** A backend whose queries fail as named: at `run`, at `pull` (asynchronously), or at `commit`. */
function failingBackend(): BoltBackend {
  const result: QueryResult = {
    fields: ['x'],
    pull: () =>
      Promise.reject(new DatabaseError(Status.ArithmeticError, '/ by zero', { detail: 'DivisionByZero' })),
    discard: () => false,
    summary: () => ({ queryType: 'r', recordCount: 0 }),
  };
  const transaction: BackendTransaction = {
    database: 'neo4j',
    run: (query) => {
      if (query === 'bad') throw syntax('Variable `a` not defined');
      return result;
    },
    commit: () => {
      throw new DatabaseError(Status.ConstraintValidationFailed, 'exists', { detail: 'Constraint' });
    },
    rollback: () => undefined,
    terminate: () => undefined,
  };
  return {
    serverInfo: { agent: 'Neo4j/5.26.0', product: 'test', version: '0' },
    authenticate: () => ({ username: 'neo4j' }),
    beginTransaction: () => Promise.resolve(transaction),
    routingTable: () => ({ ttlSeconds: 1, database: 'neo4j', servers: [] }),
  };
}

async function begin(backend: BoltBackend): Promise<BackendTransaction> {
  const user = { username: 'neo4j' };
  const notifications = { minimumSeverity: null, disabledClassifications: [] };
  return backend.beginTransaction({
    user,
    type: 'auto-commit',
    database: null,
    mode: 'w',
    bookmarks: [],
    timeoutMs: null,
    metadata: null,
    impersonatedUser: null,
    notifications,
  });
}

test('details of errors thrown by run, rejected by pull and thrown by commit are recorded by message', async () => {
  const recorder = new DetailRecorder();
  const transaction = await begin(recordDetails(failingBackend(), recorder));
  assert.throws(() => transaction.run('bad', {}), CypherSyntaxError);
  const result = await transaction.run('good', {});
  await assert.rejects(Promise.resolve(result.pull(1, () => undefined)), /by zero/);
  assert.throws(() => transaction.commit(), /exists/);
  assert.equal(recorder.detailFor('Variable `a` not defined'), 'UndefinedVariable');
  assert.equal(recorder.detailFor('/ by zero'), 'DivisionByZero');
  assert.equal(recorder.detailFor('exists'), 'Constraint');
  assert.equal(recorder.detailFor('another message'), undefined);
  recorder.clear();
  assert.equal(recorder.detailFor('/ by zero'), undefined);
});

test('successful calls pass through unchanged, synchronous ones without a promise', async () => {
  const recorder = new DetailRecorder();
  const transaction = await begin(recordDetails(failingBackend(), recorder));
  const result = transaction.run('good', {});
  assert.ok(!(result instanceof Promise));
  assert.deepEqual(result.fields, ['x']);
  assert.equal(result.discard(1), false);
  assert.deepEqual(result.summary(), { queryType: 'r', recordCount: 0 });
});

test('errors without a detail are not recorded', () => {
  const recorder = new DetailRecorder();
  recorder.record(new Error('plain'));
  recorder.record('a string');
  recorder.record(new DatabaseError(Status.ArithmeticError, 'no detail'));
  assert.equal(recorder.detailFor('plain'), undefined);
  assert.equal(recorder.detailFor('no detail'), undefined);
});
