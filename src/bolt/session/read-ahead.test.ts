import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Packer } from '../../packstream/index.js';
import type { CypherValue } from '../../values/index.js';
import type { BackendTransaction, QueryResult, RecordSink } from '../backend.js';
import { ChunkDecoder, MessageWriter } from '../transport/index.js';
import { READ_AHEAD_MAX_BYTES, ReadAhead } from './read-ahead.js';
import { QueryStatement } from './statement.js';

/** A result of `count` records `[i, payload]`, counting the backend pulls it answers. */
function result(count: number, payload: string): QueryResult & { pulls: number[] } {
  let next = 1;
  const pulls: number[] = [];
  return {
    fields: ['i', 'payload'],
    pulls,
    pull(n: number, sink: RecordSink): boolean {
      pulls.push(n);
      for (let taken = 0; taken < n && next <= count; taken++) sink([BigInt(next++), payload]);
      return next <= count;
    },
    discard: () => false,
    summary: () => ({ queryType: 'r', recordCount: 0 }),
  };
}

function statement(queryResult: QueryResult, commitsOnEnd = true): QueryStatement {
  const transaction = {} as BackendTransaction;
  return new QueryStatement(0, queryResult, transaction, commitsOnEnd, {
    minimumSeverity: null,
    disabledClassifications: [],
  });
}

/** The first value of each record in framed RECORD bytes. */
function firstValues(bytes: Uint8Array): CypherValue[] {
  const values: CypherValue[] = [];
  new ChunkDecoder().push(bytes, (body, start) => {
    // B1 71 92 <int> …: the ints here are small enough for one byte.
    values.push(BigInt(body[start + 3] ?? 0));
  });
  return values;
}

describe('ReadAhead', () => {
  test('reads the last PULL size ahead in steps, and answers the next PULL from it', () => {
    const queryResult = result(2000, 'x');
    const readAhead = new ReadAhead(new MessageWriter(new Packer()), 1000);
    const open = statement(queryResult);
    readAhead.expect(open, 600);
    assert.equal(readAhead.isDue, true);
    assert.equal(
      readAhead.fill(open, () => 0),
      undefined,
    );
    assert.deepEqual(queryResult.pulls, [1, 250, 250, 99], 'one to learn the size, then up to 250');
    assert.equal(readAhead.buffered, 600);
    let appended = 0;
    const outcome = readAhead.take(open, 100, (bytes) => {
      appended += firstValues(bytes).length;
    });
    assert.deepEqual(outcome, { kind: 'answered', hasMore: true });
    assert.equal(appended, 100);
    assert.equal(readAhead.buffered, 500);
    // Asking for more than is buffered hands out the rest and leaves the remainder to the backend.
    assert.deepEqual(
      readAhead.take(open, 700, () => undefined),
      { kind: 'continue', remaining: 200 },
    );
    assert.equal(readAhead.buffered, 0);
  });

  test('stops at the byte limit with large records', () => {
    const queryResult = result(1000, 'y'.repeat(10_000));
    const readAhead = new ReadAhead(new MessageWriter(new Packer()), 1000);
    const open = statement(queryResult);
    readAhead.expect(open, 1000);
    assert.equal(
      readAhead.fill(open, () => 0),
      undefined,
    );
    // Steps sized by the records seen so far: the buffer ends within one record of the limit.
    const recordBytes = 10_012;
    const held = readAhead.buffered;
    assert.ok((held - 1) * recordBytes < READ_AHEAD_MAX_BYTES, `${String(held)} records`);
    assert.ok((held + 1) * recordBytes > READ_AHEAD_MAX_BYTES, `${String(held)} records`);
  });

  test('is capped by the pull batch size and leaves other results alone', () => {
    const queryResult = result(100, 'z');
    const readAhead = new ReadAhead(new MessageWriter(new Packer()), 8);
    const open = statement(queryResult);
    readAhead.expect(open, 50);
    assert.equal(
      readAhead.fill(open, () => 0),
      undefined,
    );
    assert.equal(readAhead.buffered, 8);
    const other = statement(result(10, 'w'));
    assert.deepEqual(
      readAhead.take(other, 5, () => undefined),
      { kind: 'continue', remaining: 5 },
    );
    assert.equal(readAhead.buffered, 8);
  });

  test('does nothing for a result that does not commit on its end (explicit transactions)', () => {
    const readAhead = new ReadAhead(new MessageWriter(new Packer()), 1000);
    readAhead.expect(statement(result(10, 'v'), false), 5);
    assert.equal(readAhead.isDue, false);
  });

  test('remembers the end and a failure, in order', () => {
    const queryResult = result(3, 'e');
    const readAhead = new ReadAhead(new MessageWriter(new Packer()), 1000);
    const open = statement(queryResult);
    readAhead.expect(open, 10);
    assert.equal(
      readAhead.fill(open, () => 0),
      undefined,
    );
    assert.deepEqual(
      readAhead.take(open, 2, () => undefined),
      { kind: 'answered', hasMore: true },
    );
    assert.deepEqual(
      readAhead.take(open, 2, () => undefined),
      { kind: 'answered', hasMore: false },
    );

    const failing: QueryResult = {
      fields: ['i'],
      pull(_n: number, sink: RecordSink): boolean {
        sink([1n]);
        throw new Error('boom');
      },
      discard: () => false,
      summary: () => ({ queryType: 'r', recordCount: 0 }),
    };
    const broken = statement(failing);
    readAhead.expect(broken, 10);
    assert.equal(
      readAhead.fill(broken, () => 0),
      undefined,
    );
    const taken: CypherValue[] = [];
    assert.throws(() => readAhead.take(broken, 10, (bytes) => taken.push(...firstValues(bytes))), /boom/);
    assert.deepEqual(taken, [1n], 'the record before the failure is handed out first');
  });
});
