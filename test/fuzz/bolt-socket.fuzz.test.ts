// Time-boxed fuzzing of the Bolt server over real sockets. Budget: QUIVER_FUZZ_SECONDS in total (default 8),
// shared by the properties below; QUIVER_FC_SEED picks another seed. Clients send garbage, valid sessions
// with mutated chunks, truncated messages, huge chunk sizes and random message structs. Whatever they send,
// the server must answer or close cleanly, log no unexpected error, keep serving a healthy connection that
// runs queries throughout, and afterwards still serve an official driver.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import neo4j from 'neo4j-driver-6';
import { BoltClient, basicAuth } from '../../src/bolt/index.js';
import { MessageWriter } from '../../src/bolt/transport/index.js';
import { Packer } from '../../src/packstream/index.js';
import { packValueArbitrary } from './packstream-support.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const budgetSeconds = Number(process.env['QUIVER_FUZZ_SECONDS'] ?? '8');
const BUDGET_MS = (Number.isFinite(budgetSeconds) && budgetSeconds > 0 ? budgetSeconds : 8) * 1000;
const seedText = process.env['QUIVER_FC_SEED'];
const SEED = seedText === undefined ? 0xb017 : Number(seedText);
/** How long a fuzz connection waits for the server after its last byte before hanging up itself. */
const QUIET_MS = 15;
const MAX_MESSAGE_BYTES = 16 * 1024;

function parameters(share: number): fc.Parameters<unknown> {
  return {
    seed: SEED,
    numRuns: 1_000_000,
    plugins: [fc.interruptAfterTimeLimit(Math.max(300, BUDGET_MS * share))],
  };
}

/** Frames message structs (tag + fields) into chunks. */
function frame(messages: readonly (readonly [number, ...unknown[]])[], maxChunkSize = 0xffff): number[] {
  const writer = new MessageWriter(new Packer(), { maxChunkSize });
  for (const [tag, ...fields] of messages) {
    writer.writeMessage((packer) => {
      packer.writeStructHeader(fields.length, tag);
      for (const field of fields) packer.packValue(field);
    });
  }
  return [...writer.takeOutput()];
}

/** Exactly Bolt `major.minor`, as the only proposal. */
function handshake(major: number, minor: number): number[] {
  return [0x60, 0x60, 0xb0, 0x17, 0, 0, minor, major, ...new Array<number>(12).fill(0)];
}

const AUTH = { scheme: 'basic', principal: 'neo4j', credentials: 'password' };

/** A valid Bolt 5.4 session: login, an auto-commit query, an explicit transaction, RESET, GOODBYE. */
function validSession(chunkSize: number): number[] {
  return [
    ...handshake(5, 4),
    ...frame(
      [
        [0x01, { user_agent: 'fuzz/1.0', bolt_agent: { product: 'fuzz/1.0' } }],
        [0x6a, AUTH],
        [0x10, 'UNWIND range(1, $n) AS i RETURN i', { n: 20n }, {}],
        [0x3f, { n: 5n }],
        [0x2f, { n: -1n }],
        [0x11, { mode: 'r' }],
        [0x10, 'RETURN $x AS x', { x: [1n, 'two', { three: 3.0 }] }, {}],
        [0x3f, { n: -1n }],
        [0x12],
        [0x0f],
        [0x02],
      ],
      chunkSize,
    ),
  ];
}

type Mutation =
  | { readonly kind: 'flip'; readonly at: number; readonly bit: number }
  | { readonly kind: 'set'; readonly at: number; readonly byte: number }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'insert'; readonly at: number; readonly bytes: readonly number[] }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number };

const at = fc.nat({ max: 4096 });
const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at, bit: fc.nat({ max: 7 }) }),
  fc.record({ kind: fc.constant('set' as const), at, byte: fc.nat({ max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at }),
  fc.record({
    kind: fc.constant('insert' as const),
    at,
    bytes: fc.oneof(
      fc.constantFrom(
        [0xff, 0xff],
        [0x00, 0x00],
        [0x7f, 0xff, 0xb1],
        [0xd2, 0x7f, 0xff, 0xff, 0xff],
        [0xdd, 0xff, 0xff],
      ),
      fc.array(fc.nat({ max: 255 }), { maxLength: 8 }),
    ),
  }),
  fc.record({ kind: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 8 }) }),
);

function mutate(bytes: readonly number[], mutation: Mutation): number[] {
  // Leave the 20 handshake bytes alone most of the time: the interesting code is after them.
  const position = 20 + (mutation.at % Math.max(1, bytes.length - 19));
  const out = [...bytes];
  switch (mutation.kind) {
    case 'flip':
      if (position < out.length) out[position] = (out[position] ?? 0) ^ (1 << mutation.bit);
      return out;
    case 'set':
      if (position < out.length) out[position] = mutation.byte;
      return out;
    case 'truncate':
      return out.slice(0, position);
    case 'insert':
      out.splice(position, 0, ...mutation.bytes);
      return out;
    case 'delete':
      out.splice(position, mutation.length);
      return out;
  }
}

/**
 * Sends `bytes` (split into `parts` writes) on a new connection and reads until the server closes it or
 * stays quiet for a moment; resolves with how the connection ended.
 */
const outcomes = { 'closed by server': 0, quiet: 0 };

function sendRaw(port: number, bytes: readonly number[], parts = 1): Promise<'closed by server' | 'quiet'> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let quiet: NodeJS.Timeout | undefined;
    let settled = false;
    const settle = (outcome: 'closed by server' | 'quiet'): void => {
      if (settled) return;
      settled = true;
      outcomes[outcome]++;
      clearTimeout(quiet);
      socket.destroy();
      resolve(outcome);
    };
    const arm = (): void => {
      clearTimeout(quiet);
      quiet = setTimeout(() => {
        settle('quiet');
      }, QUIET_MS);
    };
    socket.on('data', arm);
    socket.on('error', () => undefined);
    socket.once('close', () => {
      settle('closed by server');
    });
    socket.once('connect', () => {
      const buffer = Buffer.from(bytes);
      const size = Math.max(1, Math.ceil(buffer.length / parts));
      for (let offset = 0; offset < buffer.length; offset += size)
        socket.write(buffer.subarray(offset, offset + size));
      arm();
    });
    setTimeout(() => {
      reject(new Error('a fuzz connection hung'));
    }, 5000).unref();
  });
}

describe('Bolt server fuzzing over sockets', () => {
  let server: TestServer;
  let healthy: BoltClient;
  let healthyQueries = 0;
  let healthyTimer: NodeJS.Timeout | undefined;
  let healthyFailure: unknown = null;

  before(async () => {
    server = await startTestServer({ maxMessageBytes: MAX_MESSAGE_BYTES, handshakeTimeoutMs: 1000 });
    healthy = await BoltClient.connect({ port: server.port });
    await healthy.login(basicAuth('neo4j', 'password'));
    const tick = (): void => {
      healthy.query('RETURN 5 AS x').then(
        (result) => {
          assert.deepEqual(result.records, [[5n]]);
          healthyQueries++;
          healthyTimer = setTimeout(tick, 20);
        },
        (error: unknown) => {
          healthyFailure = error;
        },
      );
    };
    tick();
  });

  after(async () => {
    clearTimeout(healthyTimer);
    await healthy.goodbye();
    await server.close();
  });

  test('random bytes are answered or closed, never crash the server', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 256 }).map((bytes) => [...bytes]),
          fc.uint8Array({ maxLength: 256 }).map((bytes) => [...handshake(5, 4), ...bytes]),
          fc.uint8Array({ maxLength: 64 }).map((bytes) => [0x60, 0x60, 0xb0, 0x17, ...bytes]),
        ),
        fc.integer({ min: 1, max: 4 }),
        async (bytes, parts) => {
          await sendRaw(server.port, bytes, parts);
        },
      ),
      parameters(0.2),
    );
  });

  test('valid sessions with mutated or truncated chunks are answered or closed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(0xffff, 7, 1),
        fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 3 }),
        async (chunkSize, mutations, parts) => {
          const bytes = mutations.reduce(mutate, validSession(chunkSize));
          await sendRaw(server.port, bytes, parts);
        },
      ),
      parameters(0.3),
    );
  });

  test('random message structs, before and after login, fail or close cleanly', async () => {
    const versions = [
      [1, 0],
      [3, 0],
      [4, 4],
      [5, 4],
      [5, 8],
      [6, 0],
    ] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...versions),
        fc.boolean(),
        fc.array(
          fc.tuple(
            fc.oneof(
              fc.constantFrom(0x01, 0x02, 0x0f, 0x10, 0x11, 0x12, 0x13, 0x2f, 0x3f, 0x54, 0x66, 0x6a, 0x6b),
              fc.nat({ max: 127 }),
            ),
            fc.array(packValueArbitrary, { maxLength: 4 }),
          ),
          { minLength: 1, maxLength: 6 },
        ),
        async ([major, minor], login, messages) => {
          const prefix: (readonly [number, ...unknown[]])[] = [];
          if (login) {
            if (major < 3) prefix.push([0x01, 'fuzz/1.0', AUTH]);
            else if (major === 5 && minor >= 1) prefix.push([0x01, { user_agent: 'fuzz/1.0' }], [0x6a, AUTH]);
            else if (major >= 6) prefix.push([0x01, { user_agent: 'fuzz/1.0' }], [0x6a, AUTH]);
            else prefix.push([0x01, { user_agent: 'fuzz/1.0', ...AUTH }]);
          }
          const structs = messages.map(([tag, fields]) => [tag, ...fields] as const);
          let bytes: number[];
          try {
            bytes = [...handshake(major, minor), ...frame([...prefix, ...structs])];
          } catch {
            return; // a value the Packer cannot encode (not a server question)
          }
          await sendRaw(server.port, bytes);
        },
      ),
      parameters(0.3),
    );
  });

  test('huge chunk sizes and oversized messages are refused without buffering them', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 0xffff }),
        async (chunks, size) => {
          const bytes = [...handshake(5, 4)];
          for (let index = 0; index < chunks; index++) {
            bytes.push(0xff, 0xff, ...new Array<number>(Math.min(size, 0xffff)).fill(0xb1));
          }
          await sendRaw(server.port, bytes, 3);
        },
      ),
      parameters(0.1),
    );
  });

  test('afterwards the server is healthy: nothing unexpected was logged and a driver still works', async (t) => {
    t.diagnostic(
      `${outcomes['closed by server']} connections closed by the server, ${outcomes.quiet} left open; ` +
        `${healthyQueries} queries on the healthy connection meanwhile`,
    );
    assert.equal(healthyFailure, null, 'the healthy connection kept working during the fuzzing');
    assert.ok(healthyQueries > 0);
    assert.deepEqual(
      server.logs.errors().map((line) => `${line.message}: ${String(line.error)}`),
      [],
    );
    const driver = neo4j.driver(`bolt://127.0.0.1:${server.port}`, neo4j.auth.basic('neo4j', 'password'));
    try {
      const result = await driver.executeQuery('RETURN 1 AS x');
      assert.equal(neo4j.integer.toNumber(result.records[0]?.get('x') as number), 1);
    } finally {
      await driver.close();
    }
  });
});
