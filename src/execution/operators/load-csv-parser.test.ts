import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseCsvRecord } from './load-csv-parser.js';

type Fields = (string | null)[];

/**
 * Parses `text` as a reader would: the text arrives in pieces cut at `cuts`, and a `more` step appends
 * the next piece to what is not parsed yet. Returns the records, or the reason of a malformed record.
 */
function parseAll(text: string, delimiter = ',', cuts: readonly number[] = []): Fields[] | string {
  const pieces: string[] = [];
  let previous = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    pieces.push(text.slice(previous, cut));
    previous = cut;
  }
  pieces.push(text.slice(previous));
  let buffer = pieces.shift() ?? '';
  let position = 0;
  const records: Fields[] = [];
  for (;;) {
    const step = parseCsvRecord(buffer, position, delimiter.charCodeAt(0), pieces.length === 0);
    switch (step.kind) {
      case 'record':
        records.push(step.fields);
        position = step.next;
        break;
      case 'blank':
        position = step.next;
        break;
      case 'more':
        buffer = buffer.slice(position) + (pieces.shift() ?? '');
        position = 0;
        break;
      case 'end':
        return records;
      case 'malformed':
        return step.reason;
    }
  }
}

describe('the LOAD CSV record parser', () => {
  it('splits records at the delimiter and at line breaks', () => {
    assert.deepEqual(parseAll('a,b,c\nd,e,f\n'), [
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ]);
  });

  it('reads a last record that has no line break after it', () => {
    assert.deepEqual(parseAll('a,b\nc,d'), [
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('ends records at CRLF and at a lone CR as well as at LF', () => {
    assert.deepEqual(parseAll('a,b\r\nc,d\re,f\n'), [
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
  });

  it('skips empty lines, which are not records', () => {
    assert.deepEqual(parseAll('\n\na\n\r\n\nb\n\n'), [['a'], ['b']]);
  });

  it('gives null for empty fields, quoted or not, and for a trailing delimiter', () => {
    assert.deepEqual(parseAll('a,,"",b,\n,x'), [
      ['a', null, null, 'b', null],
      [null, 'x'],
    ]);
  });

  it('keeps spaces around values (no trimming)', () => {
    assert.deepEqual(parseAll(' a , b '), [[' a ', ' b ']]);
  });

  it('reads the delimiter and line breaks inside quoted fields as data', () => {
    assert.deepEqual(parseAll('"a,b","line 1\nline 2\r\nline 3",c\n'), [
      ['a,b', 'line 1\nline 2\r\nline 3', 'c'],
    ]);
  });

  it('unescapes doubled quotes inside quoted fields (RFC 4180)', () => {
    assert.deepEqual(parseAll('"The ""Symbol""","""","x"""'), [['The "Symbol"', '"', 'x"']]);
  });

  it('unescapes backslash-quote inside quoted fields and keeps other backslashes (legacy quote escaping)', () => {
    assert.deepEqual(parseAll(String.raw`"say \"hi\"","C:\temp\dir"`), [
      ['say "hi"', String.raw`C:\temp\dir`],
    ]);
  });

  it('treats a quote in the middle of an unquoted field as an ordinary character', () => {
    assert.deepEqual(parseAll('ab"c,5" tall\n'), [['ab"c', '5" tall']]);
  });

  it('uses another field terminator when given one, such as a tab or a semicolon', () => {
    assert.deepEqual(parseAll('a\tb,c\t"d\te"\n', '\t'), [['a', 'b,c', 'd\te']]);
    assert.deepEqual(parseAll('1;ABBA;1992', ';'), [['1', 'ABBA', '1992']]);
  });

  it('reports a quoted field that is never closed', () => {
    assert.equal(parseAll('a,"open\nstill open'), 'a quoted field is not closed before the end of the file');
  });

  it('reports characters after the closing quote of a field', () => {
    assert.equal(parseAll('"ab"c,d'), 'a quoted field has characters after its closing quote');
  });

  it('asks for more text instead of guessing when a record may continue', () => {
    assert.equal(parseCsvRecord('a,b', 0, 44, false).kind, 'more');
    assert.equal(parseCsvRecord('"a"', 0, 44, false).kind, 'more');
    assert.equal(parseCsvRecord('a,', 0, 44, false).kind, 'more');
    assert.equal(parseCsvRecord('', 0, 44, false).kind, 'more');
    assert.equal(parseCsvRecord('', 0, 44, true).kind, 'end');
  });

  it('parses the same records however the text is cut into pieces', () => {
    const field = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é', '😀') }),
      // No backslash here: before a quote it escapes it, which the quoting below does not account for.
      fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', 'x') }),
    );
    const record = fc.array(field, { minLength: 1, maxLength: 5 });
    const quote = (value: string): string => `"${value.replaceAll('"', '""')}"`;
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (records, rawCuts) => {
          const text = records.map((fields) => fields.map(quote).join(',')).join('\r\n');
          const cuts = rawCuts.map((cut) => cut % (text.length + 1));
          const expected = records.map((fields) => fields.map((value) => (value === '' ? null : value)));
          assert.deepEqual(parseAll(text, ',', cuts), parseAll(text));
          assert.deepEqual(parseAll(text), expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
