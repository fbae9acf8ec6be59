/**
 * The message flows real drivers send (driver-matrix §b, bolt-spec-digest §9.1 and Appendix A), pipelined
 * the way they arrive. The Appendix A session runs through the real chunk decoder, unpacker and chunk
 * writer, and the server's bytes are compared with the digest's.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Harness, wire } from '../../../test/support/bolt-harness.js';
import { TestBackend } from '../../../test/support/test-backend.js';
import { Packer, Unpacker } from '../../packstream/index.js';
import { fromHex, toHex } from '../../util/index.js';
import { ChunkDecoder, MessageWriter } from '../transport/index.js';
import { getBoltVersion } from '../versions/index.js';
import { BoltStateMachine } from './machine.js';
import type { BoltOutput } from './output.js';

/** Frames responses with the transport's MessageWriter and keeps each flush as one socket write. */
class ChunkedOutput implements BoltOutput {
  readonly writer = new MessageWriter(new Packer());
  readonly packer = this.writer.packer;
  readonly writes: Uint8Array[] = [];
  closed = false;

  beginMessage(): void {
    this.writer.beginMessage();
  }

  endMessage(): void {
    this.writer.endMessage();
  }

  discardMessage(): void {
    this.writer.discardMessage();
  }

  flush(): void {
    if (this.writer.pendingBytes > 0) this.writes.push(this.writer.takeOutput());
  }

  close(): void {
    this.closed = true;
  }

  /** Everything written so far, as one hex string. */
  hex(): string {
    return this.writes.map((bytes) => toHex(bytes)).join(' ');
  }
}

/** Feeds chunked client bytes through the chunk decoder and the unpacker into the machine. */
function feed(machine: BoltStateMachine, decoder: ChunkDecoder, hex: string): void {
  const unpacker = new Unpacker();
  decoder.push(fromHex(hex), (bytes, start, end) => {
    const message = bytes.subarray(start, end);
    const header = unpacker.readStructHeader(message);
    const fields: unknown[] = [];
    for (let index = 0; index < header.fieldCount; index++)
      fields.push(unpacker.unpack(message, unpacker.offset));
    machine.receive(header.tag, fields);
  });
}

const APPENDIX_A = {
  hello:
    '00 43 B1 01 A2 8A 75 73 65 72 5F 61 67 65 6E 74 87 61 70 70 2F 31 2E 30 8A 62 6F 6C 74 5F 61 67 65 6E 74 A1 87 70 72 6F 64 75 63 74 D0 17 6E 65 6F 34 6A 2D 6A 61 76 61 73 63 72 69 70 74 2F 35 2E 32 36 2E 30 00 00',
  logon:
    '00 2F B1 6A A3 86 73 63 68 65 6D 65 85 62 61 73 69 63 89 70 72 69 6E 63 69 70 61 6C 85 6E 65 6F 34 6A 8B 63 72 65 64 65 6E 74 69 61 6C 73 82 70 77 00 00',
  helloSuccess:
    '00 33 B1 70 A3 86 73 65 72 76 65 72 8C 4E 65 6F 34 6A 2F 35 2E 32 36 2E 30 8D 63 6F 6E 6E 65 63 74 69 6F 6E 5F 69 64 86 62 6F 6C 74 2D 31 85 68 69 6E 74 73 A0 00 00',
  logonSuccess: '00 03 B1 70 A0 00 00',
  run: '00 16 B3 10 8E 52 45 54 55 52 4E 20 24 78 20 41 53 20 78 A1 81 78 01 A0 00 00',
  pull: '00 08 B1 3F A1 81 6E C9 03 E8 00 00',
  runSuccess: '00 16 B1 70 A2 86 66 69 65 6C 64 73 91 81 78 87 74 5F 66 69 72 73 74 00 00 00',
  record: '00 04 B1 71 91 01 00 00',
  finalSuccess:
    '00 29 B1 70 A4 88 62 6F 6F 6B 6D 61 72 6B 84 62 6D 3A 31 84 74 79 70 65 81 72 86 74 5F 6C 61 73 74 00 82 64 62 85 6E 65 6F 34 6A 00 00',
  goodbye: '00 02 B0 02 00 00',
};

describe('the Appendix A Bolt 5.4 session', () => {
  test('produces the digest bytes for HELLO+LOGON, RUN+PULL and GOODBYE', async () => {
    const output = new ChunkedOutput();
    const machine = new BoltStateMachine({
      version: getBoltVersion({ major: 5, minor: 4 }),
      backend: new TestBackend({ users: { neo4j: 'pw' } }),
      output,
      connectionId: 'bolt-1',
      now: () => 0,
    });
    const decoder = new ChunkDecoder();
    feed(machine, decoder, `${APPENDIX_A.hello} ${APPENDIX_A.logon}`);
    await machine.whenIdle();
    assert.equal(output.hex(), toHex(fromHex(`${APPENDIX_A.helloSuccess} ${APPENDIX_A.logonSuccess}`)));
    output.writes.length = 0;
    feed(machine, decoder, `${APPENDIX_A.run} ${APPENDIX_A.pull}`);
    await machine.whenIdle();
    const expected = `${APPENDIX_A.runSuccess} ${APPENDIX_A.record} ${APPENDIX_A.finalSuccess}`;
    assert.equal(output.hex(), toHex(fromHex(expected)));
    assert.equal(output.writes.length, 1, 'one socket write for the whole batch');
    feed(machine, decoder, APPENDIX_A.goodbye);
    await machine.whenIdle();
    assert.equal(machine.state, 'DEFUNCT');
    assert.equal(output.closed, true);
  });
});

describe('driver flows', () => {
  test('JS 5.28 on Bolt 5.8: telemetry, auto-commit, read transaction, failure, executeQuery', async () => {
    const bolt = new Harness('5.8', { telemetryEnabled: true, ssrEnabled: false });
    const login = await bolt.send(
      wire.hello({
        user_agent: 'neo4j-javascript/5.28.3',
        bolt_agent: { product: 'neo4j-javascript/5.28.3', platform: 'linux', language_details: 'Node/20' },
        routing: { address: 'localhost:7687' },
      }),
      wire.logon(),
    );
    assert.deepEqual(login[0]?.metadata['hints'], { 'telemetry.enabled': true, 'ssr.enabled': false });

    const auto = await bolt.send(wire.telemetry(2n), wire.run('RETURN 1 AS x'), wire.pull(1000n));
    assert.deepEqual(
      auto.map((response) => response.kind),
      ['SUCCESS', 'SUCCESS', 'RECORD', 'SUCCESS'],
    );
    assert.deepEqual(auto[1]?.metadata, { fields: ['x'], t_first: 0n, db: 'neo4j' });
    assert.equal(auto[3]?.metadata['bookmark'], 'bm:1');

    const readTx = await bolt.kinds(
      wire.telemetry(0n),
      wire.begin({ mode: 'r', bookmarks: ['bm:1'] }),
      wire.run('RETURN 1 AS x'),
      wire.pull(1000n),
      wire.commit(),
    );
    assert.deepEqual(readTx, ['SUCCESS', 'SUCCESS', 'SUCCESS', 'RECORD', 'SUCCESS', 'SUCCESS']);
    assert.equal(bolt.backend.transactions[1]?.request.mode, 'r');

    const failure = await bolt.send(wire.run('FAIL Neo.ClientError.Statement.SyntaxError'), wire.pull(1000n));
    assert.deepEqual(
      failure.map((response) => response.kind),
      ['FAILURE', 'IGNORED'],
    );
    assert.equal(failure[0]?.metadata['neo4j_code'], 'Neo.ClientError.Statement.SyntaxError');
    assert.equal(failure[0].metadata['gql_status'], '42001');
    assert.deepEqual(await bolt.kinds(wire.reset()), ['SUCCESS']);

    const executeQuery = await bolt.kinds(
      wire.telemetry(3n),
      wire.begin({ db: 'neo4j', bookmarks: ['bm:2'] }),
      wire.run('CREATE (:Item)'),
      wire.pull(1000n),
      wire.commit(),
    );
    assert.deepEqual(executeQuery, ['SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS']);
    assert.deepEqual(bolt.output.responses.at(-1)?.metadata, { bookmark: 'bm:3' });
    assert.deepEqual(await bolt.kinds(wire.route({ address: 'localhost:7687' }, [], {})), ['SUCCESS']);
    assert.deepEqual(await bolt.kinds(wire.goodbye()), []);
    assert.equal(bolt.output.closed, true);
  });

  test('JS 4.4 on Bolt 4.4: utc patch, RESET on every release, ROUTE then BEGIN on the home database', async () => {
    const bolt = new Harness('4.4');
    const [hello] = await bolt.login({ patch_bolt: ['utc'], routing: { address: 'localhost:7687' } });
    assert.deepEqual(hello?.metadata['patch_bolt'], ['utc']);
    assert.deepEqual(await bolt.kinds(wire.reset()), ['SUCCESS']);
    const [route] = await bolt.send(wire.route({ address: 'localhost:7687' }, [], {}));
    const home = (route?.metadata['rt'] as { db: string }).db;
    const kinds = await bolt.kinds(
      wire.begin({ db: home, mode: 'r' }),
      wire.run('RETURN 1 AS x'),
      wire.pull(1000n),
      wire.commit(),
    );
    assert.deepEqual(kinds, ['SUCCESS', 'SUCCESS', 'RECORD', 'SUCCESS', 'SUCCESS']);
    // The RESET of the pool release comes after the answers, not in the same write.
    assert.deepEqual(await bolt.kinds(wire.reset()), ['SUCCESS']);
  });

  test('JS 1.7 on Bolt 3: routing procedure, read transaction, failure and RESET', async () => {
    const bolt = new Harness('3.0');
    await bolt.login();
    const routing = await bolt.send(
      wire.run('CALL dbms.cluster.routing.getRoutingTable($context)', { context: {} }),
      wire.pullAll(),
    );
    assert.deepEqual(routing[0]?.metadata['fields'], ['ttl', 'servers']);
    assert.equal(routing[1]?.values[0], 300n);
    const readTx = await bolt.kinds(
      wire.begin({ mode: 'r' }),
      wire.run('RETURN 1 AS x', {}, { mode: 'r' }),
      wire.pullAll(),
      wire.commit(),
    );
    assert.deepEqual(readTx, ['SUCCESS', 'SUCCESS', 'RECORD', 'SUCCESS', 'SUCCESS']);
    assert.deepEqual(await bolt.kinds(wire.reset()), ['SUCCESS']);
    assert.deepEqual(
      await bolt.kinds(wire.run('FAIL Neo.ClientError.Statement.SyntaxError'), wire.pullAll()),
      ['FAILURE', 'IGNORED'],
    );
    assert.deepEqual(await bolt.kinds(wire.reset(), wire.reset()), ['SUCCESS', 'SUCCESS']);
  });

  test('Python 5.25 on Bolt 5.7: a result consumed early is discarded and still committed', async () => {
    const bolt = new Harness('5.7');
    await bolt.login({ bolt_agent: { product: 'neo4j-python/5.25.0', language: 'Python/3.12' } });
    const kinds = await bolt.kinds(
      wire.run('UNWIND range(1, $n) AS i CREATE (:Item) RETURN i', { n: 2000n }),
      wire.pull(1000n),
    );
    assert.equal(kinds.length, 1002);
    const [final] = await bolt.send(wire.discard(-1n));
    assert.equal(final?.metadata['bookmark'], 'bm:1');
    assert.equal(bolt.backend.nodeCount, 2000);
  });

  test('Go 4.4 on Bolt 4.4: verifyConnectivity runs a read query', async () => {
    const bolt = new Harness('4.4');
    await bolt.login();
    const kinds = await bolt.kinds(wire.run('RETURN 1 AS n', {}, { mode: 'r' }), wire.pull(1000n));
    assert.deepEqual(kinds, ['SUCCESS', 'RECORD', 'SUCCESS']);
  });

  test('JS 6 with two open results pulls them by qid', async () => {
    const bolt = new Harness('6.0');
    await bolt.login();
    const kinds = await bolt.kinds(
      wire.begin(),
      wire.run('UNWIND range(1, $n) AS i RETURN i', { n: 3n }),
      wire.run('UNWIND range(1, $n) AS i RETURN i', { n: 3n }),
      wire.pull(2n, 1n),
      wire.pull(2n, 0n),
      wire.pull(2n, 1n),
      wire.pull(2n, 0n),
      wire.commit(),
    );
    assert.deepEqual(kinds, [
      'SUCCESS',
      'SUCCESS',
      'SUCCESS',
      'RECORD',
      'RECORD',
      'SUCCESS',
      'RECORD',
      'RECORD',
      'SUCCESS',
      'RECORD',
      'SUCCESS',
      'RECORD',
      'SUCCESS',
      'SUCCESS',
    ]);
  });
});
