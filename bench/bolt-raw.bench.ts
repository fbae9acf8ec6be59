/**
 * Quiver's server-side encoding speed, measured with a raw counting client (issue 3: ≥ 5M int records/s).
 * The client writes the handshake, HELLO and LOGON, then per run `RUN` + `PULL {n: -1}` as pre-encoded
 * bytes, and only counts RECORD messages by walking the chunk headers and reading each message's tag byte;
 * it never decodes a value, so its cost is a few operations per record and the server (in a worker thread,
 * on the other core) is what is measured. The replay server, measured in the same rounds with the same
 * client, shows the client's own ceiling. Each row's name carries the stream's MB/s and the average size of
 * the server's socket writes (Quiver should coalesce records into ~64 KiB writes).
 * QUIVER_BENCH_SMOKE=1 runs small sizes (CI).
 */
import { connect, type Socket } from 'node:net';
import type { ProtocolVersion } from '../src/bolt/index.js';
import { Packer } from '../src/packstream/index.js';
import type { BenchResult } from './support/bench-result.js';
import { BENCH_QUERIES } from './support/bench-backend.js';
import { compareAsync, formatBytes, isSmoke, loadAverage } from './support/bolt-measure.js';
import { QUIVER_NEWEST_VERSION, startServerWorker, type ServerWorker } from './support/bolt-server-worker.js';

const SUITE = 'bolt-raw';
/** Issue 3: Quiver's server-side encoding reaches at least 5M int records/s. */
const INT_RECORDS_GOAL = 5_000_000;

const SIZES = isSmoke
  ? { ints: 100_000, maps: 20_000, nodes: 20_000, rounds: 3, warmups: 1 }
  : { ints: 1_000_000, maps: 200_000, nodes: 200_000, rounds: 7, warmups: 2 };

const TAG = { SUCCESS: 0x70, RECORD: 0x71, IGNORED: 0x7e, FAILURE: 0x7f } as const;

/** Packs one chunked message (requests are small: one chunk). */
function message(tag: number, fields: readonly unknown[]): Uint8Array {
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
class CountingClient {
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

  /** Runs `query` with `$n` and pulls everything; resolves with the records and bytes received. */
  async stream(query: string, n: number): Promise<{ records: number; bytes: number; reads: number }> {
    const before = { records: this.counter.records, bytes: this.counter.bytes, reads: this.counter.reads };
    this.socket.write(
      Buffer.concat([message(0x10, [query, { n: BigInt(n) }, {}]), message(0x3f, [{ n: -1n }])]),
    );
    await this.waitForSuccesses(2);
    const records = this.counter.records - before.records;
    if (records !== n) throw new Error(`Expected ${n} records, counted ${records}`);
    return { records, bytes: this.counter.bytes - before.bytes, reads: this.counter.reads - before.reads };
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

interface Scenario {
  readonly label: string;
  readonly query: string;
  readonly count: number;
}

function count(n: number): string {
  return n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`;
}

async function measureScenario(
  scenario: Scenario,
  quiver: { readonly worker: ServerWorker; readonly client: CountingClient },
  replay: { readonly worker: ServerWorker; readonly client: CountingClient },
): Promise<BenchResult[]> {
  let bytesPerRun = 0;
  let replayBytesPerRun = 0;
  let quiverRuns = 0;
  await quiver.worker.resetStats();
  const comparison = await compareAsync(
    {
      suite: SUITE,
      name: `${scenario.label}, Quiver vs replay server`,
      rounds: SIZES.rounds,
      warmups: SIZES.warmups,
    },
    {
      name: 'quiver',
      run: async () => {
        const { records, bytes } = await quiver.client.stream(scenario.query, scenario.count);
        bytesPerRun = bytes;
        quiverRuns++;
        return records;
      },
    },
    {
      name: 'replay server',
      run: async () => {
        const { records, bytes } = await replay.client.stream(scenario.query, scenario.count);
        replayBytesPerRun = bytes;
        return records;
      },
    },
  );
  const stats = await quiver.worker.stats();
  // Records are the same bytes from both servers; only summary metadata (bookmark, timings) may differ.
  if (Math.abs(bytesPerRun - replayBytesPerRun) > 64) {
    console.warn(
      `  ${scenario.label}: Quiver sent ${bytesPerRun} bytes, the replay server ${replayBytesPerRun}`,
    );
  }
  const averageWrite = stats.writes === 0 ? 0 : stats.bytes / stats.writes;
  const megabytesPerSecond = (comparison.opsPerSecond * bytesPerRun) / scenario.count / 1e6;
  const cpuPerRecord = stats.cpuNs === null ? null : stats.cpuNs / (quiverRuns * scenario.count);
  const details =
    `${megabytesPerSecond.toFixed(0)} MB/s, ${(bytesPerRun / scenario.count).toFixed(1)} B/record, ` +
    `Quiver avg write ${formatBytes(averageWrite)}, ` +
    `server CPU ${cpuPerRecord === null ? '?' : cpuPerRecord.toFixed(0)} ns/record`;
  console.log(`  ${scenario.label}: ${details}`);
  const results: BenchResult[] = [{ ...comparison, name: `${comparison.name} (records/s; ${details})` }];
  if (scenario.query === BENCH_QUERIES.ints) {
    const goal = { name: 'goal 5M records/s', opsPerSecond: INT_RECORDS_GOAL };
    results.push({
      suite: SUITE,
      name: `${scenario.label}: Quiver records/s at the client (wall clock)`,
      opsPerSecond: comparison.opsPerSecond,
      spread: comparison.spread,
      rounds: comparison.rounds,
      baseline: goal,
      ratio: comparison.opsPerSecond / INT_RECORDS_GOAL,
      goal: 1,
    });
    if (cpuPerRecord !== null) {
      // What one dedicated core can encode: independent of the load other processes put on the machine.
      const capacity = 1e9 / cpuPerRecord;
      results.push({
        suite: SUITE,
        name: `${scenario.label}: Quiver records/s per core of server CPU (1e9 / ${cpuPerRecord.toFixed(0)} ns)`,
        opsPerSecond: capacity,
        spread: 0,
        rounds: comparison.rounds,
        baseline: goal,
        ratio: capacity / INT_RECORDS_GOAL,
        goal: 1,
      });
    }
  }
  return results;
}

/** Runs the raw-client benchmarks (see the module comment). */
export async function run(): Promise<BenchResult[]> {
  const scenarios: Scenario[] = [
    { label: `raw PULL all ${count(SIZES.ints)} ints`, query: BENCH_QUERIES.ints, count: SIZES.ints },
    { label: `raw PULL all ${count(SIZES.maps)} 5-key maps`, query: BENCH_QUERIES.maps, count: SIZES.maps },
    { label: `raw PULL all ${count(SIZES.nodes)} nodes`, query: BENCH_QUERIES.nodes, count: SIZES.nodes },
  ];
  const version = QUIVER_NEWEST_VERSION;
  const quiverWorker = await startServerWorker({ kind: 'quiver' });
  const replayWorker = await startServerWorker({
    kind: 'replay',
    version,
    streams: scenarios.map(({ query, count: n }) => ({ query, count: n })),
  });
  const results: BenchResult[] = [];
  const clients: CountingClient[] = [];
  try {
    const quiver = { worker: quiverWorker, client: await CountingClient.open(quiverWorker.port, version) };
    const replay = { worker: replayWorker, client: await CountingClient.open(replayWorker.port, version) };
    clients.push(quiver.client, replay.client);
    console.log(`  raw client over Bolt ${version.major}.${version.minor}; ${await loadAverage()}`);
    for (const scenario of scenarios) results.push(...(await measureScenario(scenario, quiver, replay)));
    console.log(`  done; ${await loadAverage()}`);
  } finally {
    for (const client of clients) client.close();
    await quiverWorker.close();
    await replayWorker.close();
  }
  return results;
}
