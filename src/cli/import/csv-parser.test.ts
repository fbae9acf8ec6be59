import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { CsvParser, type CsvDialect } from './csv-parser.js';
import type { CsvField } from './csv-record.js';

interface Parsed {
  rows: { fields: CsvField[]; line: number }[];
  bad: { line: number; reason: string }[];
}

const COMMA: CsvDialect = { delimiter: ',', quote: '"', multilineFields: false };
const MULTILINE: CsvDialect = { ...COMMA, multilineFields: true };

function parse(chunks: readonly string[], dialect: CsvDialect = COMMA): Parsed {
  const parsed: Parsed = { rows: [], bad: [] };
  const parser = new CsvParser(dialect, {
    row: (record, line) => parsed.rows.push({ fields: record.fields(), line }),
    bad: (line, reason) => parsed.bad.push({ line, reason }),
  });
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return parsed;
}

function fields(text: string, dialect: CsvDialect = COMMA): CsvField[][] {
  return parse([text], dialect).rows.map((row) => row.fields);
}

test('plain lines split at the delimiter and empty fields read as absent', () => {
  assert.deepEqual(fields('a,b,c\n1,,3\n,,\n'), [
    ['a', 'b', 'c'],
    ['1', undefined, '3'],
    [undefined, undefined, undefined],
  ]);
});

test('quoted fields keep delimiters, and a doubled quote is one quote', () => {
  assert.deepEqual(fields('"a,b","say ""hi""",c\n'), [['a,b', 'say "hi"', 'c']]);
});

test('a quoted empty field is an empty string, not an absent value', () => {
  assert.deepEqual(fields('"",x,""\n'), [['', 'x', '']]);
});

test('text after a closing quote is kept, and quotes inside unquoted text are literal', () => {
  assert.deepEqual(fields('"a"b,c"d\n'), [['ab', 'c"d']]);
});

test('CRLF line ends are stripped in plain and quoted lines', () => {
  assert.deepEqual(fields('a,b\r\n"c",d\r\n"e","f"\r\n'), [
    ['a', 'b'],
    ['c', 'd'],
    ['e', 'f'],
  ]);
});

test('a carriage return inside a quoted field is data', () => {
  assert.deepEqual(fields('"a\rb",c\n'), [['a\rb', 'c']]);
});

test('a byte-order mark at the start of the input is dropped', () => {
  assert.deepEqual(fields('\uFEFFid,name\n1,x\n'), [
    ['id', 'name'],
    ['1', 'x'],
  ]);
});

test('tab and other delimiters work, with commas then plain data', () => {
  const tab: CsvDialect = { ...COMMA, delimiter: '\t' };
  assert.deepEqual(fields('a\tb,c\t"d\te"\n', tab), [['a', 'b,c', 'd\te']]);
  const pipe: CsvDialect = { delimiter: '|', quote: "'", multilineFields: false };
  assert.deepEqual(fields('\'x|y\'|"z"\n', pipe), [['x|y', '"z"']]);
});

test('the last line needs no line break', () => {
  assert.deepEqual(fields('a,b\nc,"d"'), [
    ['a', 'b'],
    ['c', 'd'],
  ]);
});

test('empty lines are skipped but still counted in line numbers', () => {
  const parsed = parse(['a\n\n\r\nb\n']);
  assert.deepEqual(
    parsed.rows.map((row) => [row.fields[0], row.line]),
    [
      ['a', 1],
      ['b', 4],
    ],
  );
});

test('with multiline fields a quoted line break is data and lines are counted past it', () => {
  const parsed = parse(['a,"one\ntwo\r\nthree",b\nnext,"x"\n'], MULTILINE);
  assert.deepEqual(parsed.rows, [
    { fields: ['a', 'one\ntwo\r\nthree', 'b'], line: 1 },
    { fields: ['next', 'x'], line: 4 },
  ]);
  assert.deepEqual(parsed.bad, []);
});

test('without multiline fields a quoted line break makes a bad line and reading resumes after it', () => {
  const parsed = parse(['1,"open\n2,ok\n']);
  assert.deepEqual(
    parsed.bad.map((bad) => bad.line),
    [1],
  );
  assert.match(parsed.bad.map((bad) => bad.reason).join(), /--multiline-fields/);
  assert.deepEqual(parsed.rows, [{ fields: ['2', 'ok'], line: 2 }]);
});

test('a quote left open at the end of the file is reported', () => {
  const parsed = parse(['a\n"b,c'], MULTILINE);
  assert.deepEqual(
    parsed.rows.map((row) => row.fields),
    [['a']],
  );
  assert.deepEqual(parsed.bad, [{ line: 2, reason: 'unterminated quoted field at the end of the file' }]);
});

test('a record longer than the limit stops the parse instead of buffering the file', () => {
  const parser = new CsvParser(MULTILINE, { row: () => undefined, bad: () => undefined }, 16);
  parser.push('"');
  assert.throws(() => {
    parser.push('x'.repeat(20));
  }, /longer than 16 characters/);
});

const fieldText = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r', ' ', 'é', '\t') });

test('any split of the input into chunks gives the same records as the whole input', () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(fieldText, { minLength: 1, maxLength: 4 }), { maxLength: 6 }),
      fc.array(fc.nat(), { maxLength: 6 }),
      fc.boolean(),
      (records, cuts, multiline) => {
        const text = records.map((record) => record.join(',')).join('\n');
        const positions = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
        const chunks: string[] = [];
        let previous = 0;
        for (const position of positions) {
          chunks.push(text.slice(previous, position));
          previous = position;
        }
        chunks.push(text.slice(previous));
        const dialect = multiline ? MULTILINE : COMMA;
        assert.deepEqual(parse(chunks, dialect), parse([text], dialect));
      },
    ),
    { numRuns: 500 },
  );
});

/** Writes fields as CSV the way a careful exporter does: quote when needed, double the quotes. */
function encodeField(field: string): string {
  return /[",\n\r]/.test(field) || field === '' ? `"${field.replaceAll('"', '""')}"` : field;
}

test('fields written with quoting read back exactly (multiline fields on)', () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(fieldText, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
      (records) => {
        const text = records.map((record) => `${record.map(encodeField).join(',')}\n`).join('');
        const parsed = parse([text], MULTILINE);
        assert.deepEqual(parsed.bad, []);
        assert.deepEqual(
          parsed.rows.map((row) => row.fields),
          records,
        );
      },
    ),
    { numRuns: 500 },
  );
});
