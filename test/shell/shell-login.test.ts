/**
 * `quiver shell` logging in the way cypher-shell does: on a terminal it asks for a missing password
 * (hidden, shown as `*`) and asks again for user name and password when the server refuses the login; on a
 * pipe, with `-f` or with --non-interactive it never asks and fails with exit code 1.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { QuiverServer } from '../../src/server/index.js';
import { runSession, startSession, startTestServer } from './shell-harness.js';

let server: QuiverServer;
const dir = mkdtempSync(join(tmpdir(), 'quiver-shell-login-'));
const UNAUTHORIZED =
  /The client is unauthorized due to authentication failure|Neo\.ClientError\.Security\.Unauthorized/;

before(async () => {
  server = await startTestServer({
    auth: { users: [{ username: 'neo4j', password: 'secret' }], scrypt: { N: 16, r: 1, p: 1 } },
  });
});
after(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('quiver shell on a terminal', () => {
  test('asks for the password of -u without echoing it, then runs the session', async () => {
    const session = startSession(['-a', server.url, '-u', 'neo4j', '--format', 'plain'], {
      interactive: true,
      terminal: true,
    });
    // A person types the password (with a typo corrected by backspace) and presses Enter, then a statement.
    session.write('secrex\u007ft\rRETURN 1 AS one;\n:exit\n');
    const { code, stdout, stderr } = await session.end();
    assert.equal(code, 0, stderr);
    // The prompt goes to stderr because stdout is not the terminal here; the password itself never shows.
    assert.equal(stderr, 'password: ******\b \b*\n');
    assert.doesNotMatch(stdout + stderr, /secre/);
    assert.match(stdout, /^Connected to .* as user neo4j\.\n/);
    assert.match(stdout, /one\n1\n/);
    assert.deepEqual(session.rawModes(), [true, false]);
  });

  test('asks for user name and password again after a refused login', async () => {
    const session = startSession(['-a', server.url, '-u', 'neo4j', '-p', 'wrong', '--format', 'plain'], {
      interactive: true,
      terminal: true,
    });
    session.write('neo4j\nsecret\rRETURN 2 AS two;\n');
    const { code, stdout, stderr } = await session.end();
    assert.equal(code, 0, stderr);
    assert.match(stderr, UNAUTHORIZED);
    assert.match(stderr, /\nusername: \npassword: \*{6}\n$/);
    assert.match(stdout, /two\n2\n/);
  });

  test('asks for a user name when none was given and the server wants one', async () => {
    const session = startSession(['-a', server.url, '--format', 'plain'], {
      interactive: true,
      terminal: true,
    });
    session.write('neo4j\nsecret\rRETURN 3 AS three;\n');
    const { code, stdout, stderr } = await session.end();
    assert.equal(code, 0, stderr);
    assert.match(stderr, /username: \npassword: \*{6}\n$/);
    assert.match(stdout, /Connected to .* as user neo4j\./);
  });

  test('gives up with exit code 1 after three refused logins, or when the user presses Ctrl-C', async () => {
    const refused = startSession(['-a', server.url, '-u', 'neo4j', '-p', 'a'], {
      interactive: true,
      terminal: true,
    });
    refused.write('neo4j\nb\rneo4j\nc\rRETURN 1;\n');
    const outcome = await refused.end();
    assert.equal(outcome.code, 1);
    assert.equal(outcome.stderr.match(/password: /g)?.length, 2);
    assert.equal(outcome.stderr.match(/Neo\.ClientError\.Security\.Unauthorized/g)?.length, 3);
    const cancelled = startSession(['-a', server.url, '-u', 'neo4j'], { interactive: true, terminal: true });
    cancelled.write('sec\u0003');
    const gaveUp = await cancelled.end();
    assert.equal(gaveUp.code, 1);
    assert.match(gaveUp.stderr, /^password: \*{3}\n/);
    assert.match(gaveUp.stderr, UNAUTHORIZED);
  });

  test('takes the password from QUIVER_PASSWORD or NEO4J_PASSWORD without asking', async () => {
    for (const variable of ['QUIVER_PASSWORD', 'NEO4J_PASSWORD']) {
      const { code, stdout, stderr } = await runSession(
        ['-a', server.url, '-u', 'neo4j', 'RETURN 4 AS four'],
        '',
        { terminal: true, env: { [variable]: 'secret' } },
      );
      assert.deepEqual({ code, stdout, stderr }, { code: 0, stdout: 'four\n4\n', stderr: '' });
    }
  });
});

describe('quiver shell without a terminal', () => {
  test('never asks on a pipe: a missing password fails with exit code 1 and the server message', async () => {
    const { code, stdout, stderr } = await runSession(['-a', server.url, '-u', 'neo4j'], 'RETURN 1;\n');
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.doesNotMatch(stderr, /password:/);
    assert.match(stderr, UNAUTHORIZED);
  });

  test('never asks for -f scripts or with --non-interactive, even on a terminal', async () => {
    const script = join(dir, 'script.cypher');
    writeFileSync(script, 'RETURN 1;\n');
    for (const args of [['-f', script], ['--non-interactive']]) {
      const { code, stderr } = await runSession(['-a', server.url, '-u', 'neo4j', ...args], 'secret\r', {
        terminal: true,
      });
      assert.equal(code, 1);
      assert.doesNotMatch(stderr, /password:/);
      assert.match(stderr, UNAUTHORIZED);
    }
  });
});
