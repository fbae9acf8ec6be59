import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Harness, wire } from '../../../../test/support/bolt-harness.js';
import { fromHex } from '../../../util/index.js';

const SERVERS = [
  { addresses: ['localhost:7687'], role: 'WRITE' },
  { addresses: ['localhost:7687'], role: 'READ' },
  { addresses: ['localhost:7687'], role: 'ROUTE' },
];

async function loggedIn(version: string): Promise<Harness> {
  const bolt = new Harness(version);
  await bolt.login();
  bolt.output.clear();
  return bolt;
}

/** bolt-spec-digest Appendix A, "Bolt 4.4 routing", without chunk header and end marker. */
const APPENDIX_A_ROUTE_SUCCESS =
  'B1 70 A1 82 72 74 A3 83 74 74 6C C9 01 2C 82 64 62 85 6E 65 6F 34 6A 87 73 65 72 76 65 72 73 93 A2 89 61 64 64 72 65 73 73 65 73 91 8E 6C 6F 63 61 6C 68 6F 73 74 3A 37 36 38 37 84 72 6F 6C 65 85 57 52 49 54 45 A2 89 61 64 64 72 65 73 73 65 73 91 8E 6C 6F 63 61 6C 68 6F 73 74 3A 37 36 38 37 84 72 6F 6C 65 84 52 45 41 44 A2 89 61 64 64 72 65 73 73 65 73 91 8E 6C 6F 63 61 6C 68 6F 73 74 3A 37 36 38 37 84 72 6F 6C 65 85 52 4F 55 54 45';

describe('ROUTE', () => {
  test('answers the routing table without db on Bolt 4.3', async () => {
    const bolt = await loggedIn('4.3');
    const [success] = await bolt.send(wire.route({ address: 'localhost:7687' }, [], null));
    assert.deepEqual(success?.metadata, { rt: { ttl: 300n, servers: SERVERS } });
    assert.equal(bolt.state, 'READY');
  });

  test('names the resolved database from Bolt 4.4, byte for byte as Appendix A', async () => {
    const bolt = await loggedIn('4.4');
    const [success] = await bolt.send(wire.route({ address: 'localhost:7687' }, [], {}));
    assert.deepEqual(success?.bytes, fromHex(APPENDIX_A_ROUTE_SUCCESS));
  });

  test('echoes the address the client dialled and resolves the requested database', async () => {
    const bolt = await loggedIn('5.0');
    const [success] = await bolt.send(wire.route({ address: 'db.example:9999' }, ['bm:0'], { db: 'system' }));
    const rt = success?.metadata['rt'] as { db: string; servers: { addresses: string[] }[] };
    assert.equal(rt.db, 'system');
    assert.deepEqual(rt.servers[0]?.addresses, ['db.example:9999']);
  });

  test('fails for an unknown database and keeps the connection', async () => {
    const bolt = await loggedIn('4.4');
    const [failure] = await bolt.send(wire.route({}, [], { db: 'missing' }));
    assert.equal(failure?.metadata['code'], 'Neo.ClientError.Database.DatabaseNotFound');
    assert.equal(bolt.state, 'FAILED');
  });

  test('leaves the pre-4.3 routing procedures to the backend as queries', async () => {
    const bolt = await loggedIn('4.0');
    const responses = await bolt.send(
      wire.run(
        'CALL dbms.routing.getRoutingTable($context, $database)',
        { context: { address: 'localhost:7687' }, database: null },
        { db: 'system', mode: 'r' },
      ),
      wire.pull(-1n),
    );
    assert.deepEqual(responses[0]?.metadata['fields'], ['ttl', 'servers']);
    assert.deepEqual(responses[1]?.values, [300n, SERVERS]);
    assert.equal(responses[2]?.metadata['db'], 'system');
  });
});
