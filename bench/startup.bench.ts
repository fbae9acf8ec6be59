/**
 * Start-up time of `quiver serve` (issue #6: at most 200 ms from process start to "Bolt ready on …").
 * Each round starts the bundled CLI (build/cli/main.js, made by `npm run build`) and bare `node -e 0` back
 * to back, so load on the machine hits both alike; a row reports the median time to the ready line over the
 * rounds as starts per second (1000 / median ms), with bare Node as the baseline. The console also prints
 * the medians in milliseconds, the server's CPU time up to the ready line (from /proc, far less sensitive
 * to load; Linux only) and whether V8 took the code cache of build/cli/serve.cjs.
 * Rows: in memory; a fresh data directory (created, WAL, default databases); an existing small data
 * directory (1,000 nodes and 1,000 relationships, recovered from its snapshot and WAL at each start).
 * QUIVER_BENCH_SMOKE=1: 3 rounds; QUIVER_STARTUP_ROUNDS overrides the count (default 15).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BoltClient } from '../src/bolt/index.js';
import type { BenchResult } from './support/bench-result.js';

const SUITE = 'startup';
const SMOKE = process.env['QUIVER_BENCH_SMOKE'] === '1';
const ROUNDS = Number(process.env['QUIVER_STARTUP_ROUNDS'] ?? (SMOKE ? 3 : 15));
const MAIN = fileURLToPath(new URL('../cli/main.js', import.meta.url));
const SERVE_BUNDLE = fileURLToPath(new URL('../cli/serve.cjs', import.meta.url));
const CACHED_BUNDLE_MODULE = new URL('../src/cli/cached-bundle.js', import.meta.url).href;
/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

interface Start {
  /** From spawn to the ready line (or to exit for bare Node). */
  readonly ms: number;
  /** CPU time (user + system) of the process when the line came, or undefined off Linux. */
  readonly cpuMs: number | undefined;
}

/** CPU time so far of a live process, from /proc (utime and stime, fields 14 and 15). */
function cpuMsOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

interface ServerProcess extends Start {
  /** The port from the ready line. */
  readonly port: number;
  /** SIGTERM, resolving once the process has exited. */
  stop(): Promise<void>;
}

/** Starts `node build/cli/main.js serve args…` and resolves at the ready line, leaving it running. */
function startServe(args: readonly string[]): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [MAIN, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<void>((settle) => {
      child.once('exit', () => {
        settle();
      });
    });
    let output = '';
    let errors = '';
    let ready = false;
    child.stderr.setEncoding('utf8').on('data', (text: string) => (errors += text));
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      output += text;
      const match = /Bolt ready on \S+:(\d+)\n/.exec(output);
      if (ready || match === null) return;
      ready = true;
      resolve({
        ms: Number(process.hrtime.bigint() - started) / 1e6,
        cpuMs: cpuMsOf(child.pid),
        port: Number(match[1]),
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    });
    child.once('exit', (code) => {
      if (!ready) reject(new Error(`quiver serve ${args.join(' ')} exited (${String(code)}): ${errors}`));
    });
  });
}

/** One start of `quiver serve args…` up to the ready line. */
async function timeServe(args: readonly string[]): Promise<Start> {
  const server = await startServe(args);
  await server.stop();
  return server;
}

/** An existing data directory with a little data: 1,000 nodes in 1,000 relationships, and an index. */
async function makeSmallDataDirectory(directory: string): Promise<void> {
  const server = await startServe(['--data-dir', directory, '--port', '0']);
  try {
    const client = await BoltClient.connect({ port: server.port });
    await client.login();
    await client.query(
      'UNWIND range(1, 500) AS i CREATE (:Person {id: i})-[:KNOWS {since: i}]->(:Person {id: -i})',
    );
    await client.query('MATCH (a:Person {id: 1}), (b:Person) WHERE b.id > 1 CREATE (a)-[:FOLLOWS]->(b)');
    await client.query('CREATE INDEX FOR (p:Person) ON (p.id)');
    await client.goodbye();
  } finally {
    await server.stop();
  }
}

/** Bare Node: `node -e 0`, from spawn to exit. */
function bareNode(): Promise<Start> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', () => {
      resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, cpuMs: undefined });
    });
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** What V8 makes of build/cli/serve.cjs.cache in a fresh process with default flags. */
function codeCacheStatus(): string {
  if (!existsSync(SERVE_BUNDLE)) return 'no build/cli/serve.cjs';
  const script = `const { loadCachedBundle } = await import(${JSON.stringify(CACHED_BUNDLE_MODULE)});
    process.stdout.write(loadCachedBundle(${JSON.stringify(SERVE_BUNDLE)}).cache);`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
}

async function measure(name: string, serveArgs: () => string[]): Promise<BenchResult> {
  const serve: Start[] = [];
  const bare: Start[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternating order, so neither side always runs right after the other's process exit.
    if (round % 2 === 1) bare.push(await bareNode());
    serve.push(await timeServe(serveArgs()));
    if (round % 2 === 0) bare.push(await bareNode());
  }
  const serveMs = median(serve.map((start) => start.ms));
  const bareMs = median(bare.map((start) => start.ms));
  const cpu = serve.flatMap((start) => (start.cpuMs === undefined ? [] : [start.cpuMs]));
  const spread =
    (Math.max(...serve.map((start) => start.ms)) - Math.min(...serve.map((start) => start.ms))) / serveMs;
  console.log(
    `  ${name}: median ${serveMs.toFixed(0)} ms to "Bolt ready" (bare node -e 0: ${bareMs.toFixed(0)} ms)` +
      (cpu.length === 0 ? '' : `, server CPU ${median(cpu).toFixed(0)} ms`) +
      `, ${String(ROUNDS)} rounds`,
  );
  return {
    suite: SUITE,
    name: `${name} (median ${serveMs.toFixed(0)} ms)`,
    opsPerSecond: 1000 / serveMs,
    spread,
    rounds: ROUNDS,
    baseline: { name: `node -e 0 (${bareMs.toFixed(0)} ms)`, opsPerSecond: 1000 / bareMs },
    ratio: bareMs / serveMs,
  };
}

export async function run(): Promise<BenchResult[]> {
  if (!existsSync(MAIN)) {
    console.warn('  startup: build/cli/main.js is missing; run `npm run build` (tsc -b, then the bundle)');
    return [];
  }
  console.log(`  code cache of build/cli/serve.cjs: ${codeCacheStatus()}`);
  const scratch = mkdtempSync(join(tmpdir(), 'quiver-startup-'));
  try {
    let fresh = 0;
    const existing = join(scratch, 'existing');
    await makeSmallDataDirectory(existing);
    return [
      await measure('serve --in-memory', () => ['--in-memory', '--port', '0']),
      await measure('serve, fresh data dir', () => [
        '--data-dir',
        join(scratch, `fresh-${++fresh}`),
        '--port',
        '0',
      ]),
      await measure('serve, existing small data dir', () => ['--data-dir', existing, '--port', '0']),
    ];
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
