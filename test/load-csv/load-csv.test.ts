import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { DatabaseEngine } from '../../src/engine/database-engine.js';
import { DatabaseError } from '../../src/errors/index.js';
import type { PlanDescription } from '../../src/planner/index.js';
import { engineOver, ImportDirectory, runQuery } from './csv-engine.js';

const directory = new ImportDirectory();
after(() => {
  directory.remove();
});

directory.write('artists.csv', '1,ABBA,1992\n2,Roxette,1986\n3,Europe,1979\n4,The Cardigans,1992\n');
directory.write('artists-with-headers.csv', 'Id,Name,Year\n1,ABBA,1992\n2,Roxette,1986\n');
directory.write('artists-fieldterminator.csv', '1;ABBA;1992\n2;Roxette;1986\n');

async function rejects(engine: DatabaseEngine, query: string, code: string, message: RegExp): Promise<void> {
  await assert.rejects(runQuery(engine, query), (error: unknown) => {
    assert.ok(error instanceof DatabaseError, String(error));
    assert.equal(error.status.code, code);
    assert.match(error.message, message);
    return true;
  });
}

function operators(plan: PlanDescription | undefined): string[] {
  if (plan === undefined) return [];
  return [plan.operatorType, ...plan.children.flatMap(operators)];
}

/** Open file descriptors of this process (Linux), or undefined where /proc is missing. */
function openDescriptors(): number | undefined {
  return existsSync('/proc/self/fd') ? readdirSync('/proc/self/fd').length : undefined;
}

describe('LOAD CSV', () => {
  const engine = engineOver(directory);

  it('yields each record of a file without headers as a list of strings', async () => {
    const { rows } = await runQuery(engine, "LOAD CSV FROM 'file:///artists.csv' AS line RETURN line");
    assert.deepEqual(rows, [
      [['1', 'ABBA', '1992']],
      [['2', 'Roxette', '1986']],
      [['3', 'Europe', '1979']],
      [['4', 'The Cardigans', '1992']],
    ]);
  });

  it('yields each record of a file with headers as a map keyed by the header', async () => {
    const { rows } = await runQuery(
      engine,
      "LOAD CSV WITH HEADERS FROM 'file:///artists-with-headers.csv' AS line RETURN line.Name, line",
    );
    assert.deepEqual(rows, [
      ['ABBA', { Id: '1', Name: 'ABBA', Year: '1992' }],
      ['Roxette', { Id: '2', Name: 'Roxette', Year: '1986' }],
    ]);
  });

  it('splits fields at the FIELDTERMINATOR', async () => {
    const { rows } = await runQuery(
      engine,
      "LOAD CSV FROM 'file:///artists-fieldterminator.csv' AS line FIELDTERMINATOR ';' RETURN line[1]",
    );
    assert.deepEqual(rows, [['ABBA'], ['Roxette']]);
  });

  it('reads tab-separated files with a tab terminator', async () => {
    directory.write('tabs.tsv', 'a\tb c\t"d\te"\n');
    const { rows } = await runQuery(
      engine,
      "LOAD CSV FROM 'file:///tabs.tsv' AS r FIELDTERMINATOR '\\t' RETURN r",
    );
    assert.deepEqual(rows, [[['a', 'b c', 'd\te']]]);
  });

  it('reads quoted fields, escaped quotes, multiline fields, a BOM and CRLF line ends', async () => {
    const content = '\uFEFFname,bio\r\n"The ""Symbol""","line 1\r\nline 2"\r\n"say \\"hi\\"",plain\r\n';
    directory.write('tricky.csv', content);
    const { rows } = await runQuery(
      engine,
      "LOAD CSV WITH HEADERS FROM 'file:///tricky.csv' AS r RETURN r.name, r.bio, size(r.name), keys(r)",
    );
    assert.deepEqual(rows, [
      ['The "Symbol"', 'line 1\r\nline 2', 12n, ['name', 'bio']],
      ['say "hi"', 'plain', 8n, ['name', 'bio']],
    ]);
  });

  it('gives null for empty fields and for trailing fields a record lacks', async () => {
    directory.write('gaps.csv', 'a,b,c\n1,,""\n2\n');
    const { rows } = await runQuery(engine, "LOAD CSV WITH HEADERS FROM 'file:///gaps.csv' AS r RETURN r");
    assert.deepEqual(rows, [[{ a: '1', b: null, c: null }], [{ a: '2', b: null, c: null }]]);
  });

  it('numbers lines with linenumber() (the header is line 1) and names the file with file()', async () => {
    const { rows } = await runQuery(
      engine,
      "LOAD CSV WITH HEADERS FROM 'file:///artists-with-headers.csv' AS r RETURN linenumber(), file()",
    );
    const path = resolve(directory.path, 'artists-with-headers.csv');
    assert.deepEqual(rows, [
      [2n, path],
      [3n, path],
    ]);
  });

  it('returns null from linenumber() and file() outside LOAD CSV', async () => {
    const { rows } = await runQuery(engine, 'RETURN linenumber() AS l, file() AS f');
    assert.deepEqual(rows, [[null, null]]);
  });

  it('describes the most recent LOAD CSV with linenumber() and file()', async () => {
    const { rows } = await runQuery(
      engine,
      "LOAD CSV FROM 'file:///artists-fieldterminator.csv' AS a LOAD CSV FROM 'file:///artists.csv' AS b " +
        'RETURN linenumber() AS l, file() ENDS WITH "artists.csv" AS f LIMIT 3',
    );
    assert.deepEqual(rows, [
      [1n, true],
      [2n, true],
      [3n, true],
    ]);
  });

  it('loads the file again for every incoming row', async () => {
    const { rows } = await runQuery(
      engine,
      "UNWIND [1, 2] AS i LOAD CSV FROM 'file:///artists.csv' AS line RETURN i, linenumber()",
    );
    assert.deepEqual(rows, [
      [1n, 1n],
      [1n, 2n],
      [1n, 3n],
      [1n, 4n],
      [2n, 1n],
      [2n, 2n],
      [2n, 3n],
      [2n, 4n],
    ]);
  });

  it('reads the file an expression names, per row', async () => {
    const { rows } = await runQuery(
      engine,
      "UNWIND ['artists.csv', 'artists-fieldterminator.csv'] AS name " +
        "LOAD CSV FROM 'file:///' + name AS line RETURN name, count(*) AS records",
    );
    assert.deepEqual(rows, [
      ['artists.csv', 4n],
      ['artists-fieldterminator.csv', 2n],
    ]);
  });

  it('reads only as far as the rows pulled: a LIMIT stops before a malformed tail', async () => {
    const good = Array.from({ length: 200_000 }, (_, index) => `${String(index)},name ${String(index)}`);
    directory.write('poisoned.csv', `${good.join('\n')}\n"never closed`);
    const { rows } = await runQuery(engine, "LOAD CSV FROM 'file:///poisoned.csv' AS r RETURN r[0] LIMIT 10");
    assert.equal(rows.length, 10);
    await rejects(
      engine,
      "LOAD CSV FROM 'file:///poisoned.csv' AS r RETURN count(*)",
      'Neo.ClientError.Statement.ExternalResourceFailed',
      /poisoned\.csv @ record 200001: a quoted field is not closed/,
    );
  });

  it('closes the file when the rows run out and when a LIMIT stops early', async (context) => {
    const before = openDescriptors();
    if (before === undefined) {
      context.skip('no /proc/self/fd here');
      return;
    }
    directory.write('many.csv', Array.from({ length: 100_000 }, (_, index) => String(index)).join('\n'));
    await runQuery(engine, "LOAD CSV FROM 'file:///many.csv' AS r RETURN r LIMIT 3");
    await runQuery(engine, "LOAD CSV FROM 'file:///artists.csv' AS r RETURN r");
    await runQuery(engine, "LOAD CSV FROM 'file:///many.csv' AS r RETURN r", {}, 5);
    assert.equal(openDescriptors(), before);
  });

  it('creates nodes from every record and streams them without an Eager barrier', async () => {
    const local = engineOver(directory);
    const query =
      "LOAD CSV WITH HEADERS FROM 'file:///artists-with-headers.csv' AS line " +
      'CREATE (:Artist {name: line.Name, year: toInteger(line.Year), line: linenumber()})';
    const explained = await runQuery(local, `EXPLAIN ${query}`);
    assert.deepEqual(operators(explained.summary.plan), ['EmptyResult', 'Create', 'LoadCSV']);
    const { summary } = await runQuery(local, query);
    assert.equal(summary.statistics.nodesCreated, 2);
    assert.equal(summary.statistics.propertiesSet, 6);
    const { rows } = await runQuery(local, 'MATCH (a:Artist) RETURN a.name, a.year, a.line ORDER BY a.line');
    assert.deepEqual(rows, [
      ['ABBA', 1992n, 2n],
      ['Roxette', 1986n, 3n],
    ]);
  });

  it('works with CALL { … } IN TRANSACTIONS', async () => {
    const local = engineOver(directory);
    await runQuery(
      local,
      "LOAD CSV FROM 'file:///artists.csv' AS line " +
        'CALL (line) { CREATE (:Artist {name: line[1]}) } IN TRANSACTIONS OF 2 ROWS',
    );
    const { rows } = await runQuery(local, 'MATCH (a:Artist) RETURN count(a)');
    assert.deepEqual(rows, [[4n]]);
  });

  it('shows LoadCSV in EXPLAIN with the row variable', async () => {
    const { summary } = await runQuery(
      engine,
      "EXPLAIN LOAD CSV FROM 'file:///artists.csv' AS line RETURN line",
    );
    const load = summary.plan?.children[0];
    assert.equal(load?.operatorType, 'LoadCSV');
    assert.equal(load.arguments.Details, 'line');
  });

  it('refuses a missing file with ExternalResourceFailed', async () => {
    await rejects(
      engine,
      "LOAD CSV FROM 'file:///missing.csv' AS line RETURN line",
      'Neo.ClientError.Statement.ExternalResourceFailed',
      /^Couldn't load the external resource at: file:\/.*\/missing\.csv$/,
    );
  });

  it('refuses paths that leave the import directory', async () => {
    await rejects(
      engine,
      "LOAD CSV FROM 'file:///..%2F..%2Fetc%2Fpasswd' AS line RETURN line",
      'Neo.ClientError.Statement.ExternalResourceFailed',
      /leaves the import directory/,
    );
  });

  it('refuses remote URLs, URLs without a scheme and unknown schemes', async () => {
    await rejects(
      engine,
      "LOAD CSV FROM 'https://data.neo4j.com/bands/artists.csv' AS line RETURN line",
      'Neo.ClientError.Statement.ExternalResourceFailed',
      /synchronous/,
    );
    await rejects(
      engine,
      "LOAD CSV FROM 'artists.csv' AS line RETURN line",
      'Neo.ClientError.Statement.ExternalResourceFailed',
      /no protocol/,
    );
    await rejects(
      engine,
      "LOAD CSV FROM 's3://bucket/a.csv' AS line RETURN line",
      'Neo.ClientError.Statement.ExternalResourceFailed',
      /unknown protocol: s3/,
    );
  });

  it('refuses USING PERIODIC COMMIT, pointing at CALL { … } IN TRANSACTIONS', async () => {
    await rejects(
      engine,
      "USING PERIODIC COMMIT 500 LOAD CSV FROM 'file:///artists.csv' AS line CREATE (:A)",
      'Neo.ClientError.Statement.SyntaxError',
      /PERIODIC COMMIT query hint is no longer supported\. Please use CALL \{ \.\.\. \} IN TRANSACTIONS instead/,
    );
  });

  it('resolves file URLs against import/ under the working directory by default', () => {
    assert.equal(new DatabaseEngine().importDirectory, resolve('import'));
    assert.equal(new DatabaseEngine({ importDirectory: 'data/csv' }).importDirectory, resolve('data/csv'));
  });
});
