/**
 * Properties of the machine under random request sequences (any order, valid or not, sent in random
 * socket-read batches): one summary per request, RECORDs only before a SUCCESS, no internal errors, and
 * after a final RESET nothing is left open.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { Harness, wire, type WireRequest } from '../../../test/support/bolt-harness.js';
import { formatProtocolVersion } from '../protocol-version.js';
import { BOLT_VERSIONS } from '../versions/index.js';

function pool(bolt: Harness): WireRequest[] {
  const requests = [
    bolt.run('RETURN 1 AS x'),
    bolt.run('UNWIND range(1, $n) AS i CREATE (:Item) RETURN i', { n: 3n }),
    bolt.run('FAIL Neo.ClientError.Statement.TypeError'),
    bolt.run('FAIL ON PULL Neo.TransientError.Transaction.DeadlockDetected'),
    bolt.pullAll(),
    bolt.discardAll(),
    wire.reset(),
    wire.begin(),
    wire.commit(),
    wire.rollback(),
    wire.ackFailure(),
  ];
  if (bolt.isAtLeast(4, 0))
    requests.push(wire.pull(1n), wire.pull(0n), wire.discard(2n, 0n), wire.pull(-1n, 1n));
  if (bolt.isAtLeast(4, 3)) requests.push(wire.route({}, [], bolt.isAtLeast(4, 4) ? {} : null));
  if (bolt.isAtLeast(5, 1)) requests.push(wire.logoff(), wire.logon());
  if (bolt.isAtLeast(5, 4)) requests.push(wire.telemetry(1n), wire.telemetry(9n));
  return requests;
}

describe('BoltStateMachine under random request sequences', () => {
  test('answers every request once and leaves nothing open after RESET', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...BOLT_VERSIONS.map((descriptor) => descriptor.version)),
        fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
        fc.array(fc.nat({ max: 3 }), { minLength: 12, maxLength: 12 }),
        fc.boolean(),
        async (version, picks, splits, isAsync) => {
          const bolt = new Harness(version, { backend: { async: isAsync } });
          await bolt.login();
          bolt.output.clear();
          const candidates = pool(bolt);
          const requests = picks.map((pick) => candidates[pick % candidates.length] ?? wire.reset());
          let index = 0;
          let batch = 0;
          while (index < requests.length) {
            const size = 1 + (splits[batch++] ?? 0);
            await bolt.send(...requests.slice(index, index + size));
            index += size;
          }
          const where = `${formatProtocolVersion(version)}: ${requests.map((r) => r.tag.toString(16)).join(' ')}`;
          assert.deepEqual(bolt.unexpectedErrors, [], where);
          const kinds = bolt.output.kinds();
          const summaries = kinds.filter((kind) => kind !== 'RECORD');
          kinds.forEach((kind, position) => {
            if (kind === 'RECORD')
              assert.ok(['RECORD', 'SUCCESS'].includes(kinds[position + 1] ?? ''), where);
          });
          if (bolt.state === 'DEFUNCT') {
            assert.ok(summaries.length <= requests.length, where);
            assert.equal(summaries.at(-1), 'FAILURE', where);
            assert.equal(bolt.output.closed, true, where);
            return;
          }
          assert.equal(summaries.length, requests.length, where);
          if (bolt.state === 'AUTHENTICATION') await bolt.send(wire.logon());
          assert.deepEqual(await bolt.kinds(wire.reset()), ['SUCCESS'], where);
          assert.equal(bolt.state, 'READY', where);
          for (const transaction of bolt.backend.transactions)
            assert.notEqual(transaction.status, 'open', where);
        },
      ),
      { numRuns: 300, interruptAfterTimeLimit: 5000 },
    );
  });
});
