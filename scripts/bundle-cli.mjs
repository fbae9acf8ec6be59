// Bundles the compiled CLI (build/src/cli/main.js and everything it imports from src/) into build/cli/, one
// chunk per lazily loaded command, so a command loads a handful of files instead of ~600 modules (start-up
// time, issue #6). npm packages stay external and load from node_modules.
//
// `quiver serve` gets more, since its start-up time has a goal (≤ 200 ms to "Bolt ready"): build/cli/serve.cjs,
// the whole serve path as ONE CommonJS file, and serve.cjs.cache, V8's code cache of it made by a warm-up
// run of the server here. src/cli/main.ts loads them through src/cli/cached-bundle.ts (vm.Script with the
// cache: no ES module loader, no parsing, no lazy compilation of what the warm-up ran) and falls back to the
// ES module chunks if serve.cjs is missing. A stale or foreign cache is ignored at run time.
//
// Usage: node scripts/bundle-cli.mjs (after `tsc -b`); `npm run build` runs both.
// (`--write-code-cache` is the warm-up step, which this script runs in a child process.)
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = resolve(ROOT, 'build/cli');
const SERVE_BUNDLE = resolve(OUT_DIR, 'serve.cjs');

async function bundle() {
  // Chunk names carry content hashes: without this, every build would leave the previous chunks behind.
  rmSync(OUT_DIR, { recursive: true, force: true });
  await build({
    entryPoints: [resolve(ROOT, 'build/src/cli/main.js')],
    outdir: OUT_DIR,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  await build({
    entryPoints: [resolve(ROOT, 'build/src/cli/serve-command.js')],
    outfile: SERVE_BUNDLE,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  const serveSource = readFileSync(SERVE_BUNDLE, 'utf8');
  // esbuild turns the dynamic imports of bundled modules into lazy initialisers; one it could not resolve
  // would stay an import(), which a vm.Script without a module loader cannot run.
  if (/\bimport\(/.test(serveSource)) {
    fail('build/cli/serve.cjs contains a dynamic import() esbuild could not bundle');
  }
  // esbuild escapes non-ASCII in code but keeps it in the comments it preserves (JSDoc of class fields).
  // Escaped there too, the file is pure ASCII, which loads as a one-byte string with no UTF-8 decoding
  // (~15 ms less start-up); a \u escape means the same as the character anywhere in code too. Not so for
  // U+2028/U+2029, which end a line comment: those stay (the loader then decodes UTF-8, only slower).
  writeFileSync(
    SERVE_BUNDLE,
    serveSource.replace(
      /[^\0-\x7f\u2028\u2029]/g,
      (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
    ),
  );
  // V8 takes a code cache only under the flags it was made with: make it for a plain `node` (V8 flags in
  // NODE_OPTIONS, such as --max-old-space-size, would make it useless elsewhere).
  const warmUp = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--write-code-cache'], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (warmUp.status !== 0) {
    fail(`the warm-up run of build/cli/serve.cjs failed (${String(warmUp.status)}):\n${warmUp.stderr}`);
  }
}

/**
 * The warm-up (child process): loads serve.cjs as `quiver serve` does, starts an in-memory server and
 * one on a fresh data directory, writes the code cache of everything compiled to get there, and stops
 * (SIGTERM, as a user would).
 */
async function writeCodeCache() {
  const { loadCachedBundle } = await import(
    pathToFileURL(resolve(ROOT, 'build/src/cli/cached-bundle.js')).href
  );
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const bundle = loadCachedBundle(SERVE_BUNDLE);
  if (bundle === undefined) fail('build/cli/serve.cjs is missing');
  const dataDir = mkdtempSync(resolve(tmpdir(), 'quiver-warm-up-'));
  process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  const serve = async (args) => {
    let output = '';
    const code = await bundle.exports.runServeCommand(args, {
      env: {},
      stdout: (text) => (output += text),
      stderr: (text) => process.stderr.write(text),
    });
    if (code !== -1 || !output.startsWith('Bolt ready on '))
      fail(`quiver serve ${args.join(' ')}: ${output}`);
  };
  const existingDir = mkdtempSync(resolve(tmpdir(), 'quiver-warm-up-existing-'));
  process.once('exit', () => rmSync(existingDir, { recursive: true, force: true }));
  await makeExistingDataDirectory(existingDir);
  await serve(['--in-memory', '--port', '0']);
  await serve(['--data-dir', dataDir, '--port', '0']);
  await serve(['--data-dir', existingDir, '--port', '0']);
  bundle.writeCache();
  process.kill(process.pid, 'SIGTERM');
}

/**
 * A data directory that start-up must recover: a snapshot with nodes, relationships, an index and a
 * uniqueness constraint (written at a clean stop), then WAL records after it (left by a SIGKILL), so that
 * the warm-up's start on it compiles snapshot loading, index building and WAL replay too.
 */
async function makeExistingDataDirectory(directory) {
  const { BoltClient } = await import(pathToFileURL(resolve(ROOT, 'build/src/bolt/index.js')).href);
  const writes = [
    [
      'UNWIND range(1, 200) AS i CREATE (:Person {id: i, name: toString(i)})-[:KNOWS {since: i}]->(:City {id: -i})',
      'CREATE INDEX FOR (p:Person) ON (p.id)',
      'CREATE CONSTRAINT FOR (c:City) REQUIRE c.id IS UNIQUE',
    ],
    [
      'UNWIND range(201, 220) AS i CREATE (:Person {id: i})-[:KNOWS]->(:City {id: -i})',
      'MATCH (p:Person {id: 1}) SET p.age = 40 REMOVE p.name',
      'MATCH (c:City {id: -2}) DETACH DELETE c',
    ],
  ];
  for (const [round, queries] of writes.entries()) {
    const child = spawn(
      process.execPath,
      [resolve(OUT_DIR, 'main.js'), 'serve', '--data-dir', directory, '--port', '0'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const exited = new Promise((settle) => child.once('exit', settle));
    const port = await new Promise((settle, reject) => {
      let output = '';
      child.stdout.setEncoding('utf8').on('data', (text) => {
        output += text;
        const match = /Bolt ready on \S+:(\d+)\n/.exec(output);
        if (match !== null) settle(Number(match[1]));
      });
      child.once('exit', (code) => reject(new Error(`warm-up data server exited (${String(code)})`)));
    });
    const client = await BoltClient.connect({ port });
    await client.login();
    for (const query of queries) await client.query(query);
    await client.goodbye();
    // The first server stops cleanly (a snapshot); the second is killed, leaving its commits in the WAL.
    child.kill(round === 0 ? 'SIGTERM' : 'SIGKILL');
    await exited;
  }
}

function fail(message) {
  console.error(`bundle-cli: ${message}`);
  process.exit(1);
}

if (process.argv.includes('--write-code-cache')) await writeCodeCache();
else await bundle();
