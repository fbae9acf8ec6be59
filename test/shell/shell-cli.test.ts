import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { startTestServer } from './shell-harness.js';

const mainPath = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));
const dispatchesShell = readFileSync(mainPath, 'utf8').includes('shell-command.js');

test(
  'the real CLI runs `quiver shell` with statements from a pipe',
  { skip: dispatchesShell ? false : 'src/cli/main.ts does not dispatch `shell` to shell-command.ts yet' },
  async () => {
    const server = await startTestServer();
    try {
      const { code, stdout, stderr } = await new Promise<{
        code: number | null;
        stdout: string;
        stderr: string;
      }>((resolve) => {
        // Asynchronous on purpose: the server runs in this process and must keep answering.
        const child = execFile(
          process.execPath,
          [mainPath, 'shell', '-a', server.url, '--format', 'plain'],
          { timeout: 20_000 },
          (error, out, err) => {
            resolve({ code: error === null ? 0 : (child.exitCode ?? -1), stdout: out, stderr: err });
          },
        );
        child.stdin?.end('UNWIND [1, 2] AS x RETURN x, "s" AS s;\nRETURN nope;\nRETURN 3;\n');
      });
      assert.equal(stdout, 'x, s\n1, "s"\n2, "s"\n');
      assert.match(stderr, /Variable `nope` not defined/);
      assert.equal(code, 1);
    } finally {
      await server.close();
    }
  },
);
