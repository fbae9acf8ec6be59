import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { loadCachedBundle } from './cached-bundle.js';

const directory = mkdtempSync(join(tmpdir(), 'quiver-cached-bundle-'));
after(() => {
  rmSync(directory, { recursive: true, force: true });
});

let bundles = 0;
/** Writes a CommonJS bundle into its own file (each test gets a fresh one, and so a fresh cache). */
function writeBundle(source: string): string {
  const path = join(directory, `bundle-${++bundles}.cjs`);
  writeFileSync(path, source);
  return path;
}

interface Exports {
  readonly answer: number;
  readonly where: string;
  readonly sep: string;
  readonly errorLine: () => number | undefined;
}

/**
 * Loads the bundle in a new process, as `quiver serve` does: within one process V8 answers a second
 * compilation of the same source from its in-memory compilation cache and never looks at the data.
 */
function loadInChild(path: string, writeCache = false): { cache: string; answer: number; line: number } {
  const script = `
    const { loadCachedBundle } = await import(${JSON.stringify(new URL('./cached-bundle.js', import.meta.url).href)});
    const bundle = loadCachedBundle(${JSON.stringify(path)});
    const line = bundle.exports.errorLine();
    if (${String(writeCache)}) bundle.writeCache();
    process.stdout.write(JSON.stringify({ cache: bundle.cache, answer: bundle.exports.answer, line }));`;
  return JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }),
  ) as { cache: string; answer: number; line: number };
}

const SOURCE = [
  "const path = require('node:path');",
  'exports.answer = 40 + 2;',
  "exports.where = __filename + '|' + __dirname + '|' + (module.exports === exports);",
  'exports.sep = path.sep;',
  // Line 5: the line the stack trace must name.
  'exports.errorLine = () => Number(/:(\\d+):\\d+\\)?$/m.exec(new Error().stack.split("\\n")[1])?.[1]);',
  '',
].join('\n');

describe('loadCachedBundle', () => {
  test('answers undefined when there is no bundle file', () => {
    assert.equal(loadCachedBundle(join(directory, 'missing.cjs')), undefined);
  });

  test('evaluates the bundle as a CommonJS module next to its file', () => {
    const path = writeBundle(SOURCE);
    const bundle = loadCachedBundle(path);
    assert.ok(bundle !== undefined);
    const exports = bundle.exports as Exports;
    assert.equal(exports.answer, 42);
    assert.equal(exports.where, `${path}|${directory}|true`);
    assert.equal(exports.sep, '/');
    assert.equal(bundle.cache, 'absent');
  });

  test('keeps the line numbers of the file in stack traces', () => {
    const bundle = loadCachedBundle(writeBundle(SOURCE));
    assert.equal((bundle?.exports as Exports).errorLine(), 5);
  });

  test('uses the code cache it wrote in a later process', () => {
    const path = writeBundle(SOURCE);
    assert.deepEqual(loadInChild(path, true), { cache: 'absent', answer: 42, line: 5 });
    assert.deepEqual(loadInChild(path), { cache: 'accepted', answer: 42, line: 5 });
  });

  test('ignores a cache made for other bytes of the same length (V8 compares only lengths)', () => {
    const path = writeBundle(SOURCE);
    loadInChild(path, true);
    const changed = SOURCE.replace('40 + 2', '40 + 3');
    assert.equal(changed.length, SOURCE.length);
    writeFileSync(path, changed);
    assert.deepEqual(loadInChild(path), { cache: 'absent', answer: 43, line: 5 });
  });

  test('falls back to compiling when V8 refuses the cached data or the file is not a cache', () => {
    const path = writeBundle(SOURCE);
    loadInChild(path, true);
    const cache = readFileSync(`${path}.cache`);
    const header = 6 + 32; // magic + SHA-256
    const garbled = Buffer.concat([cache.subarray(0, header), Buffer.alloc(cache.length - header, 0x5a)]);
    writeFileSync(`${path}.cache`, garbled);
    assert.deepEqual(loadInChild(path), { cache: 'rejected', answer: 42, line: 5 });
    for (const notACache of [
      Buffer.alloc(0),
      Buffer.from('not a cache at all, but long enough to read on'),
    ]) {
      writeFileSync(`${path}.cache`, notACache);
      assert.deepEqual(loadInChild(path), { cache: 'absent', answer: 42, line: 5 });
    }
  });

  test('reads a bundle with non-ASCII text as UTF-8', () => {
    const bundle = loadCachedBundle(writeBundle("exports.text = 'Grüße, 世界';\n"));
    assert.equal((bundle?.exports as { text: string }).text, 'Grüße, 世界');
  });
});
