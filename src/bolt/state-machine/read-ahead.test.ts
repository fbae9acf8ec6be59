/**
 * Read-ahead (ADR 0016) at the machine: the records of an auto-commit result that the client will likely
 * ask for next are encoded while it reads the last batch. It must never show: every conversation gets the
 * same responses, states and transaction outcomes with and without it. The property test checks that over
 * random PULL/DISCARD/RESET sequences, failing results and write queries, with synchronous and asynchronous
 * backends; the examples pin what the property cannot see (that records really were read ahead, RESET
 * during an asynchronous fill, explicit transactions left alone).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { Harness, wire, type WireRequest } from '../../../test/support/bolt-harness.js';
import type { RecordedResponse } from '../../../test/support/recording-output.js';

const RANGE = 'UNWIND range(1, $n) AS i RETURN i';
const FAILING = 'UNWIND range(1, $n) AS i RETURN 100 / (i - $k) AS x';
const WRITING = 'UNWIND range(1, $n) AS i CREATE (:Item) RETURN i';

type Step = { readonly kind: 'PULL' | 'DISCARD'; readonly n: number } | { readonly kind: 'RESET' };

interface Conversation {
  readonly version: string;
  readonly async: boolean;
  readonly query: string;
  readonly n: number;
  readonly k: number;
  readonly steps: readonly Step[];
}

function comparable(responses: readonly RecordedResponse[]): unknown[] {
  return responses.map(({ kind, metadata, values }) => ({ kind, metadata, values }));
}

async function play(conversation: Conversation, readAhead: boolean) {
  const h = new Harness(conversation.version, { readAhead, backend: { async: conversation.async } });
  await h.login();
  const parameters = { n: BigInt(conversation.n), k: BigInt(conversation.k) };
  const responses = [...(await h.send(h.run(conversation.query, parameters)))];
  for (const step of conversation.steps) {
    const request: WireRequest =
      step.kind === 'RESET'
        ? wire.reset()
        : step.kind === 'PULL'
          ? wire.pull(BigInt(step.n))
          : wire.discard(BigInt(step.n));
    responses.push(...(await h.send(request)));
  }
  return {
    responses: comparable(responses),
    state: h.state,
    transitions: h.transitions,
    transactions: h.backend.transactions.map(({ status, terminated }) => ({ status, terminated })),
    nodes: h.backend.nodeCount,
    unexpected: h.unexpectedErrors,
  };
}

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('PULL' as const),
      n: fc.oneof(fc.constant(-1), fc.integer({ min: 1, max: 1200 })),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('DISCARD' as const),
      n: fc.oneof(fc.constant(-1), fc.integer({ min: 1, max: 1200 })),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'RESET' as const }) },
);

const conversationArbitrary: fc.Arbitrary<Conversation> = fc
  .record({
    version: fc.constantFrom('4.0', '4.4', '5.0', '5.4', '5.8', '6.0'),
    async: fc.boolean(),
    query: fc.constantFrom(RANGE, FAILING, WRITING),
    n: fc.integer({ min: 0, max: 3000 }),
    k: fc.integer({ min: 1, max: 3000 }),
    steps: fc.array(stepArbitrary, { minLength: 1, maxLength: 8 }),
  })
  .map((conversation) => ({ ...conversation, k: Math.min(conversation.k, conversation.n + 1) }));

describe('read-ahead', () => {
  test('never shows: the same responses, states and outcomes with and without it', async () => {
    await fc.assert(
      fc.asyncProperty(conversationArbitrary, async (conversation) => {
        const plain = await play(conversation, false);
        const ahead = await play(conversation, true);
        assert.deepEqual(ahead, plain);
      }),
      { numRuns: 150 },
    );
  });

  test('the next PULL is answered from records encoded before it arrived', async () => {
    const h = new Harness('5.8', { readAhead: true });
    await h.login();
    await h.send(h.run(RANGE, { n: 100n }), wire.pull(10n));
    assert.equal(h.machine.isReadAheadDue, false, 'the fill ran after the reply');
    // The backend can no longer produce anything: only records read ahead can answer now.
    const log = h.backend.transactions.at(-1);
    assert.ok(log !== undefined);
    log.terminated = true;
    const answered = await h.send(wire.pull(10n));
    assert.deepEqual(
      answered.map((response) => response.values[0] ?? response.metadata['has_more']),
      [11n, 12n, 13n, 14n, 15n, 16n, 17n, 18n, 19n, 20n, true],
    );
    // Beyond them the backend is asked, and fails.
    assert.deepEqual(await h.kinds(wire.pull(10n)), ['FAILURE']);
  });

  test('without read-ahead the same PULL reaches the backend', async () => {
    const h = new Harness('5.8');
    await h.login();
    await h.send(h.run(RANGE, { n: 100n }), wire.pull(10n));
    const log = h.backend.transactions.at(-1);
    assert.ok(log !== undefined);
    log.terminated = true;
    assert.deepEqual(await h.kinds(wire.pull(10n)), ['FAILURE']);
  });

  test('an error met while reading ahead comes after the records before it, on the PULL that reaches it', async () => {
    const h = new Harness('5.8', { readAhead: true });
    await h.login();
    await h.send(h.run(FAILING, { n: 100n, k: 15n }), wire.pull(10n));
    assert.equal(h.state, 'STREAMING', 'the error is kept, not reported');
    const answered = await h.send(wire.pull(10n));
    assert.deepEqual(
      answered.map((response) => response.kind),
      ['RECORD', 'RECORD', 'RECORD', 'RECORD', 'FAILURE'],
    );
    assert.equal(answered.at(-1)?.metadata['neo4j_code'], 'Neo.ClientError.Statement.ArithmeticError');
    assert.equal(h.state, 'FAILED');
    assert.equal(h.backend.transactions.at(-1)?.status, 'rolled back');
  });

  test('the end of the result is remembered: the commit waits for the PULL that reaches it', async () => {
    const h = new Harness('5.8', { readAhead: true });
    await h.login();
    await h.send(h.run(WRITING, { n: 15n }), wire.pull(10n));
    assert.equal(h.backend.transactions.at(-1)?.status, 'open');
    assert.equal(h.backend.nodeCount, 0);
    const answered = await h.send(wire.pull(10n));
    assert.equal(answered.length, 6);
    assert.ok(typeof answered.at(-1)?.metadata['bookmark'] === 'string');
    assert.equal(h.backend.nodeCount, 15);
  });

  test('a RESET that arrives during an asynchronous fill rolls back; a queued PULL waits for the fill', async () => {
    const h = new Harness('5.8', { readAhead: true, backend: { async: true } });
    await h.login();
    await h.send(h.run(RANGE, { n: 5000n }), wire.pull(1000n));
    // `send` already filled once; take those records and start the next fill by hand.
    h.machine.receive(wire.pull(1000n).tag, wire.pull(1000n).fields);
    await h.machine.whenIdle();
    const before = h.output.responses.length;
    h.machine.readAhead();
    assert.equal(h.machine.isIdle, false, 'the fill is under way');
    h.machine.receive(wire.pull(3n).tag, wire.pull(3n).fields);
    h.machine.receive(wire.reset().tag, wire.reset().fields);
    await h.machine.whenIdle();
    const kinds = h.output.responses.slice(before).map((response) => response.kind);
    assert.deepEqual(kinds, ['IGNORED', 'SUCCESS']);
    assert.equal(h.state, 'READY');
    assert.equal(h.backend.transactions.at(-1)?.status, 'rolled back');
  });

  test('a PULL queued during an asynchronous fill gets the records in order', async () => {
    const h = new Harness('5.8', { readAhead: true, backend: { async: true } });
    await h.login();
    await h.send(h.run(RANGE, { n: 30n }), wire.pull(10n));
    h.machine.receive(wire.pull(10n).tag, wire.pull(10n).fields);
    await h.machine.whenIdle();
    const before = h.output.responses.length;
    h.machine.readAhead();
    h.machine.receive(wire.pull(-1n).tag, wire.pull(-1n).fields);
    await h.machine.whenIdle();
    const values = h.output.responses.slice(before).flatMap((response) => response.values);
    assert.deepEqual(
      values,
      Array.from({ length: 10 }, (_, index) => BigInt(21 + index)),
    );
    assert.equal(h.state, 'READY');
  });

  test('results of explicit transactions are not read ahead', async () => {
    const h = new Harness('5.8', { readAhead: true });
    await h.login();
    await h.send(wire.begin(), wire.run(RANGE, { n: 100n }), wire.pull(10n));
    assert.equal(h.machine.isReadAheadDue, false);
    const log = h.backend.transactions.at(-1);
    assert.ok(log !== undefined);
    log.terminated = true;
    assert.deepEqual(await h.kinds(wire.pull(10n)), ['FAILURE']);
  });
});
