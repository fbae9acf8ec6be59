import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Node } from '../../values/index.js';
import { CsvRenderer, csvLine } from './csv.js';

describe('CsvRenderer', () => {
  test('writes a header and RFC 4180 records ended by CRLF', () => {
    let text = '';
    const renderer = new CsvRenderer((chunk) => (text += chunk));
    renderer.begin(['name', 'note', 'n']);
    renderer.record(['Alice', 'says "hi", then\nleaves', 1n]);
    renderer.record([null, ' padded', new Node({ id: 1n, labels: ['P'] })]);
    assert.equal(renderer.end(), 2);
    assert.equal(text, 'name,note,n\r\nAlice,"says ""hi"", then\nleaves",1\r\n," padded",(:P)\r\n');
  });

  test('the header is written even when there are no records', () => {
    let text = '';
    const renderer = new CsvRenderer((chunk) => (text += chunk));
    renderer.begin(['a,b']);
    renderer.end();
    assert.equal(text, '"a,b"\r\n');
  });

  test('plain fields are not quoted', () => {
    assert.equal(csvLine(['a', '1.5', '']), 'a,1.5,\r\n');
  });
});
