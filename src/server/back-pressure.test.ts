// Flow control over real TCP sockets: a client that stops reading must not make the server buffer the
// result (the stream stalls at the socket), and a client that reads gets every record. Also measures the
// records/s the server streams to a raw counting client (reported as a test diagnostic).
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { describe, test } from 'node:test';
import type { BackendTransaction, MaybePromise, TransactionRequest } from '../bolt/index.js';
import { TestBackend, type TestTransaction } from '../../test/support/test-backend.js';
import { delay, startTestServer, waitFor } from '../../test/support/test-server.js';

/** A TestBackend that keeps its transactions, to see how many records a lazy write query produced. */
class ObservedBackend extends TestBackend {
  readonly opened: TestTransaction[] = [];

  override beginTransaction(request: TransactionRequest): MaybePromise<BackendTransaction> {
    const transaction = super.beginTransaction(request) as TestTransaction;
    this.opened.push(transaction);
    return transaction;
  }
}

/** Counts Bolt messages (and RECORDs among them) in a byte stream without decoding them. */
class MessageCounter {
  messages = 0;
  records = 0;
  bytes = 0;
  private header: number[] = [];
  private chunkLeft = 0;
  private messageStart: number[] = [];
  private inMessage = false;

  push(chunk: Buffer): void {
    this.bytes += chunk.length;
    let position = 0;
    while (position < chunk.length) {
      if (this.chunkLeft === 0) {
        this.header.push(chunk[position++] ?? 0);
        if (this.header.length < 2) continue;
        const size = ((this.header[0] ?? 0) << 8) | (this.header[1] ?? 0);
        this.header = [];
        if (size === 0) {
          if (this.inMessage) this.endMessage();
          continue;
        }
        this.chunkLeft = size;
        this.inMessage = true;
        continue;
      }
      const take = Math.min(this.chunkLeft, chunk.length - position);
      if (this.messageStart.length < 2)
        this.messageStart.push(...chunk.subarray(position, position + Math.min(take, 2)));
      position += take;
      this.chunkLeft -= take;
    }
  }

  private endMessage(): void {
    this.messages++;
    if (this.messageStart[0] === 0xb1 && this.messageStart[1] === 0x71) this.records++;
    this.messageStart = [];
    this.inMessage = false;
  }
}

/** Handshake for exactly Bolt 4.4, then HELLO {user_agent, scheme: basic, principal: neo4j, credentials: password}. */
const LOGIN_4_4 = Buffer.from(
  '6060b017000004040000000000000000000000000048b101a48a757365725f6167656e74876170702f312e308673636865' +
    '6d65856261736963897072696e636970616c856e656f346a8b63726564656e7469616c738870617373776f72640000',
  'hex',
);

/** `RUN <query> {n: <n>} {}` + `PULL {n: -1}`, framed. */
function runAndPullAll(query: string, n: number): Buffer {
  const text = Buffer.from(query);
  const body = Buffer.concat([
    Buffer.from([0xb3, 0x10, 0xd0, text.length]),
    text,
    Buffer.from([0xa1, 0x81, 0x6e, 0xca]),
    Buffer.from(new Uint8Array(new Uint32Array([n]).buffer).reverse()),
    Buffer.from([0xa0]),
  ]);
  const header = Buffer.alloc(2);
  header.writeUInt16BE(body.length);
  return Buffer.concat([header, body, Buffer.from('00000006b13fa1816eff0000', 'hex')]);
}

function connectCounting(port: number): Promise<{ socket: Socket; counter: MessageCounter }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const counter = new MessageCounter();
    let handshakeLeft = 4;
    socket.on('data', (chunk: Buffer) => {
      const skip = Math.min(handshakeLeft, chunk.length);
      handshakeLeft -= skip;
      counter.push(chunk.subarray(skip));
    });
    socket.once('error', reject);
    socket.once('connect', () => {
      resolve({ socket, counter });
    });
  });
}

describe('back-pressure over TCP', () => {
  test('a client that stops reading stalls the stream; the server holds at most about one write', async (t) => {
    const backend = new ObservedBackend();
    const server = await startTestServer({ backend });
    try {
      const { socket, counter } = await connectCounting(server.port);
      socket.write(LOGIN_4_4);
      await waitFor(() => counter.messages === 1, 3000, 'HELLO SUCCESS');
      socket.pause();
      const total = 3_000_000;
      socket.write(runAndPullAll('UNWIND range(1, $n) AS i CREATE (:Item) RETURN i', total));
      await waitFor(() => backend.opened.length === 1, 3000, 'the query to start');
      const transaction = backend.opened[0];
      assert.ok(transaction !== undefined);
      // Wait until production stops (the kernel's socket buffers are full).
      let produced = -1;
      let maxBuffered = 0;
      while (transaction.createdNodes !== produced) {
        produced = transaction.createdNodes;
        for (let sample = 0; sample < 10; sample++) {
          await delay(20);
          for (const connection of server.server.connections())
            maxBuffered = Math.max(maxBuffered, connection.bufferedBytes);
        }
      }
      t.diagnostic(
        `stalled after ${produced} of ${total} records; at most ${maxBuffered} bytes held by the server`,
      );
      assert.ok(
        produced < total / 2,
        `${produced} of ${total} records produced while the client did not read`,
      );
      assert.ok(maxBuffered <= 512 * 1024, `the server held ${maxBuffered} bytes for one connection`);
      socket.resume();
      await waitFor(() => counter.messages === 1 + 1 + total + 1, 60_000, 'every record');
      assert.equal(counter.records, total);
      socket.destroy();
    } finally {
      await server.close();
    }
  });

  test('streams integer records to a raw counting client quickly (records/s as a diagnostic)', async (t) => {
    const server = await startTestServer();
    try {
      const { socket, counter } = await connectCounting(server.port);
      socket.write(LOGIN_4_4);
      await waitFor(() => counter.messages === 1, 3000, 'HELLO SUCCESS');
      const total = 500_000;
      const started = performance.now();
      socket.write(runAndPullAll('UNWIND range(1, $n) AS i RETURN i', total));
      await waitFor(() => counter.messages === 1 + 1 + total + 1, 60_000, 'every record');
      const seconds = (performance.now() - started) / 1000;
      const writes = server.server.connections()[0];
      t.diagnostic(
        `${total} records (${(counter.bytes / 1e6).toFixed(1)} MB) in ${seconds.toFixed(3)} s: ` +
          `${Math.round(total / seconds / 1000)}k records/s, ${(counter.bytes / 1e6 / seconds).toFixed(0)} MB/s` +
          (writes === undefined ? '' : `, ${writes.bufferedBytes} bytes buffered at the end`),
      );
      assert.equal(counter.records, total);
      // A loose floor: far below the measured rate, high enough to catch per-record writes or flushes.
      assert.ok(total / seconds > 250_000, `${Math.round(total / seconds)} records/s`);
      socket.destroy();
    } finally {
      await server.close();
    }
  });
});
