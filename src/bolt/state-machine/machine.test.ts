import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Harness, wire, type WireRequest } from '../../../test/support/bolt-harness.js';
import { DEFAULT_TRANSACTION_EXTRA } from '../messages/transaction-extra.js';
import { TestBackend } from '../../../test/support/test-backend.js';

const UNWIND = 'UNWIND range(1, $n) AS i RETURN i';

/** Lets pending promise callbacks and `setImmediate`s run. */
function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

describe('BoltStateMachine: ordering and pipelining', () => {
  test('answers pipelined requests in order, one summary each', async () => {
    const bolt = new Harness('4.4');
    const responses = await bolt.send(
      ...bolt.loginRequests(),
      wire.run(UNWIND, { n: 2n }),
      wire.pull(-1n),
      wire.begin(),
      wire.run('RETURN 7 AS seven'),
      wire.pull(-1n),
      wire.commit(),
    );
    assert.deepEqual(
      responses.map((response) => response.kind),
      [
        'SUCCESS',
        'SUCCESS',
        'RECORD',
        'RECORD',
        'SUCCESS',
        'SUCCESS',
        'SUCCESS',
        'RECORD',
        'SUCCESS',
        'SUCCESS',
      ],
    );
    assert.deepEqual(responses[7]?.values, [7n]);
    assert.deepEqual(responses[9]?.metadata, { bookmark: 'bm:2' });
  });

  test('gives the same answers with an asynchronous backend', async () => {
    const requests = (bolt: Harness) => [
      ...bolt.loginRequests(),
      wire.run(UNWIND, { n: 3n }),
      wire.pull(2n),
      wire.pull(2n),
      wire.begin(),
      wire.run('RETURN 1 AS x'),
      wire.pull(-1n),
      wire.commit(),
    ];
    const sync = new Harness('5.8');
    const async = new Harness('5.8', { backend: { async: true } });
    const syncResponses = await sync.send(...requests(sync));
    const asyncResponses = await async.send(...requests(async));
    assert.deepEqual(
      asyncResponses.map((response) => response.metadata),
      syncResponses.map((response) => response.metadata),
    );
    assert.equal(async.state, 'READY');
  });

  test('flushes once per batch of queued requests', async () => {
    const bolt = new Harness('5.0');
    await bolt.send(...bolt.loginRequests(), wire.run('RETURN 1 AS x'), wire.pull(-1n));
    assert.equal(bolt.output.flushes, 1);
  });
});

describe('BoltStateMachine: receiveBatch', () => {
  /** Hands `requests` to the machine as one socket read would; returns the kinds answered so far for them. */
  function receiveAsOneRead(bolt: Harness, ...requests: WireRequest[]): () => string[] {
    const before = bolt.output.responses.length;
    bolt.machine.receiveBatch(() => {
      for (const { tag, fields } of requests) bolt.machine.receive(tag, fields);
    });
    return () => bolt.output.responses.slice(before).map((response) => response.kind);
  }

  test('processes the requests of one read before returning when the backend answers synchronously', async () => {
    const bolt = new Harness('5.4');
    await bolt.login();
    const kinds = receiveAsOneRead(bolt, wire.run('RETURN 1 AS x'), wire.pull(-1n));
    assert.equal(bolt.machine.isIdle, true);
    assert.deepEqual(kinds(), ['SUCCESS', 'RECORD', 'SUCCESS']);
  });

  test('a RESET in the batch still ignores the requests read before it', async () => {
    const bolt = new Harness('5.4');
    await bolt.login();
    const kinds = receiveAsOneRead(bolt, wire.run(UNWIND, { n: 3n }), wire.pull(1000n), wire.reset());
    assert.deepEqual(kinds(), ['IGNORED', 'IGNORED', 'SUCCESS']);
    assert.equal(bolt.state, 'READY');
  });

  test('with an asynchronous backend it is not idle on return, and answers the same', async () => {
    const bolt = new Harness('5.4', { backend: { async: true } });
    await bolt.login();
    const kinds = receiveAsOneRead(bolt, wire.run('RETURN 1 AS x'), wire.pull(-1n));
    assert.equal(bolt.machine.isIdle, false);
    await bolt.machine.whenIdle();
    assert.deepEqual(kinds(), ['SUCCESS', 'RECORD', 'SUCCESS']);
  });
});

describe('BoltStateMachine: FAILED and IGNORED', () => {
  test('ignores pipelined requests after a failure until RESET', async () => {
    const bolt = new Harness('5.4');
    await bolt.login();
    const failed = await bolt.send(wire.run('RETRUN 1'), wire.pull(1000n));
    assert.deepEqual(
      failed.map((response) => response.kind),
      ['FAILURE', 'IGNORED'],
    );
    assert.equal(failed[0]?.metadata['code'], 'Neo.ClientError.Statement.SyntaxError');
    assert.equal(failed[1]?.fieldCount, 0);
    assert.equal(bolt.state, 'FAILED');
    assert.equal(
      bolt.backend.transactions[0]?.status,
      'rolled back',
      'the auto-commit transaction of the failed RUN',
    );
    assert.deepEqual(await bolt.kinds(wire.reset()), ['SUCCESS']);
    assert.deepEqual(await bolt.kinds(wire.run('RETURN 1 AS x'), wire.pull(-1n)), [
      'SUCCESS',
      'RECORD',
      'SUCCESS',
    ]);
  });

  test('ignores the rest of a pipelined transaction whose BEGIN failed', async () => {
    const bolt = new Harness('4.4');
    await bolt.login();
    const responses = await bolt.send(
      wire.begin({ db: 'nope' }),
      wire.run('RETURN 1 AS x'),
      wire.pull(1000n),
    );
    assert.deepEqual(
      responses.map((response) => response.kind),
      ['FAILURE', 'IGNORED', 'IGNORED'],
    );
    assert.equal(responses[0]?.metadata['code'], 'Neo.ClientError.Database.DatabaseNotFound');
  });

  test('rolls back an explicit transaction when one of its queries fails', async () => {
    const bolt = new Harness('4.4');
    await bolt.login();
    await bolt.send(
      wire.begin(),
      wire.run('CREATE (:Item)'),
      wire.pull(-1n),
      wire.run('FAIL Neo.ClientError.Statement.TypeError'),
    );
    assert.equal(bolt.state, 'FAILED');
    assert.equal(bolt.backend.transactions[0]?.status, 'rolled back');
    await bolt.send(wire.reset(), wire.run('MATCH (n) RETURN count(n) AS count'), wire.pull(-1n));
    assert.deepEqual(bolt.output.responses.at(-2)?.values, [0n]);
  });

  test('acknowledges a failure with ACK_FAILURE on Bolt 1', async () => {
    const bolt = new Harness('1.0');
    await bolt.login();
    assert.deepEqual(
      await bolt.kinds(wire.runV1('FAIL Neo.ClientError.Statement.SyntaxError'), wire.pullAll()),
      ['FAILURE', 'IGNORED'],
    );
    assert.deepEqual(await bolt.kinds(wire.ackFailure(), wire.runV1('RETURN 1 AS x'), wire.pullAll()), [
      'SUCCESS',
      'SUCCESS',
      'RECORD',
      'SUCCESS',
    ]);
  });

  test('answers a request with invalid fields with FAILURE and keeps the connection', async () => {
    const bolt = new Harness('4.4');
    await bolt.login();
    const responses = await bolt.send(wire.run(UNWIND, { n: 3n }), wire.pull(0n));
    assert.deepEqual(
      responses.map((response) => response.kind),
      ['SUCCESS', 'FAILURE'],
    );
    assert.deepEqual(responses[1]?.metadata, {
      code: 'Neo.ClientError.Request.Invalid',
      message: 'Expected "n" in PULL extra to be -1 or at least 1, got 0',
    });
    assert.equal(bolt.state, 'FAILED');
    assert.equal(bolt.output.closed, false);
    assert.equal(bolt.backend.transactions[0]?.status, 'rolled back');
  });

  test('ignores a request with invalid fields while FAILED, as it would a valid one', async () => {
    const bolt = new Harness('4.4');
    await bolt.login();
    assert.deepEqual(
      await bolt.kinds(wire.run('FAIL Neo.ClientError.Statement.SyntaxError'), wire.pull(0n)),
      ['FAILURE', 'IGNORED'],
    );
  });

  test('answers a request with an unknown qid with FAILURE', async () => {
    const bolt = new Harness('4.4');
    await bolt.login();
    const responses = await bolt.send(wire.begin(), wire.run(UNWIND, { n: 1n }), wire.pull(-1n, 5n));
    assert.equal(responses[2]?.kind, 'FAILURE');
    assert.equal(responses[2].metadata['message'], 'There is no open result with qid 5');
    assert.equal(bolt.state, 'FAILED');
  });
});

describe('BoltStateMachine: protocol violations', () => {
  test('names message and state in the FAILURE, then closes the connection', async () => {
    const bolt = new Harness('4.4');
    await bolt.login();
    const responses = await bolt.send(wire.run(UNWIND, { n: 1n }), wire.run('RETURN 1 AS x'), wire.pull(-1n));
    assert.deepEqual(responses[1]?.metadata, {
      code: 'Neo.ClientError.Request.Invalid',
      message: 'Message of type RUN cannot be handled by a session in the STREAMING state.',
    });
    assert.equal(responses.length, 2);
    assert.equal(bolt.state, 'DEFUNCT');
    assert.equal(bolt.output.closed, true);
    assert.equal(bolt.backend.transactions[0]?.status, 'rolled back');
  });

  test('closes the connection after a failed authentication', async () => {
    for (const version of ['1.0', '3.0', '4.4', '5.0']) {
      const bolt = new Harness(version);
      const responses = await bolt.send(
        ...bolt.loginRequests({}, { scheme: 'basic', principal: 'neo4j', credentials: 'nope' }),
      );
      assert.equal(responses.at(-1)?.kind, 'FAILURE', version);
      const code = responses.at(-1)?.metadata['code'];
      assert.equal(code, 'Neo.ClientError.Security.Unauthorized', version);
      assert.equal(bolt.state, 'DEFUNCT', version);
      assert.equal(bolt.output.closed, true, version);
    }
  });

  test('closes the connection after a failed LOGON, answering HELLO first', async () => {
    const bolt = new Harness('5.8');
    const responses = await bolt.send(
      wire.hello(),
      wire.logon({ scheme: 'basic', principal: 'x', credentials: 'y' }),
    );
    assert.deepEqual(
      responses.map((response) => response.kind),
      ['SUCCESS', 'FAILURE'],
    );
    assert.equal(responses[1]?.metadata['neo4j_code'], 'Neo.ClientError.Security.Unauthorized');
    assert.equal(bolt.state, 'DEFUNCT');
  });

  test('processes nothing after closing', async () => {
    const bolt = new Harness('4.4');
    await bolt.send(wire.run('RETURN 1 AS x'), wire.hello(), wire.reset());
    assert.deepEqual(bolt.output.kinds(), ['FAILURE']);
    assert.deepEqual(await bolt.kinds(wire.hello()), []);
  });

  test('fails undecodable input in turn and closes', async () => {
    const bolt = new Harness('4.4');
    await bolt.login();
    bolt.machine.receive(0x10, ['RETURN 1 AS x', {}, {}]);
    bolt.machine.receiveUndecodable(new Error('broken chunk'));
    await bolt.machine.whenIdle();
    assert.deepEqual(bolt.output.kinds().slice(-2), ['SUCCESS', 'FAILURE']);
    assert.equal(bolt.output.responses.at(-1)?.metadata['code'], 'Neo.DatabaseError.General.UnknownError');
    assert.equal(bolt.state, 'DEFUNCT');
    assert.equal(bolt.unexpectedErrors.length, 1);
  });
});

describe('BoltStateMachine: RESET and INTERRUPTED', () => {
  test('ignores requests queued before a RESET and answers the RESET with SUCCESS', async () => {
    const bolt = new Harness('5.4');
    await bolt.login();
    assert.deepEqual(await bolt.kinds(wire.run(UNWIND, { n: 3n }), wire.pull(1000n), wire.reset()), [
      'IGNORED',
      'IGNORED',
      'SUCCESS',
    ]);
    assert.equal(bolt.state, 'READY');
    assert.equal(bolt.backend.transactions.length, 0);
  });

  test('terminates the running query when a RESET arrives', async () => {
    const bolt = new Harness('4.4');
    await bolt.login();
    bolt.machine.receive(wire.run('WAIT').tag, wire.run('WAIT').fields);
    bolt.machine.receive(wire.pull(-1n).tag, wire.pull(-1n).fields);
    bolt.machine.receive(wire.run('RETURN 1 AS x').tag, wire.run('RETURN 1 AS x').fields);
    await tick();
    assert.equal(bolt.state, 'STREAMING');
    bolt.machine.receive(wire.reset().tag, wire.reset().fields);
    assert.equal(bolt.state, 'INTERRUPTED');
    await bolt.machine.whenIdle();
    assert.deepEqual(bolt.output.kinds().slice(-4), ['SUCCESS', 'FAILURE', 'IGNORED', 'SUCCESS']);
    assert.equal(bolt.output.responses.at(-3)?.metadata['code'], 'Neo.ClientError.Transaction.Terminated');
    assert.equal(bolt.state, 'READY');
    assert.equal(bolt.backend.transactions[0]?.terminated, true);
    assert.equal(bolt.backend.transactions[0].status, 'rolled back');
  });

  test('answers each of several pipelined RESETs with SUCCESS', async () => {
    const bolt = new Harness('4.4');
    await bolt.login();
    const kinds = await bolt.kinds(wire.run('RETURN 1 AS x'), wire.reset(), wire.pull(-1n), wire.reset());
    assert.deepEqual(kinds, ['IGNORED', 'SUCCESS', 'IGNORED', 'SUCCESS']);
    assert.equal(bolt.state, 'READY');
  });

  test('rolls back an open transaction and keeps the login and settings', async () => {
    const bolt = new Harness('5.2');
    await bolt.login({ notifications_minimum_severity: 'OFF' });
    await bolt.send(wire.begin(), wire.run('CREATE (:Item)'), wire.pull(-1n));
    assert.deepEqual(await bolt.kinds(wire.reset()), ['SUCCESS']);
    assert.equal(bolt.backend.transactions[0]?.status, 'rolled back');
    await bolt.send(wire.run('RETURN 1 AS x'), wire.pull(-1n));
    assert.equal(bolt.state, 'READY');
    assert.equal(bolt.backend.transactions[1]?.request.notifications.minimumSeverity, 'OFF');
    assert.equal(bolt.backend.nodeCount, 0);
  });

  test('fails a RESET that arrives before authentication and closes', async () => {
    const bolt = new Harness('5.1');
    assert.deepEqual(await bolt.kinds(wire.hello(), wire.reset()), ['SUCCESS', 'FAILURE']);
    assert.equal(bolt.state, 'DEFUNCT');
  });

  test('answers a RESET that arrives while an earlier RESET is rolling back', async () => {
    const bolt = new Harness('4.4', { backend: { async: true } });
    for (const request of [...bolt.loginRequests(), wire.begin(), wire.reset()]) {
      bolt.machine.receive(request.tag, request.fields);
    }
    while (bolt.backend.transactions[0]?.status !== 'rolled back' && bolt.output.responses.length < 2)
      await tick();
    bolt.machine.receive(wire.reset().tag, wire.reset().fields);
    await bolt.machine.whenIdle();
    assert.deepEqual(bolt.output.kinds(), ['SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS']);
    const interrupt = bolt.transitions.find((transition) => transition.trigger === '<INTERRUPT>');
    assert.equal(interrupt?.from, 'TX_READY', 'the second RESET arrived while the first was being processed');
    assert.deepEqual(bolt.unexpectedErrors, []);
    assert.equal(bolt.state, 'READY');
  });

  test('treats a RESET pipelined right after HELLO as a plain RESET', async () => {
    const bolt = new Harness('4.4');
    assert.deepEqual(await bolt.kinds(...bolt.loginRequests(), wire.reset()), ['SUCCESS', 'SUCCESS']);
    assert.equal(bolt.state, 'READY');
  });
});

describe('BoltStateMachine: GOODBYE and disconnects', () => {
  test('rolls back and closes on GOODBYE without answering', async () => {
    const bolt = new Harness('5.4');
    await bolt.login();
    assert.deepEqual(await bolt.kinds(wire.begin(), wire.run('CREATE (:Item)'), wire.goodbye()), [
      'SUCCESS',
      'SUCCESS',
    ]);
    assert.equal(bolt.state, 'DEFUNCT');
    assert.equal(bolt.output.closed, true);
    assert.equal(bolt.backend.transactions[0]?.status, 'rolled back');
  });

  test('accepts GOODBYE right after the handshake (JS supportsMultiDb)', async () => {
    const bolt = new Harness('5.8');
    assert.deepEqual(await bolt.kinds(wire.goodbye()), []);
    assert.equal(bolt.output.closed, true);
  });

  test('terminates, rolls back and stops when the peer disconnects', async () => {
    const bolt = new Harness('4.4');
    await bolt.login();
    bolt.machine.receive(wire.run('WAIT').tag, wire.run('WAIT').fields);
    bolt.machine.receive(wire.pull(-1n).tag, wire.pull(-1n).fields);
    bolt.machine.receive(wire.run('RETURN 1 AS x').tag, wire.run('RETURN 1 AS x').fields);
    await tick();
    bolt.machine.disconnected();
    await bolt.machine.whenIdle();
    assert.equal(bolt.state, 'DEFUNCT');
    assert.equal(bolt.backend.transactions[0]?.terminated, true);
    assert.equal(bolt.backend.transactions[0].status, 'rolled back');
    assert.equal(bolt.backend.transactions.length, 1);
    assert.equal(bolt.output.closed, false, 'the socket is already gone');
  });
});

describe('BoltStateMachine: output', () => {
  test('pulls in batches and flushes between them', async () => {
    const bolt = new Harness('4.4', { pullBatchSize: 2 });
    await bolt.login();
    const flushesBefore = bolt.output.flushes;
    const kinds = await bolt.kinds(wire.run(UNWIND, { n: 5n }), wire.pull(-1n));
    assert.deepEqual(kinds, ['SUCCESS', 'RECORD', 'RECORD', 'RECORD', 'RECORD', 'RECORD', 'SUCCESS']);
    assert.equal(
      bolt.output.flushes - flushesBefore,
      3,
      'two flushes between the three batches, one at the end',
    );
  });

  test('waits for a slow socket before producing more records', async () => {
    const bolt = new Harness('4.4', { pullBatchSize: 1 });
    await bolt.login();
    let release: () => void = () => undefined;
    bolt.output.flushResult = new Promise((resolve) => {
      release = resolve;
    });
    bolt.machine.receive(wire.run(UNWIND, { n: 3n }).tag, wire.run(UNWIND, { n: 3n }).fields);
    bolt.machine.receive(wire.pull(-1n).tag, wire.pull(-1n).fields);
    await tick();
    assert.deepEqual(bolt.output.kinds().slice(-2), ['SUCCESS', 'RECORD']);
    bolt.output.flushResult = undefined;
    release();
    await bolt.machine.whenIdle();
    assert.deepEqual(bolt.output.kinds().slice(-4), ['RECORD', 'RECORD', 'RECORD', 'SUCCESS']);
  });

  test('drops a record that cannot be encoded and fails the request', async () => {
    const bolt = new Harness('4.4');
    await bolt.login();
    bolt.machine.receiveMessage({
      kind: 'RUN',
      query: 'RETURN $p AS p',
      parameters: { p: Symbol('not a value') as never },
      extra: DEFAULT_TRANSACTION_EXTRA,
    });
    bolt.machine.receiveMessage({ kind: 'PULL', n: -1, qid: -1 });
    await bolt.machine.whenIdle();
    assert.deepEqual(bolt.output.kinds().slice(-2), ['SUCCESS', 'FAILURE']);
    assert.equal(bolt.state, 'FAILED');
  });

  test('reports errors that are not database errors as UnknownError and hands them to the log', async () => {
    class BrokenBackend extends TestBackend {
      override beginTransaction(): never {
        throw new TypeError('boom');
      }
    }
    const bolt = new Harness('5.7', { createBackend: () => new BrokenBackend() });
    await bolt.login();
    const [failure] = await bolt.send(wire.run('RETURN 1 AS x'));
    assert.deepEqual(failure?.metadata, {
      neo4j_code: 'Neo.DatabaseError.General.UnknownError',
      message: 'An unexpected error occurred, see the server log for details',
      gql_status: '50N42',
      description: 'error: general processing exception - unexpected error',
      diagnostic_record: {
        OPERATION: '',
        OPERATION_CODE: '0',
        CURRENT_SCHEMA: '/',
        _classification: 'DATABASE_ERROR',
      },
    });
    assert.ok(bolt.unexpectedErrors[0] instanceof TypeError);
  });
});

describe('BoltStateMachine: a stream request that crossed a RESET on the wire', () => {
  test('answers the first PULL or DISCARD after a RESET that ended a stream as an ended stream', async () => {
    for (const late of [wire.discard(-1n), wire.pull(100n)]) {
      const bolt = new Harness('5.8');
      await bolt.send(...bolt.loginRequests(), wire.run(UNWIND, { n: 1000n }), wire.pull(100n));
      assert.equal(bolt.state, 'STREAMING');
      const responses = await bolt.send(wire.reset(), late, wire.run('RETURN 1 AS x'), wire.pull(-1n));
      assert.deepEqual(
        responses.map((response) => response.kind),
        ['SUCCESS', 'SUCCESS', 'SUCCESS', 'RECORD', 'SUCCESS'],
      );
      assert.deepEqual(responses[1]?.metadata, {});
      assert.equal(bolt.state, 'READY');
    }
  });

  test('still treats a second stray DISCARD, or one after a RESET on an idle connection, as a violation', async () => {
    const streaming = new Harness('5.8');
    await streaming.send(...streaming.loginRequests(), wire.run(UNWIND, { n: 1000n }), wire.pull(100n));
    const afterStream = await streaming.send(wire.reset(), wire.discard(-1n), wire.discard(-1n));
    assert.deepEqual(
      afterStream.map((response) => response.kind),
      ['SUCCESS', 'SUCCESS', 'FAILURE'],
    );
    assert.equal(streaming.state, 'DEFUNCT');

    const idle = new Harness('5.8');
    await idle.send(...idle.loginRequests());
    const afterIdle = await idle.send(wire.reset(), wire.discard(-1n));
    assert.deepEqual(
      afterIdle.map((response) => response.kind),
      ['SUCCESS', 'FAILURE'],
    );
  });
});
