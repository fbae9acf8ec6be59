// What `quiver serve` from the bundled CLI (build/cli, made by `npm run build`) loads before "Bolt ready"
// (start-up time, issue #6). Skipped when the bundle has not been built.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

/** build/cli, from this compiled file in build/src/cli. */
const MAIN = fileURLToPath(new URL('../../cli/main.js', import.meta.url));
const SERVE_BUNDLE = fileURLToPath(new URL('../../cli/serve.cjs', import.meta.url));
const skip = existsSync(SERVE_BUNDLE) ? false : 'build/cli/serve.cjs is missing (run `npm run build`)';

/** Preloaded into the server: at the ready line, reports the built-in modules and packages loaded so far. */
const PRELOAD = `
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (text, ...rest) => {
    if (String(text).startsWith('Bolt ready on ')) {
      try {
        // One module cache for every require function: any absolute path will do.
        const { createRequire } = process.getBuiltinModule('node:module');
        const cache = Object.keys(createRequire(process.execPath).cache);
        process.stderr.write('LOADED ' + JSON.stringify({ builtins: process.moduleLoadList, packages: cache }) + '\\n');
      } catch (error) {
        process.stderr.write('LOADED ' + JSON.stringify({ error: String(error) }) + '\\n');
      }
    }
    return write(text, ...rest);
  };`;

interface Loaded {
  readonly builtins: readonly string[];
  readonly packages: readonly string[];
  readonly error?: string;
}

function loadedAtReady(): Promise<Loaded> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        `--import=data:text/javascript,${encodeURIComponent(PRELOAD)}`,
        MAIN,
        'serve',
        '--in-memory',
        '--port',
        '0',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let errors = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no ready line within 30 s: ${errors}`));
    }, 30_000);
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      errors += text;
      const match = /^LOADED (.*)$/m.exec(errors);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      child.kill('SIGTERM');
      resolve(JSON.parse(match[1]) as Loaded);
    });
    child.stdout.resume();
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`quiver serve exited (${String(code)}) before it was ready: ${errors}`));
    });
  });
}

describe('quiver serve from the bundled CLI', { skip }, () => {
  test('loads no TLS, HTTP, WebSocket or compression code before the first such connection', async () => {
    const { builtins, packages, error } = await loadedAtReady();
    assert.equal(error, undefined);
    for (const name of ['tls', 'http', 'https', 'zlib']) {
      assert.ok(!builtins.includes(`NativeModule ${name}`), `node:${name} is loaded`);
    }
    assert.deepEqual(
      packages.filter((path) => path.includes('/node_modules/ws/')),
      [],
    );
    assert.ok(builtins.includes('NativeModule net'), 'the report is taken after the listener started');
  });

  test('V8 takes the code cache the build made for it', () => {
    const script = `const { loadCachedBundle } = await import(${JSON.stringify(new URL('./cached-bundle.js', import.meta.url).href)});
      process.stdout.write(loadCachedBundle(${JSON.stringify(SERVE_BUNDLE)}).cache);`;
    // Made for a plain `node`: V8 flags in NODE_OPTIONS (heap sizes) would make V8 refuse it, rightly.
    const status = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    assert.equal(status, 'accepted');
  });
});
