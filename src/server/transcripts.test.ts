// Raw-byte Bolt sessions over real TCP sockets (bolt-spec-digest Appendix A): what goes over the wire must
// match the transcripts byte for byte.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { protocolVersion } from '../bolt/index.js';
import { toHex } from '../util/index.js';
import { RawClient, startTestServer, type TestServer } from '../../test/support/test-server.js';

const HANDSHAKE_JS_5_26 = '60 60 B0 17  00 07 07 05  00 02 04 04  00 00 01 04  00 00 00 03';
const HELLO_5_4 =
  '00 43 B1 01 A2 8A 75 73 65 72 5F 61 67 65 6E 74 87 61 70 70 2F 31 2E 30 8A 62 6F 6C 74 5F 61 67 65 6E 74 A1 87 ' +
  '70 72 6F 64 75 63 74 D0 17 6E 65 6F 34 6A 2D 6A 61 76 61 73 63 72 69 70 74 2F 35 2E 32 36 2E 30 00 00';
const LOGON_PW =
  '00 2F B1 6A A3 86 73 63 68 65 6D 65 85 62 61 73 69 63 89 70 72 69 6E 63 69 70 61 6C 85 6E 65 6F 34 6A 8B 63 72 ' +
  '65 64 65 6E 74 69 61 6C 73 82 70 77 00 00';
const HELLO_SUCCESS =
  '00 33 B1 70 A3 86 73 65 72 76 65 72 8C 4E 65 6F 34 6A 2F 35 2E 32 36 2E 30 8D 63 6F 6E 6E 65 63 74 69 6F 6E 5F ' +
  '69 64 86 62 6F 6C 74 2D 31 85 68 69 6E 74 73 A0 00 00';
const SUCCESS_EMPTY = '00 03 B1 70 A0 00 00';
const RUN_X = '00 16 B3 10 8E 52 45 54 55 52 4E 20 24 78 20 41 53 20 78 A1 81 78 01 A0 00 00';
const PULL_1000 = '00 08 B1 3F A1 81 6E C9 03 E8 00 00';
const SUCCESS_FIELDS_X = '00 16 B1 70 A2 86 66 69 65 6C 64 73 91 81 78 87 74 5F 66 69 72 73 74 00 00 00';
const RECORD_1 = '00 04 B1 71 91 01 00 00';
const SUCCESS_FINAL =
  '00 29 B1 70 A4 88 62 6F 6F 6B 6D 61 72 6B 84 62 6D 3A 31 84 74 79 70 65 81 72 86 74 5F 6C 61 73 74 00 82 64 62 ' +
  '85 6E 65 6F 34 6A 00 00';
const GOODBYE = '00 02 B0 02 00 00';
const ROUTE_LOCALHOST =
  '00 1C B3 66 A1 87 61 64 64 72 65 73 73 8E 6C 6F 63 61 6C 68 6F 73 74 3A 37 36 38 37 90 A0 00 00';
const ROUTE_SUCCESS =
  '00 91 B1 70 A1 82 72 74 A3 83 74 74 6C C9 01 2C 82 64 62 85 6E 65 6F 34 6A 87 73 65 72 76 65 72 73 93 A2 89 61 ' +
  '64 64 72 65 73 73 65 73 91 8E 6C 6F 63 61 6C 68 6F 73 74 3A 37 36 38 37 84 72 6F 6C 65 85 57 52 49 54 45 A2 89 ' +
  '61 64 64 72 65 73 73 65 73 91 8E 6C 6F 63 61 6C 68 6F 73 74 3A 37 36 38 37 84 72 6F 6C 65 84 52 45 41 44 A2 89 ' +
  '61 64 64 72 65 73 73 65 73 91 8E 6C 6F 63 61 6C 68 6F 73 74 3A 37 36 38 37 84 72 6F 6C 65 85 52 4F 55 54 45 ' +
  '00 00';

function hex(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

async function expectBytes(client: RawClient, expected: string): Promise<void> {
  const want = hex(expected);
  const got = toHex(await client.read(want.split(' ').length));
  assert.equal(got, want);
}

describe('Appendix A transcripts over TCP', () => {
  let server: TestServer;

  before(async () => {
    // The digest's server speaks up to 5.4 and knows the password "pw".
    const versions = ['3.0', '4.0', '4.1', '4.2', '4.3', '4.4', '5.0', '5.1', '5.2', '5.3', '5.4'].map(
      (text) => {
        const [major = 0, minor = 0] = text.split('.').map(Number);
        return protocolVersion(major, minor);
      },
    );
    server = await startTestServer({ versions, backendOptions: { users: { neo4j: 'pw' } } });
  });

  after(async () => {
    await server.close();
  });

  test('a Bolt 5.4 session (JS 5.26 proposals) is answered byte for byte', async () => {
    const client = await RawClient.connect(server.port);
    client.write(HANDSHAKE_JS_5_26);
    await expectBytes(client, '00 00 04 05');
    client.write(`${HELLO_5_4} ${LOGON_PW}`);
    await expectBytes(client, `${HELLO_SUCCESS} ${SUCCESS_EMPTY}`);
    client.write(`${RUN_X} ${PULL_1000}`);
    await expectBytes(client, `${SUCCESS_FIELDS_X} ${RECORD_1}`);
    await expectBytes(client, SUCCESS_FINAL);
    client.write(GOODBYE);
    await client.readToEnd();
    assert.equal(client.bufferedBytes, 0);
    assert.deepEqual(server.logs.errors(), []);
  });

  test('a Bolt 4.4 ROUTE is answered with the routing table of the transcript', async () => {
    const client = await RawClient.connect(server.port);
    client.write('60 60 B0 17  00 02 04 04  00 00 01 04  00 00 00 04  00 00 00 03');
    await expectBytes(client, '00 00 04 04');
    // HELLO {user_agent, scheme, principal, credentials} for 4.4
    client.write(
      '00 42 B1 01 A4 8A 75 73 65 72 5F 61 67 65 6E 74 87 61 70 70 2F 31 2E 30 86 73 63 68 65 6D 65 85 62 61 73 69 ' +
        '63 89 70 72 69 6E 63 69 70 61 6C 85 6E 65 6F 34 6A 8B 63 72 65 64 65 6E 74 69 61 6C 73 82 70 77 00 00',
    );
    const hello = toHex(await client.readMessage());
    assert.ok(hello.startsWith('b1 70'), hello);
    client.write(ROUTE_LOCALHOST);
    await expectBytes(client, ROUTE_SUCCESS);
    client.write(GOODBYE);
    await client.readToEnd();
  });

  test('bytes split at every position still give the same session', async () => {
    const client = await RawClient.connect(server.port);
    const bytes = hex(HANDSHAKE_JS_5_26).split(' ');
    for (const byte of bytes) {
      client.write(byte);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await expectBytes(client, '00 00 04 05');
    for (const byte of hex(`${HELLO_5_4} ${LOGON_PW}`).split(' ')) client.write(byte);
    await expectBytes(client, `${HELLO_SUCCESS.replace('2D 31', '2D 33')} ${SUCCESS_EMPTY}`);
    client.destroy();
  });
});
