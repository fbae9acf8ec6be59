// The one-port listener over real sockets: transport sniffing, limits, timeouts, TLS policy, shutdown.
import assert from 'node:assert/strict';
import { get } from 'node:http';
import { connect as connectTls } from 'node:tls';
import { describe, test } from 'node:test';
import { WebSocket } from 'ws';
import { BoltClient, basicAuth, protocolVersion } from '../bolt/index.js';
import { toHex } from '../util/index.js';
import { makeTestCertificate, OPENSSL_MISSING } from '../../test/support/tls.js';
import { bindAddressOf } from './listeners.js';
import { delay, RawClient, startTestServer, waitFor } from '../../test/support/test-server.js';

const HANDSHAKE_4_4 = '60 60 B0 17 00 00 04 04 00 00 00 00 00 00 00 00 00 00 00 00';
const certificate = makeTestCertificate();

describe('listener: transports on one port', () => {
  test('bytes that are neither Bolt, HTTP nor TLS are closed without a reply', async () => {
    const server = await startTestServer();
    try {
      for (const garbage of ['00 01 02 03 04 05', '50 52 4F 58 59 20 54 43 50', '16 03 01 00 10']) {
        const client = await RawClient.connect(server.port);
        client.write(garbage);
        assert.equal((await client.readToEnd()).length, 0, garbage);
      }
    } finally {
      await server.close();
    }
  });

  test('a plain HTTP GET gets the discovery document', async () => {
    const server = await startTestServer();
    try {
      const body = await new Promise<string>((resolve, reject) => {
        get(`http://127.0.0.1:${server.port}/`, (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () => {
            resolve(text);
          });
        }).on('error', reject);
      });
      assert.deepEqual(JSON.parse(body), {
        bolt_direct: `bolt://127.0.0.1:${server.port}`,
        bolt_routing: `neo4j://127.0.0.1:${server.port}`,
      });
    } finally {
      await server.close();
    }
  });

  test('WebSocket frame boundaries carry no meaning: a handshake split over frames works', async () => {
    const server = await startTestServer();
    try {
      const socket = new WebSocket(`ws://127.0.0.1:${server.port}/`);
      const received: Buffer[] = [];
      socket.on('message', (data: Buffer) => received.push(data));
      await new Promise((resolve) => socket.once('open', resolve));
      const bytes = Buffer.from(HANDSHAKE_4_4.replace(/ /g, ''), 'hex');
      for (const part of [bytes.subarray(0, 3), bytes.subarray(3, 11), bytes.subarray(11)]) socket.send(part);
      await waitFor(() => Buffer.concat(received).length >= 4, 3000, 'the version reply');
      assert.equal(toHex(Buffer.concat(received)), '00 00 04 04');
      socket.close();
    } finally {
      await server.close();
    }
  });
});

describe('listener: bind address', () => {
  test('localhost binds the IPv4 loopback without a lookup; other hosts are bound as given', async () => {
    assert.equal(bindAddressOf('localhost'), '127.0.0.1');
    assert.equal(bindAddressOf('LocalHost'), '127.0.0.1');
    for (const host of ['127.0.0.1', '0.0.0.0', '::', '::1', 'db.example.com', 'localhost.example.com']) {
      assert.equal(bindAddressOf(host), host);
    }
    const server = await startTestServer({ host: 'localhost' });
    try {
      assert.equal(server.server.address, '127.0.0.1');
      const client = await BoltClient.connect({ host: 'localhost', port: server.port });
      await client.login(basicAuth('neo4j', 'password'));
      await client.goodbye();
    } finally {
      await server.close();
    }
  });
});

describe('listener: limits and timeouts', () => {
  test('connections above the limit are closed without a byte; a freed slot is reused', async () => {
    const server = await startTestServer({ maxConnections: 2 });
    try {
      const first = await RawClient.connect(server.port);
      const second = await RawClient.connect(server.port);
      await waitFor(() => server.server.connections().length === 2, 3000, 'two tracked connections');
      const third = await RawClient.connect(server.port);
      assert.equal((await third.readToEnd()).length, 0);
      first.destroy();
      await waitFor(() => server.server.connections().length === 1, 3000, 'the slot to be freed');
      const fourth = await RawClient.connect(server.port);
      fourth.write(HANDSHAKE_4_4);
      assert.equal(toHex(await fourth.read(4)), '00 00 04 04');
      second.destroy();
      fourth.destroy();
      assert.ok(server.logs.lines.some((line) => line.level === 'warn' && line.message.includes('limit')));
    } finally {
      await server.close();
    }
  });

  test('a connection that does not finish the handshake in time is dropped', async () => {
    const server = await startTestServer({ handshakeTimeoutMs: 100 });
    try {
      const silent = await RawClient.connect(server.port);
      const partial = await RawClient.connect(server.port);
      partial.write('60 60 B0 17 00 00');
      const started = Date.now();
      await Promise.all([silent.readToEnd(2000), partial.readToEnd(2000)]);
      assert.ok(Date.now() - started < 1500);
      // A connection that completed the handshake is not affected.
      const client = await BoltClient.connect({ port: server.port });
      await delay(200);
      await client.login(basicAuth('neo4j', 'password'));
      await client.goodbye();
    } finally {
      await server.close();
    }
  });

  test('idle connections are closed after the idle timeout', async () => {
    const server = await startTestServer({ idleTimeoutMs: 100 });
    try {
      const client = await BoltClient.connect({ port: server.port });
      await client.login(basicAuth('neo4j', 'password'));
      const started = Date.now();
      await client.closed;
      assert.ok(Date.now() - started >= 90);
    } finally {
      await server.close();
    }
  });
});

describe('listener: TLS policy', () => {
  const skip = certificate === null ? OPENSSL_MISSING : false;

  test('with TLS required, plaintext Bolt is refused and TLS Bolt works', { skip }, async () => {
    if (certificate === null) return;
    const server = await startTestServer({ tls: { ...certificate, required: true } });
    try {
      const plain = await RawClient.connect(server.port);
      plain.write(HANDSHAKE_4_4);
      assert.equal((await plain.readToEnd()).length, 0);
      const client = await BoltClient.connect({
        port: server.port,
        tls: { ca: certificate.cert, servername: 'localhost' },
      });
      await client.login(basicAuth('neo4j', 'password'));
      assert.deepEqual((await client.query('RETURN 3 AS x')).records, [[3n]]);
      await client.goodbye();
    } finally {
      await server.close();
    }
  });

  test('TLS is refused when the server has no certificate', async () => {
    const server = await startTestServer();
    try {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connectTls({ host: '127.0.0.1', port: server.port, rejectUnauthorized: false });
        socket.once('secureConnect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('error', () => {
          resolve('refused');
        });
      });
      assert.equal(outcome, 'refused');
    } finally {
      await server.close();
    }
  });
});

describe('listener: shutdown', () => {
  test('close() rolls back open transactions and closes every connection', async () => {
    const server = await startTestServer();
    const client = await BoltClient.connect({
      port: server.port,
      proposals: [{ kind: 'VERSION', version: protocolVersion(5, 4) }],
    });
    await client.login(basicAuth('neo4j', 'password'));
    await client.begin();
    await client.query('CREATE (:Item)');
    const idle = await RawClient.connect(server.port);
    await server.close();
    await client.closed;
    await idle.closed;
    assert.deepEqual(
      server.backend.transactions.map((transaction) => transaction.status),
      ['rolled back'],
    );
    assert.equal(server.backend.nodeCount, 0);
    assert.deepEqual(server.logs.errors(), []);
  });
});
