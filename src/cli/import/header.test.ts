import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHeader, type Column } from './header.js';

function columns(text: string, entity: 'node' | 'relationship' = 'node'): readonly Column[] {
  return parseHeader(text.split(','), entity, 'file.csv').columns;
}

test('a bare name is a string property and name:type a typed one, types in any case', () => {
  assert.deepEqual(columns('name,age:INT,score:double'), [
    { kind: 'property', name: 'name', type: 'string', array: false, config: {} },
    { kind: 'property', name: 'age', type: 'int', array: false, config: {} },
    { kind: 'property', name: 'score', type: 'double', array: false, config: {} },
  ]);
});

test('every value type of neo4j-admin is known, and type[] is an array', () => {
  const types =
    'int long float double boolean byte short char string date localtime time localdatetime datetime duration point';
  for (const type of types.split(' ')) {
    assert.deepEqual(columns(`v:${type}[]`)[0], {
      kind: 'property',
      name: 'v',
      type,
      array: true,
      config: {},
    });
  }
});

test('id columns carry an optional name and group', () => {
  assert.deepEqual(columns(':ID,x'), [
    { kind: 'id', name: undefined, group: '' },
    { kind: 'property', name: 'x', type: 'string', array: false, config: {} },
  ]);
  assert.deepEqual(columns('userId:ID(Users)')[0], { kind: 'id', name: 'userId', group: 'Users' });
});

test('relationship headers have start, end, type, ignored columns and properties', () => {
  assert.deepEqual(columns(':START_ID(A),:END_ID(B),:TYPE,junk:IGNORE,since:long', 'relationship'), [
    { kind: 'start', group: 'A' },
    { kind: 'end', group: 'B' },
    { kind: 'type' },
    { kind: 'ignore' },
    { kind: 'property', name: 'since', type: 'long', array: false, config: {} },
  ]);
});

test('a column configuration is read as a map', () => {
  assert.deepEqual(columns('at:datetime{timezone:Europe/Stockholm}')[0], {
    kind: 'property',
    name: 'at',
    type: 'datetime',
    array: false,
    config: { timezone: 'Europe/Stockholm' },
  });
  assert.deepEqual(columns("loc:point{crs:'WGS-84'}")[0], {
    kind: 'property',
    name: 'loc',
    type: 'point',
    array: false,
    config: { crs: 'WGS-84' },
  });
});

test('a colon that does not start a type is part of the name', () => {
  assert.deepEqual(columns('http://x')[0], {
    kind: 'property',
    name: 'http://x',
    type: 'string',
    array: false,
    config: {},
  });
});

test('invalid headers are refused with the file name and the reason', () => {
  const cases: [string, 'node' | 'relationship', RegExp][] = [
    ['a:integer', 'node', /unknown type 'integer'/],
    [':START_ID,:END_ID', 'node', /node file cannot have a :START_ID/],
    [':ID,:ID(X)', 'node', /at most one :ID/],
    ['a,a:int', 'node', /'a' appears twice/],
    [':START_ID', 'relationship', /exactly one :END_ID/],
    [':ID,:START_ID,:END_ID', 'relationship', /cannot have a :ID/],
    ['x,', 'node', /has no name/],
    [':int', 'node', /needs a name/],
    ['a:int(G)', 'node', /only id columns take a \(group\)/],
    [':LABEL[]', 'node', /cannot be an array/],
  ];
  for (const [text, entity, message] of cases) {
    assert.throws(
      () => parseHeader(text.split(','), entity, 'in.csv'),
      (error: Error) => error.message.startsWith('Invalid header in in.csv') && message.test(error.message),
      text,
    );
  }
});
