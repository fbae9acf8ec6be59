import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { StatementSplitter, type ShellInput } from './statement-splitter.js';

function split(text: string): ShellInput[] {
  const splitter = new StatementSplitter();
  const inputs = text.split('\n').flatMap((line) => splitter.push(line));
  return [...inputs, ...splitter.finish()];
}

const cypher = (text: string): ShellInput => ({ kind: 'CYPHER', text });
const command = (text: string): ShellInput => ({ kind: 'COMMAND', text });

describe('StatementSplitter', () => {
  test('a semicolon ends a statement and is not part of it', () => {
    assert.deepEqual(split('RETURN 1; RETURN 2;'), [cypher('RETURN 1'), cypher('RETURN 2')]);
  });

  test('a statement may span several lines', () => {
    assert.deepEqual(split('MATCH (n)\n  RETURN n\n;'), [cypher('MATCH (n)\n  RETURN n')]);
  });

  test('semicolons inside strings, backticks and comments do not end a statement', () => {
    const text = [
      'RETURN \'a;b\' AS `x;y`, "c;\\";d" // not; the end',
      '/* still;',
      'not the end */ AS z;',
    ].join('\n');
    assert.deepEqual(split(text), [cypher(text.slice(0, -1))]);
  });

  test('an escaped quote does not close a string', () => {
    assert.deepEqual(split("RETURN 'it\\'s;' AS s;"), [cypher("RETURN 'it\\'s;' AS s")]);
  });

  test('a doubled backtick stays inside the name', () => {
    assert.deepEqual(split('RETURN 1 AS `a``;b`;'), [cypher('RETURN 1 AS `a``;b`')]);
  });

  test('a line starting with a colon outside a statement is a command without its optional semicolon', () => {
    assert.deepEqual(split(':param x => 1;\n  :begin\nRETURN $x;\n:commit'), [
      command(':param x => 1'),
      command(':begin'),
      cypher('RETURN $x'),
      command(':commit'),
    ]);
  });

  test('a colon line inside a statement belongs to the statement', () => {
    assert.deepEqual(split('MATCH (n\n:Person) RETURN n;'), [cypher('MATCH (n\n:Person) RETURN n')]);
  });

  test('the last statement runs without a semicolon, but blanks and comments alone do not', () => {
    assert.deepEqual(split('RETURN 1;\nRETURN 2'), [cypher('RETURN 1'), cypher('RETURN 2')]);
    assert.deepEqual(split('RETURN 1;\n// done\n;;\n'), [cypher('RETURN 1')]);
  });

  test('isIncomplete tells when a statement continues on the next line', () => {
    const splitter = new StatementSplitter();
    assert.equal(splitter.isIncomplete, false);
    splitter.push('// comment only');
    assert.equal(splitter.isIncomplete, false);
    splitter.push('MATCH (n)');
    assert.equal(splitter.isIncomplete, true);
    assert.deepEqual(splitter.push('RETURN n;'), [cypher('// comment only\nMATCH (n)\nRETURN n')]);
    assert.equal(splitter.isIncomplete, false);
    splitter.push('RETURN "open');
    splitter.reset();
    assert.deepEqual(splitter.push('RETURN 1;'), [cypher('RETURN 1')]);
  });

  test('statements of plain words come back unchanged however the lines are cut', () => {
    const word = fc.constantFrom('RETURN', '1', 'AS', 'x', '"a;b"', "'c'", '`d;`', '+');
    const statement = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(fc.array(statement, { minLength: 1, maxLength: 5 }), fc.nat(), (statements, seed) => {
        const text = statements.map((s) => `${s};`).join(' ');
        // Break the text into lines at spaces chosen by the seed.
        const cut = text
          .split(' ')
          .reduce((out, part, index) => out + ((seed >> (index % 30)) & 1 ? '\n' : ' ') + part);
        const texts = split(cut).map((input) => input.text.replace(/\s+/g, ' '));
        assert.deepEqual(texts, statements);
      }),
      { numRuns: 200 },
    );
  });
});

/**
 * The splitter's rules written the slow, obvious way (every character through one state machine), as a
 * reference for the fast scanner.
 */
function referenceSplit(text: string): ShellInput[] {
  const inputs: ShellInput[] = [];
  let buffer = '';
  let state: 'CODE' | "'" | '"' | '`' | '//' | '/*' = 'CODE';
  let hasCode = false;
  let escaped = false;
  for (const line of text.split('\n')) {
    if (!hasCode && state === 'CODE' && line.trimStart().startsWith(':')) {
      const trimmed = line.trim();
      inputs.push(command(trimmed.endsWith(';') ? trimmed.slice(0, -1).trimEnd() : trimmed));
      buffer = '';
      continue;
    }
    for (let at = 0; at < line.length; at++) {
      const char = line.charAt(at);
      const pair = char + line.charAt(at + 1);
      if (state === 'CODE' && char === ';') {
        if (hasCode) inputs.push(cypher(buffer.trim()));
        [buffer, hasCode, escaped] = ['', false, false];
        continue;
      }
      buffer += char;
      if (state === 'CODE' && (pair === '//' || pair === '/*')) {
        state = pair;
        buffer += line.charAt(++at);
      } else if (state === 'CODE') {
        if (char.trim() !== '') hasCode = true;
        if (char === "'" || char === '"' || char === '`') state = char;
      } else if (state === '/*' && pair === '*/') {
        state = 'CODE';
        buffer += line.charAt(++at);
      } else if (state === "'" || state === '"') {
        if (escaped) escaped = false;
        else if (char === '\\') escaped = true;
        else if (char === state) state = 'CODE';
      } else if (state === '`' && char === '`') state = 'CODE';
    }
    if (state === '//') state = 'CODE';
    buffer += '\n';
  }
  if (hasCode) inputs.push(cypher(buffer.trim()));
  return inputs;
}

test('cuts any text exactly as the character-by-character rules do', () => {
  const piece = fc.constantFrom(
    'a',
    ' ',
    ';',
    "'",
    '"',
    '`',
    '/',
    '*',
    '\\',
    '\n',
    ':',
    'RETURN 1',
    '{k: 2}',
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
      const text = pieces.join('');
      assert.deepEqual(split(text), referenceSplit(text));
    }),
    { numRuns: 2000 },
  );
});
