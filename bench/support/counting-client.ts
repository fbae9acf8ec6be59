/**
 * A raw counting Bolt client for benchmarks: it writes pre-framed requests and only counts the response
 * messages by walking chunk headers and reading each message's tag byte. It never decodes a value, so its
 * cost per record is a few operations and what a benchmark measures is the server. One query at a time.
 */
import { connect, type Socket } from 'node:net';
import type { ProtocolVersion } from '../../src/bolt/index.js';
import { Packer } from '../../src/packstream/index.js';

const TAG = { SUCCESS: 0x70, RECORD: 0x71, IGNORED: 0x7e, FAILURE: 0x7f } as const;

/** Packs one chunked message (requests are small: one chunk). */
export function message(tag: number, fields: readonly unknown[]): Uint8Array {
  const packer = new Packer();
  const header = packer.reserve(2);
  packer.writeStructHeader(fields.length, tag);
  for (const field of fields) packer.packValue(field);
  packer.setUint16At(header, packer.length - 2);
  packer.reserve(2);
  return packer.takeBytes();
}

/**
 * Counts response messages by tag without decoding them: a small state machine over chunk headers that
 * survives any split of the byte stream.
 */
class ResponseCounter {
  records = 0;
  successes = 0;
  failure = false;
  bytes = 0;
  reads = 0;
  private headerHigh = -1;
  private remaining = 0;
  /** Bytes of the current message body seen so far, up to its tag (body byte 1). */
  private bodyPosition = 0;

  feed(bytes: Buffer): void {
    this.bytes += bytes.length;
    this.reads++;
    const length = bytes.length;
    let index = 0;
    while (index < length) {
      if (this.remaining > 0) {
        if (this.bodyPosition < 2) {
          if (this.bodyPosition === 1) this.onTag(bytes[index] ?? 0);
          this.bodyPosition++;
          this.remaining--;
          index++;
          continue;
        }
        const step = Math.min(this.remaining, length - index);
        this.remaining -= step;
        index += step;
        continue;
      }
      const byte = bytes[index++] ?? 0;
      if (this.headerHigh < 0) {
        this.headerHigh = byte;
        continue;
      }
      const size = (this.headerHigh << 8) | byte;
      this.headerHigh = -1;
      if (size === 0)
        this.bodyPosition = 0; // end of message (or a NOOP)
      else this.remaining = size;
    }
  }

  private onTag(tag: number): void {
    if (tag === TAG.RECORD) this.records++;
    else if (tag === TAG.SUCCESS) this.successes++;
    else if (tag === TAG.FAILURE || tag === TAG.IGNORED) this.failure = true;
  }
}

/** A raw Bolt connection that runs one query at a time and counts its records. */
export class CountingClient {
  private readonly socket: Socket;
  private readonly counter = new ResponseCounter();
  private handshakeBytes = 0;
  private waiter: (() => void) | null = null;
  private target = 0;

  private constructor(socket: Socket) {
    this.socket = socket;
    socket.on('data', (data: Buffer) => {
      if (this.handshakeBytes < 4) {
        const take = Math.min(4 - this.handshakeBytes, data.length);
        this.handshakeBytes += take;
        data = data.subarray(take);
      }
      if (data.length > 0) this.counter.feed(data);
      this.check();
    });
    socket.on('error', () => undefined);
  }

  /** Connects, agrees on `version`, and logs in (HELLO + LOGON). */
  static async open(port: number, version: ProtocolVersion): Promise<CountingClient> {
    const socket = await new Promise<Socket>((resolve, reject) => {
      const created = connect({ host: '127.0.0.1', port }, () => {
        created.off('error', reject);
        resolve(created);
      });
      created.once('error', reject);
    });
    socket.setNoDelay(true);
    const client = new CountingClient(socket);
    const handshake = Buffer.alloc(20);
    handshake.set([0x60, 0x60, 0xb0, 0x17, 0, 0, version.minor, version.major]);
    socket.write(handshake);
    const agent = 'quiver-bench/1.0';
    socket.write(message(0x01, [{ user_agent: agent, bolt_agent: { product: agent } }]));
    socket.write(message(0x6a, [{ scheme: 'basic', principal: 'neo4j', credentials: 'password' }]));
    await client.waitForSuccesses(2);
    return client;
  }

  /**
   * Runs `query` with `parameters` in an auto-commit transaction (RUN + PULL all, one write) and resolves
   * with the records, bytes and socket reads it took.
   */
  async stream(
    query: string,
    parameters: Readonly<Record<string, unknown>>,
  ): Promise<{ records: number; bytes: number; reads: number }> {
    const before = { records: this.counter.records, bytes: this.counter.bytes, reads: this.counter.reads };
    this.socket.write(Buffer.concat([message(0x10, [query, parameters, {}]), message(0x3f, [{ n: -1n }])]));
    await this.waitForSuccesses(2);
    return {
      records: this.counter.records - before.records,
      bytes: this.counter.bytes - before.bytes,
      reads: this.counter.reads - before.reads,
    };
  }

  close(): void {
    this.socket.end(message(0x02, []));
  }

  private waitForSuccesses(count: number): Promise<void> {
    this.target = this.counter.successes + count;
    return new Promise((resolve, reject) => {
      this.waiter = () => {
        if (this.counter.failure) reject(new Error('The server answered FAILURE or IGNORED'));
        else resolve();
      };
      this.check();
    });
  }

  private check(): void {
    if (this.waiter !== null && (this.counter.successes >= this.target || this.counter.failure)) {
      const waiter = this.waiter;
      this.waiter = null;
      waiter();
    }
  }
}
