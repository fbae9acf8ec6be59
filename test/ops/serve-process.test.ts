// `quiver serve` as a process: the ready line first on stdout, logs on stderr, exit codes. It runs the
// bundled CLI (build/cli, made by `npm run build`), which is what the `quiver` bin and `npm start` run.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver-6';

const MAIN = fileURLToPath(new URL('../../cli/main.js', import.meta.url));

interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts `quiver serve …`; resolves with the first stdout line and a way to stop the process. */
async function startServe(args: string[]): Promise<{ firstLine: string; stop: () => Promise<Finished> }> {
  const child = spawn(process.execPath, [MAIN, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit') as Promise<[number | null]>;
  const firstLine = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('\n')) resolve(stdout.slice(0, stdout.indexOf('\n')));
    });
    void exited.then(([code]) => {
      reject(new Error(`quiver serve exited with ${code}: ${stderr}`));
    });
  });
  return {
    firstLine,
    stop: async () => {
      child.kill('SIGTERM');
      const [code] = await exited;
      return { code, stdout, stderr };
    },
  };
}

async function runToEnd(args: string[]): Promise<Finished> {
  const child = spawn(process.execPath, [MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

describe('quiver serve (process)', () => {
  test('prints the ready line first, writes the query log as JSON to stderr, and stops cleanly on SIGTERM', async () => {
    const serve = await startServe([
      '--in-memory',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--query-log',
      'info',
    ]);
    assert.match(serve.firstLine, /^Bolt ready on bolt:\/\/127\.0\.0\.1:\d+$/);
    const driver = neo4j.driver(
      serve.firstLine.slice('Bolt ready on '.length),
      neo4j.auth.basic('neo4j', 'x'),
    );
    try {
      await driver.executeQuery('RETURN 42 AS answer');
    } finally {
      await driver.close();
    }
    const finished = await serve.stop();
    assert.equal(finished.code, 0);
    assert.equal(finished.stdout, `${serve.firstLine}\n`, 'stdout holds only the ready line');
    const entries = finished.stderr
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const answer = entries.find((entry) => entry['query'] === 'RETURN 42 AS answer');
    assert.ok(answer !== undefined);
    assert.equal(answer['msg'], 'query');
    assert.equal(answer['rows'], 1);
  });

  test('exits with code 2 and a message for a missing config file', async () => {
    const finished = await runToEnd(['serve', '--config', '/nonexistent/quiver.json']);
    assert.equal(finished.code, 2);
    assert.equal(finished.stdout, '');
    assert.match(
      finished.stderr,
      /^quiver serve: Cannot read config file "\/nonexistent\/quiver\.json": no such file\n/,
    );
  });
});
