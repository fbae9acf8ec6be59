// BoltConnection over an in-memory channel (no sockets): handshake, framing, coalesced writes,
// back-pressure, RESET's jump-ahead, bad input, timeouts and keep-alive.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Packer, Structure, Unpacker } from '../packstream/index.js';
import { fromHex, toHex } from '../util/index.js';
import { TestBackend } from '../../test/support/test-backend.js';
import { BoltConnection } from './connection.js';
import type { ByteChannel } from './connection/byte-channel.js';
import type { BoltConnectionOptions } from './connection/options.js';
import { ReplyTiming } from './connection/reply-timing.js';
import { MessageWriter } from './transport/index.js';

/** A channel that records writes and can refuse them (a slow reader). */
class FakeChannel implements ByteChannel {
  readonly writes: Uint8Array[] = [];
  readonly writableLength = 0;
  accepting = true;
  ended = false;
  destroyed = false;
  paused = false;

  write(bytes: Uint8Array): boolean {
    this.writes.push(bytes.slice());
    return this.accepting;
  }

  end(): void {
    this.ended = true;
  }

  destroy(): void {
    this.destroyed = true;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
  }

  get bytesWritten(): number {
    return this.writes.reduce((sum, bytes) => sum + bytes.length, 0);
  }

  /** Every response message written after the first `skip` bytes (handshake reply), decoded generically. */
  messages(skip = 4): Structure[] {
    const all = Buffer.concat(this.writes).subarray(skip);
    const out: Structure[] = [];
    let position = 0;
    let parts: Buffer[] = [];
    while (position + 2 <= all.length) {
      const size = all.readUInt16BE(position);
      position += 2;
      if (size === 0) {
        if (parts.length > 0) out.push(new Unpacker().unpack(Buffer.concat(parts)) as Structure);
        parts = [];
        continue;
      }
      parts.push(all.subarray(position, position + size));
      position += size;
    }
    return out;
  }
}

/** Frames request structs like a client would. */
function frame(...messages: [number, ...unknown[]][]): Uint8Array {
  const writer = new MessageWriter(new Packer());
  for (const [tag, ...fields] of messages) {
    writer.writeMessage((packer) => {
      packer.writeStructHeader(fields.length, tag);
      for (const field of fields) packer.packValue(field);
    });
  }
  return writer.takeOutput();
}

const HELLO = 0x01;
const RESET = 0x0f;
const RUN = 0x10;
const PULL = 0x3f;
const GOODBYE = 0x02;
const AUTH = { scheme: 'basic', principal: 'neo4j', credentials: 'password' };

function handshake(major: number, minor: number): Uint8Array {
  return fromHex(
    `60 60 B0 17 00 00 ${minor.toString(16).padStart(2, '0')} ${major.toString(16).padStart(2, '0')} 00 00 00 00 00 00 00 00 00 00 00 00`,
  );
}

/** Lets promise callbacks and immediates run. */
function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function settle(rounds = 5): Promise<void> {
  for (let round = 0; round < rounds; round++) await tick();
}

function open(options: Partial<BoltConnectionOptions> = {}, backend = new TestBackend()) {
  const channel = new FakeChannel();
  const closed: string[] = [];
  const errors: unknown[] = [];
  const connection = new BoltConnection(channel, {
    backend,
    connectionId: 'bolt-1',
    now: () => 0,
    onClosed: (reason) => closed.push(reason),
    onUnexpectedError: (error) => errors.push(error),
    ...options,
  });
  return { channel, connection, closed, errors, backend };
}

function tags(messages: Structure[]): string[] {
  const names: Record<number, string> = { 0x70: 'SUCCESS', 0x71: 'RECORD', 0x7e: 'IGNORED', 0x7f: 'FAILURE' };
  return messages.map((message) => names[message.tag] ?? String(message.tag));
}

function metadataOf(message: Structure | undefined): Record<string, unknown> {
  return (message?.fields[0] ?? {}) as Record<string, unknown>;
}

describe('BoltConnection: handshake', () => {
  test('the manifest reply leaves in one write and a HELLO in the same read as the choice is answered', async () => {
    const { channel, connection } = open();
    connection.receive(fromHex('60 60 B0 17 00 00 01 FF 00 08 08 05 00 02 04 04 00 00 00 03'));
    assert.equal(channel.writes.length, 1);
    assert.equal(toHex(channel.writes[0]?.subarray(0, 4) ?? new Uint8Array(0)), '00 00 01 ff');
    const choice = fromHex('00 00 00 06 00');
    const hello = frame([HELLO, { user_agent: 'test' }]);
    connection.receive(Buffer.concat([choice, hello]));
    await settle();
    const manifestLength = channel.writes[0]?.length ?? 0;
    const messages = channel.messages(manifestLength);
    assert.deepEqual(tags(messages), ['SUCCESS']);
    assert.equal(metadataOf(messages[0])['protocol_version'], '6.0');
    assert.equal(connection.state, 'AUTHENTICATION');
  });

  test('a stream that does not start with the Bolt magic is ended without a reply', () => {
    const { channel, connection, closed } = open();
    connection.receive(Buffer.from('GET / HTTP/1.1\r\n'));
    assert.equal(channel.writes.length, 0);
    assert.equal(channel.ended, true);
    assert.deepEqual(closed, ['handshake failed: BAD_MAGIC']);
  });

  test('proposals without a common version get 00 00 00 00 and the connection ends', () => {
    const { channel, connection } = open();
    connection.receive(handshake(9, 0));
    assert.equal(toHex(channel.writes[0] ?? new Uint8Array(0)), '00 00 00 00');
    assert.equal(channel.ended, true);
  });

  test('a handshake that does not finish in time is destroyed', async () => {
    const { channel, connection, closed } = open({ handshakeTimeoutMs: 20 });
    connection.receive(fromHex('60 60 B0'));
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.equal(channel.destroyed, true);
    assert.deepEqual(closed, ['handshake timeout']);
  });
});

describe('BoltConnection: reply timing', () => {
  async function loggedIn(options: Partial<BoltConnectionOptions> = {}) {
    const opened = open(options);
    opened.connection.receive(handshake(5, 0));
    opened.connection.receive(frame([HELLO, { user_agent: 'test', ...AUTH }]));
    await settle();
    return opened;
  }
  const returnOne = (): Uint8Array => frame([RUN, 'RETURN 1 AS x', {}, {}], [PULL, { n: -1n }]);

  test('a lone connection writes a synchronous reply before receive returns', async () => {
    const { channel, connection } = await loggedIn();
    const before = channel.writes.length;
    connection.receive(returnOne());
    assert.equal(channel.writes.length, before + 1);
    assert.deepEqual(tags(channel.messages()).slice(-3), ['SUCCESS', 'RECORD', 'SUCCESS']);
  });

  test('while another connection is busy, the reply waits for the end of the event loop turn', async () => {
    let now = 0;
    const replyTiming = new ReplyTiming(() => now);
    const first = await loggedIn({ replyTiming });
    const second = await loggedIn({ replyTiming });
    now = 100;
    const before = { first: first.channel.writes.length, second: second.channel.writes.length };
    first.connection.receive(returnOne());
    assert.equal(first.channel.writes.length, before.first + 1, 'nobody else read lately: at once');
    now = 100.1;
    second.connection.receive(returnOne());
    assert.equal(second.channel.writes.length, before.second, 'deferred');
    await tick();
    assert.equal(second.channel.writes.length, before.second + 1);
    assert.deepEqual(tags(second.channel.messages()).slice(-3), ['SUCCESS', 'RECORD', 'SUCCESS']);
  });
});

describe('BoltConnection: output', () => {
  test('answers to pipelined requests leave in one write', async () => {
    const { channel, connection } = open();
    connection.receive(handshake(4, 4));
    connection.receive(
      frame([HELLO, { user_agent: 'test', ...AUTH }], [RUN, 'RETURN 1 AS x', {}, {}], [PULL, { n: -1n }]),
    );
    await settle();
    assert.equal(channel.writes.length, 2); // the version reply, then everything else
    assert.deepEqual(tags(channel.messages()), ['SUCCESS', 'SUCCESS', 'RECORD', 'SUCCESS']);
  });

  test('onReceived is called for every read and onWritten for every response write, not the handshake', async () => {
    let received = 0;
    let written = 0;
    const { channel, connection } = open({
      onReceived: () => received++,
      onWritten: () => written++,
    });
    connection.receive(handshake(4, 4));
    assert.deepEqual([received, written], [1, 0]); // the version reply is not a response
    connection.receive(frame([HELLO, { user_agent: 'test', ...AUTH }]));
    await settle();
    assert.deepEqual([received, written], [2, 1]);
    const run = frame([RUN, 'RETURN 1 AS x', {}, {}], [PULL, { n: -1n }]);
    connection.receive(run.subarray(0, 5));
    connection.receive(run.subarray(5));
    await settle();
    assert.deepEqual([received, written], [4, 2]);
    assert.equal(channel.writes.length, 3);
  });

  test('a long stream starts with a 512-byte write and makes each write twice the last, up to 64 KiB', async () => {
    const { channel, connection } = open();
    connection.receive(handshake(5, 0));
    connection.receive(frame([HELLO, { user_agent: 'test', ...AUTH }]));
    await settle();
    const before = channel.writes.length;
    connection.receive(
      frame([RUN, 'UNWIND range(1, $n) AS i RETURN i', { n: 100_000n }, {}], [PULL, { n: -1n }]),
    );
    await settle(20);
    const writes = channel.writes.slice(before);
    const records = tags(channel.messages()).filter((tag) => tag === 'RECORD').length;
    assert.equal(records, 100_000);
    const sizes = writes.map((bytes) => bytes.length);
    // The client gets the first records at once and decodes each write while the server encodes the next.
    assert.ok((sizes[0] ?? 0) >= 512 && (sizes[0] ?? 0) < 1024, `first write ${sizes[0]} bytes`);
    sizes.slice(0, -1).forEach((size, index) => {
      const floor = Math.min(64 * 1024, 512 * 2 ** index);
      assert.ok(
        size >= floor && size < floor + 1024,
        `write ${index}: ${size} bytes, expected about ${floor}`,
      );
    });
    // Seven growing writes (512 bytes to 32 KiB), then 64 KiB writes: few system calls for a long stream.
    const total = sizes.reduce((sum, size) => sum + size, 0);
    assert.ok(writes.length <= Math.ceil(total / (64 * 1024)) + 8, `${writes.length} writes`);
  });

  test('the next response starts small again once the connection has answered everything', async () => {
    const { channel, connection } = open();
    connection.receive(handshake(5, 0));
    connection.receive(frame([HELLO, { user_agent: 'test', ...AUTH }]));
    await settle();
    const query = (): void => {
      connection.receive(
        frame([RUN, 'UNWIND range(1, $n) AS i RETURN i', { n: 50_000n }, {}], [PULL, { n: -1n }]),
      );
    };
    query();
    await settle(20);
    const before = channel.writes.length;
    query();
    await settle(20);
    const first = channel.writes[before]?.length ?? 0;
    assert.ok(first >= 512 && first < 1024, `first write of the second response: ${first} bytes`);
  });

  test('a congested channel stops the record stream until it drains', async () => {
    const backend = new TestBackend();
    const { channel, connection } = open({ pullBatchSize: 100 }, backend);
    connection.receive(handshake(5, 0));
    connection.receive(frame([HELLO, { user_agent: 'test', ...AUTH }]));
    await settle();
    channel.accepting = false;
    connection.receive(
      frame([RUN, 'UNWIND range(1, $n) AS i RETURN i', { n: 1_000_000n }, {}], [PULL, { n: -1n }]),
    );
    await settle(20);
    const stalled = channel.bytesWritten;
    await settle(20);
    assert.equal(channel.bytesWritten, stalled, 'nothing more is written while congested');
    assert.ok(connection.bufferedBytes < 128 * 1024, `${connection.bufferedBytes} bytes held`);
    assert.ok(stalled < 256 * 1024, `${stalled} bytes written before stalling`);
    // Reading goes on, so a RESET can still interrupt the stream.
    assert.equal(channel.paused, false);
    channel.accepting = true;
    connection.drained();
    await settle(200);
    assert.ok(channel.bytesWritten > stalled * 2);
  });

  test('a RESET interrupts a stream that waits for a congested channel', async () => {
    const { channel, connection } = open({ pullBatchSize: 100 });
    connection.receive(handshake(5, 0));
    connection.receive(frame([HELLO, { user_agent: 'test', ...AUTH }]));
    await settle();
    channel.accepting = false;
    connection.receive(
      frame([RUN, 'UNWIND range(1, $n) AS i RETURN i', { n: 1_000_000n }, {}], [PULL, { n: -1n }]),
    );
    await settle(20);
    connection.receive(frame([RESET]));
    await settle(20);
    const last = tags(channel.messages()).slice(-2);
    assert.deepEqual(last, ['FAILURE', 'SUCCESS']);
    assert.equal(connection.state, 'READY');
  });
});

describe('BoltConnection: RESET, bad input, timeouts', () => {
  test('a RESET read while a query runs interrupts it at once', async () => {
    const { channel, connection } = open();
    connection.receive(handshake(4, 4));
    connection.receive(
      frame([HELLO, { user_agent: 'test', ...AUTH }], [RUN, 'WAIT', {}, {}], [PULL, { n: -1n }]),
    );
    await settle();
    assert.equal(connection.state, 'STREAMING');
    connection.receive(frame([RESET]));
    await settle();
    const messages = channel.messages();
    assert.deepEqual(tags(messages), ['SUCCESS', 'SUCCESS', 'FAILURE', 'SUCCESS']);
    assert.equal(metadataOf(messages[2])['code'], 'Neo.ClientError.Transaction.Terminated');
    assert.equal(connection.state, 'READY');
  });

  test('undecodable PackStream gets FAILURE Request.InvalidFormat and the connection ends', async () => {
    const { channel, connection } = open();
    connection.receive(handshake(4, 4));
    connection.receive(frame([HELLO, { user_agent: 'test', ...AUTH }]));
    // A RUN whose query has the reserved marker C4, then a valid RESET that must not be read.
    connection.receive(Buffer.concat([fromHex('00 03 B3 10 C4 00 00'), frame([RESET])]));
    await settle();
    const messages = channel.messages();
    assert.deepEqual(tags(messages), ['SUCCESS', 'FAILURE']);
    assert.equal(metadataOf(messages[1])['code'], 'Neo.ClientError.Request.InvalidFormat');
    assert.equal(channel.ended, true);
  });

  test('a message above the size limit gets FAILURE Request.InvalidFormat and the connection ends', async () => {
    const { channel, connection } = open({ maxMessageBytes: 1000 });
    connection.receive(handshake(5, 0));
    connection.receive(frame([RUN, 'x'.repeat(2000), {}, {}]));
    await settle();
    assert.deepEqual(tags(channel.messages()), ['FAILURE']);
    assert.equal(metadataOf(channel.messages()[0])['code'], 'Neo.ClientError.Request.InvalidFormat');
    assert.equal(channel.ended, true);
  });

  test('an unknown message tag is a protocol violation: FAILURE, then the connection ends', async () => {
    const { channel, connection, errors } = open();
    connection.receive(handshake(5, 0));
    connection.receive(frame([0x55, 1n]));
    await settle();
    assert.deepEqual(tags(channel.messages()), ['FAILURE']);
    assert.match(String(metadataOf(channel.messages()[0])['code']), /^Neo\.ClientError\.Request\./);
    assert.equal(channel.ended, true);
    assert.deepEqual(errors, []);
  });

  test('an idle connection is closed after the idle timeout, a busy one is not', async () => {
    const { channel, connection, closed } = open({ idleTimeoutMs: 30 });
    connection.receive(handshake(4, 4));
    connection.receive(
      frame([HELLO, { user_agent: 'test', ...AUTH }], [RUN, 'WAIT', {}, {}], [PULL, { n: -1n }]),
    );
    await new Promise((resolve) => setTimeout(resolve, 90));
    assert.equal(channel.ended, false, 'a running query is not idleness');
    connection.receive(frame([RESET]));
    await new Promise((resolve) => setTimeout(resolve, 90));
    assert.equal(channel.ended, true);
    assert.deepEqual(closed, ['idle for 30 ms']);
  });

  test('NOOP chunks keep a busy Bolt 4.4 connection alive, never on Bolt 4.0', async () => {
    for (const [minor, expectNoop] of [
      [4, true],
      [0, false],
    ] as const) {
      const { channel, connection } = open({ keepAliveIntervalMs: 10 });
      connection.receive(handshake(4, minor));
      connection.receive(
        frame([HELLO, { user_agent: 'test', ...AUTH }], [RUN, 'WAIT', {}, {}], [PULL, { n: -1n }]),
      );
      await new Promise((resolve) => setTimeout(resolve, 80));
      const noops = channel.writes.filter((bytes) => toHex(bytes) === '00 00').length;
      assert.equal(noops > 0, expectNoop, `Bolt 4.${minor}: ${noops} NOOP writes`);
      connection.receive(frame([GOODBYE]));
      await settle();
    }
  });

  test('a client that floods requests without waiting is paused above the pipelining limit', async () => {
    const { channel, connection } = open({ maxPipelinedRequests: 10 });
    connection.receive(handshake(4, 4));
    const requests: [number, ...unknown[]][] = [[HELLO, { user_agent: 'test', ...AUTH }]];
    for (let index = 0; index < 20; index++)
      requests.push([RUN, 'RETURN 1 AS x', {}, {}], [PULL, { n: -1n }]);
    connection.receive(frame(...requests));
    assert.equal(channel.paused, true);
    await settle();
    assert.equal(channel.paused, false);
    assert.equal(tags(channel.messages()).length, 1 + 20 * 3);
  });
});

describe('BoltConnection: per-version value encoding', () => {
  test('the 4.4 utc patch switches DateTime structs in both directions after HELLO', async () => {
    for (const [patch, tag] of [
      [true, 0x49],
      [false, 0x46],
    ] as const) {
      const { channel, connection } = open();
      connection.receive(handshake(4, 4));
      connection.receive(
        frame([HELLO, { user_agent: 'test', ...AUTH, ...(patch ? { patch_bolt: ['utc'] } : {}) }]),
      );
      await settle();
      const dateTime = new Structure(tag, [4500n, 42n, 3600n]);
      connection.receive(frame([RUN, 'RETURN $x AS x', { x: dateTime }, {}], [PULL, { n: -1n }]));
      await settle();
      const record = channel.messages().find((message) => message.tag === 0x71);
      const value = (record?.fields[0] as unknown[] | undefined)?.[0];
      assert.ok(value instanceof Structure, `patch ${patch}: ${String(value)}`);
      assert.equal(value.tag, tag);
      assert.deepEqual(value.fields, [4500n, 42n, 3600n]);
    }
  });
});
