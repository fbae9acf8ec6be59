/**
 * The baseline of the Bolt benchmarks: the fastest possible server for the benchmark conversation. It does
 * the handshake and answers HELLO/LOGON/TELEMETRY/BEGIN/RUN/PULL/DISCARD/COMMIT/ROLLBACK/RESET/GOODBYE with
 * bytes encoded ONCE at start-up: for every scenario the complete RECORD stream is one buffer (chunk
 * framing included) with an offset per record, so a `PULL {n}` is answered by one zero-copy slice plus a
 * pre-encoded SUCCESS, with the same batching and `has_more` behaviour as Quiver. Requests are parsed only
 * as far as needed (message tag; RUN's query and `$n`, PULL's `n`), and the responses to one socket read
 * leave in one corked write.
 *
 * The records are the bench backend's generators ({@link BENCH_STREAMS}) encoded with Quiver's Packer and
 * hydration for the negotiated version, and the metadata has the shapes Quiver sends for that version, so
 * a client decodes the same bytes from both servers. Only Bolt 4.0+ conversations are supported.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import {
  createHydration,
  findBoltVersion,
  isProtocolAtLeast,
  type ProtocolVersion,
} from '../../src/bolt/index.js';
import { Packer, Unpacker } from '../../src/packstream/index.js';
import { IdlePoller } from '../../src/server/index.js';
import type { RecordStream } from './bench-backend.js';

/** A query the replay server knows: its text, how many records it returns, and their values. */
export interface ReplayScenario {
  readonly query: string;
  readonly count: number;
  readonly stream: RecordStream;
  /** Whether RUN must carry `$n` equal to `count` (a guard against benchmark mistakes); default true. */
  readonly checkN?: boolean;
}

export interface ReplayServerOptions {
  readonly scenarios: readonly ReplayScenario[];
  /** The version to agree on (the one Quiver agrees on with the same client), 4.0 or newer. */
  readonly version: ProtocolVersion;
  readonly host?: string;
  readonly port?: number;
  /**
   * Poll for this many µs after each reply instead of sleeping (Quiver's idle polling, the same code), so
   * that Quiver with idle polling can also be compared with a baseline that has it; default 0 (off).
   */
  readonly idlePollMicros?: number;
}

export interface ReplayServer {
  readonly port: number;
  /** Socket writes done so far (all connections) and their bytes. */
  readonly stats: { readonly writes: number; readonly bytes: number };
  close(): Promise<void>;
}

const TAG = {
  HELLO: 0x01,
  GOODBYE: 0x02,
  RESET: 0x0f,
  RUN: 0x10,
  BEGIN: 0x11,
  COMMIT: 0x12,
  ROLLBACK: 0x13,
  DISCARD: 0x2f,
  PULL: 0x3f,
  TELEMETRY: 0x54,
  LOGON: 0x6a,
  LOGOFF: 0x6b,
  SUCCESS: 0x70,
  RECORD: 0x71,
  IGNORED: 0x7e,
  FAILURE: 0x7f,
} as const;

/** A scenario with its records encoded: `records[offsets[i]..offsets[j]]` are records i+1..j. */
interface EncodedScenario {
  readonly scenario: ReplayScenario;
  readonly records: Buffer;
  readonly offsets: Uint32Array;
  readonly runSuccess: Buffer;
  readonly runSuccessInTx: Buffer;
}

/** Every response the server can send, encoded once. */
interface Responses {
  readonly hello: Buffer;
  readonly empty: Buffer;
  readonly commit: Buffer;
  readonly hasMore: Buffer;
  readonly summary: Buffer;
  readonly summaryInTx: Buffer;
  readonly ignored: Buffer;
  readonly unknownQuery: Buffer;
  readonly scenarios: ReadonlyMap<string, EncodedScenario>;
}

/** Starts the replay server (encoding everything first); resolves once it listens. */
export async function startReplayServer(options: ReplayServerOptions): Promise<ReplayServer> {
  if (!isProtocolAtLeast(options.version, 4, 0)) throw new TypeError('The replay server needs Bolt 4.0+');
  const responses = encodeResponses(options);
  const stats = { writes: 0, bytes: 0 };
  const sockets = new Set<Socket>();
  const idlePoll = options.idlePollMicros ?? 0;
  const poller = idlePoll > 0 ? new IdlePoller(idlePoll) : null;
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('error', () => socket.destroy());
    socket.once('close', () => sockets.delete(socket));
    const connection = new ReplayConnection(socket, options.version, responses, stats);
    socket.on('data', (data: Buffer) => {
      poller?.received();
      connection.receive(data);
      // The replies to this read were written (corked) by `receive`.
      poller?.written();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 }, resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    stats,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        poller?.stop();
        server.close(() => {
          resolve();
        });
      }),
  };
}

function encodeResponses(options: ReplayServerOptions): Responses {
  const version = options.version;
  const descriptor = findBoltVersion(version);
  if (descriptor === undefined) throw new TypeError('Quiver does not implement that version');
  const statuses = isProtocolAtLeast(version, 5, 6);
  const dbInRun = isProtocolAtLeast(version, 5, 8);
  const outcome = {
    gql_status: '00000',
    status_description: 'note: successful completion',
    diagnostic_record: { OPERATION: '', OPERATION_CODE: '0', CURRENT_SCHEMA: '/' },
  };
  const summaryOf = (extra: Record<string, unknown>): Record<string, unknown> => ({
    ...extra,
    type: 'r',
    t_last: 0n,
    db: 'neo4j',
    ...(statuses ? { statuses: [outcome] } : {}),
  });
  const hello: Record<string, unknown> = { server: 'Neo4j/5.26.0', connection_id: 'bolt-replay', hints: {} };
  if (isProtocolAtLeast(version, 5, 7)) hello['protocol_version'] = `${version.major}.${version.minor}`;
  const scenarios = new Map<string, EncodedScenario>();
  for (const scenario of options.scenarios) {
    const fields = scenario.stream.fields;
    scenarios.set(scenario.query, {
      scenario,
      ...encodeRecords(scenario, version),
      runSuccess: message(TAG.SUCCESS, [{ fields, t_first: 0n, ...(dbInRun ? { db: 'neo4j' } : {}) }]),
      runSuccessInTx: message(TAG.SUCCESS, [{ fields, t_first: 0n, qid: 0n }]),
    });
  }
  return {
    hello: message(TAG.SUCCESS, [hello]),
    empty: message(TAG.SUCCESS, [{}]),
    commit: message(TAG.SUCCESS, [{ bookmark: 'bm:1' }]),
    hasMore: message(TAG.SUCCESS, [{ has_more: true }]),
    summary: message(TAG.SUCCESS, [summaryOf({ bookmark: 'bm:1' })]),
    summaryInTx: message(TAG.SUCCESS, [summaryOf({})]),
    ignored: message(TAG.IGNORED, []),
    unknownQuery: message(TAG.FAILURE, [
      {
        code: 'Neo.ClientError.Statement.SyntaxError',
        message: 'The replay server does not know this query',
      },
    ]),
    scenarios,
  };
}

/** One chunked message (a single chunk: every replayed message is smaller than 64 KiB). */
function message(tag: number, fields: readonly unknown[]): Buffer {
  const packer = new Packer();
  frame(packer, () => {
    packer.writeStructHeader(fields.length, tag);
    for (const field of fields) packer.packValue(field);
  });
  return toBuffer(packer.takeBytes());
}

function frame(packer: Packer, pack: () => void): void {
  const header = packer.reserve(2);
  pack();
  const length = packer.length - header - 2;
  if (length > 0xffff) throw new RangeError('A replayed message must fit one chunk');
  packer.setUint16At(header, length);
  packer.reserve(2);
}

function encodeRecords(
  scenario: ReplayScenario,
  version: ProtocolVersion,
): { records: Buffer; offsets: Uint32Array } {
  const hydration = createHydration({ version });
  const packer = new Packer({ dehydrate: hydration.dehydrate, initialCapacity: 1 << 20 });
  const offsets = new Uint32Array(scenario.count + 1);
  const record = scenario.stream.record;
  let value = 0n;
  for (let i = 1; i <= scenario.count; i++) {
    value += 1n;
    frame(packer, () => {
      packer.writeStructHeader(1, TAG.RECORD);
      packer.writeListHeader(1);
      packer.packValue(record(i, value));
    });
    offsets[i] = packer.length;
  }
  return { records: toBuffer(packer.takeBytes()), offsets };
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** One replayed conversation. */
class ReplayConnection {
  private readonly socket: Socket;
  private readonly version: ProtocolVersion;
  private readonly responses: Responses;
  private readonly stats: { writes: number; bytes: number };
  private readonly unpacker = new Unpacker();
  private phase: 'HANDSHAKE' | 'MANIFEST' | 'MESSAGES' | 'CLOSED' = 'HANDSHAKE';
  private input: Buffer = Buffer.alloc(0);
  private inTransaction = false;
  private failed = false;
  private streaming: { readonly encoded: EncodedScenario; cursor: number } | null = null;

  constructor(
    socket: Socket,
    version: ProtocolVersion,
    responses: Responses,
    stats: { writes: number; bytes: number },
  ) {
    this.socket = socket;
    this.version = version;
    this.responses = responses;
    this.stats = stats;
  }

  receive(data: Buffer): void {
    this.input = this.input.length === 0 ? data : Buffer.concat([this.input, data]);
    this.socket.cork();
    try {
      this.process();
    } finally {
      this.socket.uncork();
    }
  }

  private write(bytes: Buffer): void {
    this.stats.writes++;
    this.stats.bytes += bytes.length;
    this.socket.write(bytes);
  }

  private process(): void {
    let position = 0;
    const input = this.input;
    for (;;) {
      if (this.phase === 'HANDSHAKE') {
        if (input.length - position < 20) break;
        this.handshake(input.subarray(position, position + 20));
        position += 20;
      } else if (this.phase === 'MANIFEST') {
        // The client's choice (4 bytes) and its capabilities (a varint).
        let end = position + 4;
        while (end < input.length && (input[end] ?? 0) & 0x80) end++;
        if (end >= input.length) break;
        position = end + 1;
        this.phase = 'MESSAGES';
      } else if (this.phase === 'MESSAGES') {
        const next = readMessage(input, position);
        if (next === null) break;
        position = next.end;
        if (next.body.length > 0) this.handle(next.body);
      } else {
        return;
      }
    }
    this.input = position === input.length ? Buffer.alloc(0) : input.subarray(position);
  }

  private handshake(bytes: Buffer): void {
    const { major, minor } = this.version;
    let manifest = false;
    let legacy = false;
    for (let offset = 4; offset < 20; offset += 4) {
      const range = bytes[offset + 1] ?? 0;
      const proposedMinor = bytes[offset + 2] ?? 0;
      const proposedMajor = bytes[offset + 3] ?? 0;
      if (proposedMajor === 0xff && proposedMinor === 0x01)
        manifest = true; // 00 00 01 FF
      else if (proposedMajor === major && minor <= proposedMinor && minor >= proposedMinor - range)
        legacy = true;
    }
    if (manifest) {
      this.write(Buffer.from([0, 0, 1, 0xff, 1, 0, 0, minor, major, 0]));
      this.phase = 'MANIFEST';
    } else if (legacy) {
      this.write(Buffer.from([0, 0, minor, major]));
      this.phase = 'MESSAGES';
    } else {
      this.write(Buffer.alloc(4));
      this.close();
    }
  }

  private handle(body: Buffer): void {
    const tag = body[1] ?? -1;
    const r = this.responses;
    if (this.failed && tag !== TAG.RESET && tag !== TAG.GOODBYE) {
      this.write(r.ignored);
      return;
    }
    switch (tag) {
      case TAG.HELLO:
        this.write(r.hello);
        return;
      case TAG.GOODBYE:
        this.close();
        return;
      case TAG.RESET:
        this.failed = false;
        this.inTransaction = false;
        this.streaming = null;
        this.write(r.empty);
        return;
      case TAG.BEGIN:
        this.inTransaction = true;
        this.write(r.empty);
        return;
      case TAG.COMMIT:
        this.inTransaction = false;
        this.write(r.commit);
        return;
      case TAG.ROLLBACK:
        this.inTransaction = false;
        this.streaming = null;
        this.write(r.empty);
        return;
      case TAG.LOGON:
      case TAG.LOGOFF:
      case TAG.TELEMETRY:
        this.write(r.empty);
        return;
      case TAG.RUN:
        this.run(body);
        return;
      case TAG.PULL:
      case TAG.DISCARD:
        this.consume(body, tag === TAG.PULL);
        return;
      default:
        this.fail();
    }
  }

  private run(body: Buffer): void {
    const unpacker = this.unpacker;
    unpacker.readStructHeader(body, 0);
    const query = unpacker.unpack(body, unpacker.offset);
    const parameters = unpacker.unpack(body, unpacker.offset) as Record<string, unknown>;
    const encoded = typeof query === 'string' ? this.responses.scenarios.get(query) : undefined;
    const n = Object.hasOwn(parameters, 'n') ? parameters['n'] : undefined;
    if (
      encoded === undefined ||
      ((encoded.scenario.checkN ?? true) && n !== BigInt(encoded.scenario.count))
    ) {
      this.fail();
      return;
    }
    this.streaming = { encoded, cursor: 0 };
    this.write(this.inTransaction ? encoded.runSuccessInTx : encoded.runSuccess);
  }

  private consume(body: Buffer, pull: boolean): void {
    const streaming = this.streaming;
    if (streaming === null) {
      this.fail();
      return;
    }
    const unpacker = this.unpacker;
    const { fieldCount } = unpacker.readStructHeader(body, 0);
    const extra = fieldCount > 0 ? (unpacker.unpack(body, unpacker.offset) as Record<string, unknown>) : {};
    const n = Object.hasOwn(extra, 'n') ? Number(extra['n']) : -1;
    const { records, offsets, scenario } = streaming.encoded;
    const start = streaming.cursor;
    const end = n < 0 ? scenario.count : Math.min(scenario.count, start + n);
    if (pull && end > start) this.write(records.subarray(offsets[start], offsets[end]));
    streaming.cursor = end;
    if (end < scenario.count) {
      this.write(this.responses.hasMore);
      return;
    }
    this.streaming = null;
    this.write(this.inTransaction ? this.responses.summaryInTx : this.responses.summary);
  }

  private fail(): void {
    this.failed = true;
    this.streaming = null;
    this.write(this.responses.unknownQuery);
  }

  private close(): void {
    this.phase = 'CLOSED';
    this.socket.end();
  }
}

/** The next whole message at `position` (its body, unchunked), or null when more bytes are needed. */
function readMessage(input: Buffer, position: number): { body: Buffer; end: number } | null {
  const parts: Buffer[] = [];
  let at = position;
  for (;;) {
    if (input.length - at < 2) return null;
    const size = input.readUInt16BE(at);
    at += 2;
    if (size === 0) {
      // A message ends; a lone 00 00 is a NOOP (an empty body).
      if (parts.length === 1) return { body: parts[0] ?? Buffer.alloc(0), end: at };
      return { body: Buffer.concat(parts), end: at };
    }
    if (input.length - at < size) return null;
    parts.push(input.subarray(at, at + size));
    at += size;
  }
}
