/**
 * `quiver shell` across a server restart: the shell reports the dropped connection, connects again on the
 * next statement (saying that an open explicit transaction was lost), and `:disconnect` / `:connect` close
 * and reopen the connection on request.
 */
import assert from 'node:assert/strict';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { test } from 'node:test';
import type { QuiverServer } from '../../src/server/index.js';
import { startSession, startTestServer } from './shell-harness.js';

/** Lets the event loop deliver the closed sockets' events. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 100));
}

test('reconnects after a server restart, and says an open transaction was lost', async () => {
  let server: QuiverServer = await startTestServer();
  const port = server.port;
  const restart = async (): Promise<void> => {
    await server.close();
    // A person types the next statement a moment later: by then the client has seen the socket close.
    await settle();
    server = await startTestServer({ port });
  };
  const session = startSession(['-a', server.url, '--format', 'plain'], { interactive: true });
  try {
    session.write('RETURN 1 AS one;\n');
    await session.waitFor('stdout', /one\n1\n/);
    await restart();
    session.write('RETURN 2 AS two;\n');
    await session.waitFor('stdout', /two\n2\n/);
    assert.equal(session.stderr(), `Reconnected to ${server.url}.\n`);

    // The RETURN after CREATE marks the moment both ran inside the transaction.
    session.write(":begin\nCREATE (:Lost);\nRETURN 'a' AS inside;\n");
    await session.waitFor('stdout', /inside\n"a"\n/);
    await restart();
    session.write('RETURN 3 AS three;\n');
    await session.waitFor('stdout', /inside\n"a"\nneo4j# neo4j> $/);
    assert.match(
      session.stderr(),
      /\nReconnected to .*\.\nThe open transaction was lost with the connection \(the server rolled it back\), so this statement did not run: use :begin to start a new one\n$/,
    );
    // :commit after a drop says the transaction was lost (not that there was none).
    session.write(":begin\nCREATE (:Lost);\nRETURN 'b' AS inside;\n");
    await session.waitFor('stdout', /inside\n"b"\n/);
    await restart();
    session.write(':commit\n');
    await session.waitFor('stdout', /inside\n"b"\nneo4j# neo4j> $/);
    assert.match(
      session.stderr(),
      /did not run: use :begin to start a new one\n[^]*did not run: use :begin to start a new one\n$/,
    );
    // Back in auto-commit: the next statement runs, and the lost transactions' nodes are not there.
    session.write('MATCH (n:Lost) RETURN count(n) AS lost;\n');
    await session.waitFor('stdout', /lost\n0\n/);
    const { code } = await session.end();
    assert.equal(code, 0);
  } finally {
    await server.close();
  }
});

test('a server that stays down fails each statement until it is back', async () => {
  let server: QuiverServer = await startTestServer();
  const port = server.port;
  const session = startSession(['-a', server.url, '--format', 'plain'], { interactive: true });
  try {
    session.write('RETURN 1 AS one;\n');
    await session.waitFor('stdout', /one\n1\n/);
    await server.close();
    await settle();
    session.write('RETURN 2;\n');
    await session.waitFor('stderr', /\n$/);
    assert.match(session.stderr(), /^Cannot connect to 127\.0\.0\.1:\d+\n$/);
    server = await startTestServer({ port });
    session.write('RETURN 3 AS three;\n');
    await session.waitFor('stdout', /three\n3\n/);
    assert.match(session.stderr(), /Reconnected to /);
    assert.equal((await session.end()).code, 0);
  } finally {
    await server.close();
  }
});

/**
 * A TCP proxy in front of a server that can cut a connection at the moment its client sends the next
 * request, so the request meets the dropped connection deterministically.
 */
async function startDroppingProxy(targetPort: number): Promise<{
  port: number;
  dropOnNextRequest: () => void;
  close: () => Promise<void>;
}> {
  let dropping = false;
  const sockets = new Set<Socket>();
  const proxy = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    }
    client.on('data', (bytes) => {
      if (dropping) {
        dropping = false;
        client.destroy();
        upstream.destroy();
        return;
      }
      upstream.write(bytes);
    });
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: (proxy.address() as AddressInfo).port,
    dropOnNextRequest: () => {
      dropping = true;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        proxy.close(() => {
          resolve();
        });
      }),
  };
}

test('a statement that meets the dropped connection fails, says so, and the next one reconnects', async () => {
  const server = await startTestServer();
  const proxy = await startDroppingProxy(server.port);
  const session = startSession(['-a', `bolt://127.0.0.1:${String(proxy.port)}`, '--format', 'plain'], {
    interactive: true,
  });
  try {
    session.write(':begin\nRETURN 1 AS one;\n');
    await session.waitFor('stdout', /one\n1\n/);
    proxy.dropOnNextRequest();
    session.write('RETURN 2 AS two;\n');
    await session.waitFor('stderr', /closed\n$/);
    assert.equal(
      session.stderr(),
      'The connection to the server was lost and the open transaction with it (the server rolled it back): ' +
        'the shell connects again for the next statement.\nThe connection was closed\n',
    );
    session.write('RETURN 3 AS three;\n');
    await session.waitFor('stdout', /three\n3\n/);
    assert.match(session.stderr(), /closed\nReconnected to [^\n]*\.\n$/);
    // The transaction was reported lost with the failed statement: the prompt is back to auto-commit.
    assert.match(session.stdout(), /neo4j# neo4j> three\n3\n/);
    assert.equal((await session.end()).code, 0);
  } finally {
    await proxy.close();
    await server.close();
  }
});

test(':disconnect closes the connection, statements then fail, and :connect opens it again', async () => {
  const server = await startTestServer({
    auth: { users: [{ username: 'neo4j', password: 'secret' }], scrypt: { N: 16, r: 1, p: 1 } },
  });
  const session = startSession(['-a', server.url, '-u', 'neo4j', '-p', 'secret', '--format', 'plain'], {
    interactive: true,
  });
  try {
    session.write(
      ':disconnect\nRETURN 1;\n:connect -u neo4j -p wrong\n:connect\n:connect\nRETURN 5 AS five;\n',
    );
    await session.waitFor('stdout', /five\n5\n/);
    const { code, stdout, stderr } = await session.end();
    assert.equal(code, 0);
    assert.match(stdout, /Disconnected from bolt:\/\/127\.0\.0\.1:\d+\.\n/);
    assert.match(stdout, /Connected to .* as user neo4j\.\n/);
    assert.equal(
      stderr
        .split('\n')
        .filter((line) => !line.startsWith('Neo.'))
        .join('\n'),
      [
        'Not connected: use :connect to connect again',
        'The client is unauthorized due to authentication failure.',
        `Already connected to ${server.url}: use :disconnect first`,
        '',
      ].join('\n'),
    );
  } finally {
    await server.close();
  }
});
