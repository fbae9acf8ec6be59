import assert from 'node:assert/strict';
import { test } from 'node:test';
import { character, parseImportCommand, type ImportCommandOptions } from './import-options.js';

function options(...argv: string[]): ImportCommandOptions {
  const parsed = parseImportCommand(argv);
  assert.equal(parsed.kind, 'run');
  return parsed.options;
}

test('defaults follow neo4j-admin and Quiver layout', () => {
  const parsed = options('--nodes=users.csv');
  assert.equal(parsed.dataDir, './data');
  assert.equal(parsed.database, 'neo4j');
  assert.equal(parsed.reportFile, 'import.report');
  assert.equal(parsed.overwriteDestination, false);
  assert.deepEqual(parsed.inputs, { nodes: [{ labels: [], files: ['users.csv'] }], relationships: [] });
  assert.deepEqual(parsed.settings, {
    delimiter: ',',
    arrayDelimiter: ';',
    quote: '"',
    multilineFields: false,
    idType: 'string',
    badTolerance: 1000,
    skipBadRelationships: false,
    skipDuplicateNodes: false,
    ignoreEmptyStrings: false,
    trimStrings: false,
    normalizeTypes: true,
  });
});

test('--nodes and --relationships repeat and take labels, a type and several files', () => {
  const parsed = options(
    '--nodes=Person:Admin=h.csv,p1.csv, p2.csv',
    '--nodes',
    'Movie=m.csv',
    '--relationships=ACTED_IN=r.csv',
    '--relationships=x.csv',
  );
  assert.deepEqual(parsed.inputs, {
    nodes: [
      { labels: ['Person', 'Admin'], files: ['h.csv', 'p1.csv', 'p2.csv'] },
      { labels: ['Movie'], files: ['m.csv'] },
    ],
    relationships: [
      { type: 'ACTED_IN', files: ['r.csv'] },
      { type: undefined, files: ['x.csv'] },
    ],
  });
});

test('booleans are flags or take =true/=false, and the database may be positional', () => {
  const parsed = options(
    'MyDb',
    '--nodes=a.csv',
    '--skip-bad-relationships',
    '--skip-duplicate-nodes=true',
    '--normalize-types=false',
    '--multiline-fields=TRUE',
    '--overwrite-destination',
    '--id-type=INTEGER',
    '--bad-tolerance=-1',
    '--delimiter=TAB',
    '--array-delimiter=U+007C',
    "--quote='",
  );
  assert.equal(parsed.database, 'mydb');
  assert.equal(parsed.settings.skipBadRelationships, true);
  assert.equal(parsed.settings.skipDuplicateNodes, true);
  assert.equal(parsed.settings.normalizeTypes, false);
  assert.equal(parsed.settings.multilineFields, true);
  assert.equal(parsed.overwriteDestination, true);
  assert.equal(parsed.settings.idType, 'integer');
  assert.equal(parsed.settings.badTolerance, Number.POSITIVE_INFINITY);
  assert.equal(parsed.settings.delimiter, '\t');
  assert.equal(parsed.settings.arrayDelimiter, '|');
  assert.equal(parsed.settings.quote, "'");
});

test('delimiters are single characters, TAB, \\t or U+XXXX', () => {
  assert.equal(character('\\t', '--delimiter'), '\t');
  assert.equal(character('\t', '--delimiter'), '\t');
  assert.equal(character(';', '--delimiter'), ';');
  assert.throws(() => character(';;', '--delimiter'), /one character/);
});

test('invalid flags are refused with a message naming them', () => {
  const cases: [string[], RegExp][] = [
    [[], /At least one --nodes/],
    [['--nodes=a.csv', '--bogus'], /unknown option '--bogus'/],
    [['--nodes=a.csv', '--id-type=uuid'], /--id-type must be string, integer or actual/],
    [['--nodes=a.csv', '--bad-tolerance=many'], /--bad-tolerance must be/],
    [['--nodes=a.csv', '--skip-bad-relationships=maybe'], /--skip-bad-relationships takes true or false/],
    [['--nodes=a.csv', '--delimiter=;', '--array-delimiter=;'], /three different characters/],
    [['--nodes=a.csv', '--database=../x'], /Database name '..\/x' is invalid/],
    [['db1', '--database=db2', '--nodes=a.csv'], /either as an argument or with --database/],
    [['--nodes=L=a.csv,'], /an empty file name/],
    [['--nodes=A::B=a.csv'], /an empty label/],
    [['--nodes=a.csv', '--relationships==r.csv'], /an empty type/],
  ];
  for (const [argv, message] of cases) {
    assert.throws(() => parseImportCommand(argv), message, argv.join(' '));
  }
});

test('--help returns the usage text instead of running', () => {
  const parsed = parseImportCommand(['--help']);
  assert.equal(parsed.kind, 'help');
  assert.match(parsed.text, /--relationships <\[type=\]files>/);
  assert.match(parsed.text, /--skip-bad-relationships \[true\|false\]/);
});
