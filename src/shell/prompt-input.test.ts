import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, test } from 'node:test';
import { promptLine } from './prompt-input.js';

/** Runs one prompt over `typed` (already buffered in the input) and returns the line, the echo and what is left. */
async function prompt(
  typed: string,
  mask: boolean,
  end = false,
): Promise<{ line: string | undefined; echo: string; rest: string }> {
  const input = new PassThrough();
  const output = new PassThrough();
  let echo = '';
  output.on('data', (chunk: Buffer) => (echo += chunk.toString('utf8')));
  input.write(typed);
  if (end) input.end();
  const line = await promptLine(input, output, '> ', { mask });
  const left: unknown = input.read();
  const rest = left === null ? '' : (left as Buffer).toString('utf8');
  return { line, echo, rest };
}

describe('promptLine', () => {
  test('reads up to Enter and leaves the rest of the input for the next reader', async () => {
    assert.deepEqual(await prompt('alice\nRETURN 1;\n', false), {
      line: 'alice',
      echo: '> \n',
      rest: 'RETURN 1;\n',
    });
    assert.deepEqual(await prompt('bob\r\nnext', false), { line: 'bob', echo: '> \n', rest: 'next' });
  });

  test('masks what is typed with stars, and backspace removes the last character and its star', async () => {
    assert.deepEqual(await prompt('pw\u007f\u007f\u007fpa\bss\r', true), {
      line: 'pss',
      echo: '> **\b \b\b \b**\b \b**\n',
      rest: '',
    });
  });

  test('gives up on Ctrl-C, on Ctrl-D at the start of the line, and at the end of an empty input', async () => {
    assert.equal((await prompt('abc\u0003', true)).line, undefined);
    assert.equal((await prompt('\u0004', true)).line, undefined);
    assert.equal((await prompt('', false, true)).line, undefined);
    assert.equal((await prompt('partial', false, true)).line, 'partial');
  });
});
