import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DatabaseError } from '../../errors/index.js';
import { CsvFileReader } from './load-csv-reader.js';

const directory = mkdtempSync(join(tmpdir(), 'quiver-csv-reader-'));
after(() => {
  rmSync(directory, { recursive: true, force: true });
});

function file(name: string, content: string | Uint8Array): string {
  const path = join(directory, name);
  writeFileSync(path, content);
  return path;
}

function readAll(reader: CsvFileReader): (string | null)[][] {
  const records: (string | null)[][] = [];
  for (let record = reader.next(); record !== null; record = reader.next()) records.push(record);
  return records;
}

function isExternalResourceFailed(message: RegExp): (error: unknown) => boolean {
  return (error) => {
    assert.ok(error instanceof DatabaseError);
    assert.equal(error.status.code, 'Neo.ClientError.Statement.ExternalResourceFailed');
    assert.match(error.message, message);
    return true;
  };
}

describe('CsvFileReader', () => {
  it('reads every record of a file and counts them from 1', () => {
    const reader = new CsvFileReader(file('plain.csv', 'a,b\nc,d\n'), ',');
    assert.deepEqual(reader.next(), ['a', 'b']);
    assert.equal(reader.recordNumber, 1);
    assert.deepEqual(reader.next(), ['c', 'd']);
    assert.equal(reader.recordNumber, 2);
    assert.equal(reader.next(), null);
  });

  it('drops a UTF-8 byte order mark at the start of the file', () => {
    const path = file(
      'bom.csv',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('id,name\n1,x\n')]),
    );
    assert.deepEqual(readAll(new CsvFileReader(path, ',')), [
      ['id', 'name'],
      ['1', 'x'],
    ]);
  });

  it('decodes multi-byte characters split between two chunks', () => {
    const path = file('utf8.csv', 'é😀,ü\n"ж\nя",x\n');
    assert.deepEqual(readAll(new CsvFileReader(path, ',', 1)), [
      ['é😀', 'ü'],
      ['ж\nя', 'x'],
    ]);
  });

  it('reads quoted records longer than one chunk', () => {
    const long = 'x'.repeat(5000);
    const path = file('long.csv', `"${long}\n${long}",b\nc,d\n`);
    assert.deepEqual(readAll(new CsvFileReader(path, ',', 64)), [
      [`${long}\n${long}`, 'b'],
      ['c', 'd'],
    ]);
  });

  it('reads only the chunks the records pulled so far need', () => {
    const lines = Array.from({ length: 50_000 }, (_, index) => `${String(index)},row ${String(index)}`);
    const path = file('big.csv', `${lines.join('\n')}\n`);
    const reader = new CsvFileReader(path, ',', 4096);
    for (let count = 0; count < 10; count++) assert.notEqual(reader.next(), null);
    assert.equal(reader.bytesRead, 4096);
    reader.close();
  });

  it('releases the file once the last record was read, and on close()', () => {
    const finished = new CsvFileReader(file('two.csv', 'a\nb\n'), ',');
    readAll(finished);
    assert.equal(finished.isClosed, true);
    const stopped = new CsvFileReader(file('three.csv', 'a\nb\nc\n'), ',', 1);
    stopped.next();
    assert.equal(stopped.isClosed, false);
    stopped.close();
    assert.equal(stopped.isClosed, true);
    assert.equal(stopped.next(), null);
  });

  it('refuses a missing file with Neo4j’s ExternalResourceFailed wording', () => {
    const path = join(directory, 'missing.csv');
    assert.throws(
      () => new CsvFileReader(path, ','),
      isExternalResourceFailed(/^Couldn't load the external resource at: file:\/.*missing\.csv$/),
    );
  });

  it('refuses a directory as it refuses a missing file', () => {
    const path = join(directory, 'a-directory');
    mkdirSync(path);
    assert.throws(() => new CsvFileReader(path, ','), isExternalResourceFailed(/Couldn't load/));
  });

  it('names the file and the record of a malformed record', () => {
    const reader = new CsvFileReader(file('bad.csv', 'a\nb\n"c\n'), ',');
    assert.deepEqual(reader.next(), ['a']);
    assert.deepEqual(reader.next(), ['b']);
    assert.throws(
      () => reader.next(),
      isExternalResourceFailed(/bad\.csv @ record 3: a quoted field is not closed/),
    );
    assert.equal(reader.isClosed, true);
  });
});
