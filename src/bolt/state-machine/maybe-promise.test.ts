import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Harness, wire } from '../../../test/support/bolt-harness.js';
import { andThen, isPromise } from './maybe-promise.js';

describe('andThen', () => {
  test('calls the continuation at once with a value and returns its result as it is', () => {
    const seen: number[] = [];
    const result = andThen(2, (value) => {
      seen.push(value);
      return value * 10;
    });
    assert.deepEqual(seen, [2]);
    assert.equal(result, 20);
    assert.equal(isPromise(result), false);
  });

  test('throws a synchronous failure of the continuation synchronously', () => {
    assert.throws(
      () =>
        andThen(1, () => {
          throw new RangeError('boom');
        }),
      RangeError,
    );
  });

  test('waits for a promise, and turns a throwing continuation into a rejection', async () => {
    const later = andThen(Promise.resolve(3), (value) => value + 1);
    assert.equal(isPromise(later), true);
    assert.equal(await later, 4);
    const failing = andThen(Promise.resolve(3), () => {
      throw new RangeError('late');
    });
    await assert.rejects(failing, RangeError);
  });

  test('passes a rejection on without calling the continuation', async () => {
    let called = false;
    const result = andThen(Promise.reject(new TypeError('no')), () => {
      called = true;
      return 1;
    });
    if (!isPromise(result)) assert.fail('a rejected promise must give a promise');
    await assert.rejects(result, TypeError);
    assert.equal(called, false);
  });
});

describe('BoltStateMachine synchronous fast path', () => {
  const requests = () => [
    wire.run('UNWIND range(1, $n) AS i RETURN i', { n: 3n }),
    wire.pull(-1n),
    wire.begin(),
    wire.run('RETURN 1 AS x'),
    wire.pull(-1n),
    wire.commit(),
  ];

  test('answers a whole pipelined batch in the microtask that starts processing it (synchronous backend)', async () => {
    const bolt = new Harness('5.8');
    await bolt.login();
    const before = bolt.output.responses.length;
    for (const { tag, fields } of requests()) bolt.machine.receive(tag, fields);
    assert.equal(bolt.output.responses.length, before, 'processing starts in a microtask, not in receive');
    // This continuation is queued after the machine's: when it runs, a synchronous backend is answered.
    await Promise.resolve();
    const kinds = bolt.output.responses.slice(before).map((response) => response.kind);
    assert.deepEqual(kinds, [
      'SUCCESS',
      'RECORD',
      'RECORD',
      'RECORD',
      'SUCCESS',
      'SUCCESS',
      'SUCCESS',
      'RECORD',
      'SUCCESS',
      'SUCCESS',
    ]);
    assert.equal(bolt.state, 'READY');
  });

  test('an asynchronous backend still gets every answer, in the same order, once it has answered', async () => {
    const bolt = new Harness('5.8', { backend: { async: true } });
    await bolt.login();
    const before = bolt.output.responses.length;
    for (const { tag, fields } of requests()) bolt.machine.receive(tag, fields);
    await Promise.resolve();
    assert.ok(bolt.output.responses.length - before < 10, 'the asynchronous answers are not all in yet');
    await bolt.machine.whenIdle();
    assert.equal(bolt.output.responses.length - before, 10);
    assert.equal(bolt.state, 'READY');
  });
});
