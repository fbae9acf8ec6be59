import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { DatabaseError } from '../../errors/index.js';
import { printStatement } from '../printer/index.js';
import { parse } from './parse.js';

/**
 * Golden tests: every `golden/<name>.cypher` holds cases separated by `---` lines; `golden/<name>.golden`
 * holds, per case, the printed statement and the AST as JSON (or the error). `UPDATE_GOLDEN=1` rewrites
 * the expected files; review the diff before committing.
 */
const GOLDEN_DIR = fileURLToPath(new URL('../../../../src/cypher/parser/golden/', import.meta.url));
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    typeof inner === 'bigint' ? `${inner.toString()}n` : inner,
  );
}

/** What a case produces: printed text and AST, or the error's class, detail, position and message. */
function render(query: string): string {
  try {
    const statement = parse(query);
    return `${printStatement(statement)}\n${toJson(statement)}`;
  } catch (error: unknown) {
    if (!(error instanceof DatabaseError)) throw error;
    const position = error.position;
    const where =
      position === undefined
        ? 'no position'
        : `line ${position.line}, column ${position.column}, offset ${position.offset}`;
    return `error ${error.name} ${error.detail ?? '-'} at ${where}\n${error.message}`;
  }
}

function casesOf(source: string): string[] {
  return source
    .split(/^---$/m)
    .map((text) => text.trim())
    .filter((text) => text !== '');
}

for (const file of readdirSync(GOLDEN_DIR)
  .filter((name) => name.endsWith('.cypher'))
  .sort()) {
  test(`the parser and printer reproduce the golden file ${file}`, () => {
    const cases = casesOf(readFileSync(`${GOLDEN_DIR}${file}`, 'utf8'));
    const blocks = cases.map((query) => `### ${query.replaceAll('\n', '\n### ')}\n${render(query)}\n`);
    const goldenPath = `${GOLDEN_DIR}${file.replace(/\.cypher$/, '.golden')}`;
    if (UPDATE) {
      writeFileSync(goldenPath, blocks.join('\n'));
      return;
    }
    assert.ok(existsSync(goldenPath), `${goldenPath} is missing: run the tests with UPDATE_GOLDEN=1`);
    const expected = readFileSync(goldenPath, 'utf8').split('\n\n');
    const actual = blocks.join('\n').split('\n\n');
    for (let index = 0; index < Math.max(expected.length, actual.length); index++) {
      assert.equal(actual[index], expected[index], `case ${index + 1} of ${file}`);
    }
  });
}
