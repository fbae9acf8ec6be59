import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { canonicalExpected } from './canonical.js';
import { parseTckValue } from './parse-tck-value.js';
import type { TckEntries, TckNode, TckRelationship, TckValue } from './tck-value.js';

test('scalars parse with INTEGER as bigint and FLOAT as number', () => {
  assert.deepEqual(parseTckValue('null'), { kind: 'null' });
  assert.deepEqual(parseTckValue(' true '), { kind: 'boolean', value: true });
  assert.deepEqual(parseTckValue('-9223372036854775808'), { kind: 'integer', value: -9223372036854775808n });
  assert.deepEqual(parseTckValue('1.0'), { kind: 'float', value: 1 });
  assert.deepEqual(parseTckValue('1e-305'), { kind: 'float', value: 1e-305 });
  assert.deepEqual(parseTckValue('-Infinity'), { kind: 'float', value: -Infinity });
  const nan = parseTckValue('NaN');
  assert.ok(nan.kind === 'float' && Number.isNaN(nan.value));
  const negativeZero = parseTckValue('-0.0');
  assert.ok(negativeZero.kind === 'float' && Object.is(negativeZero.value, -0));
});

test('strings undo backslash escapes', () => {
  assert.deepEqual(parseTckValue("'\\''"), { kind: 'string', value: "'" });
  assert.deepEqual(parseTckValue("'a\\\\b\\'\"'"), { kind: 'string', value: 'a\\b\'"' });
  assert.deepEqual(parseTckValue("'x\\ty'"), { kind: 'string', value: 'x\ty' });
  assert.deepEqual(parseTckValue("''"), { kind: 'string', value: '' });
});

test('lists and maps nest, and map keys may be back-quoted', () => {
  assert.deepEqual(parseTckValue('[1, [], {a: [2.5]}]'), {
    kind: 'list',
    items: [
      { kind: 'integer', value: 1n },
      { kind: 'list', items: [] },
      { kind: 'map', entries: [['a', { kind: 'list', items: [{ kind: 'float', value: 2.5 }] }]] },
    ],
  });
  assert.deepEqual(parseTckValue('{``: 0, `a b`: null}'), {
    kind: 'map',
    entries: [
      ['', { kind: 'integer', value: 0n }],
      ['a b', { kind: 'null' }],
    ],
  });
});

test('nodes, relationships and paths parse with labels, types, properties and directions', () => {
  assert.deepEqual(parseTckValue("(:A:B {name: 'x'})"), {
    kind: 'node',
    labels: ['A', 'B'],
    properties: [['name', { kind: 'string', value: 'x' }]],
  });
  assert.deepEqual(parseTckValue('()'), { kind: 'node', labels: [], properties: [] });
  assert.deepEqual(parseTckValue('[:T {k: 1}]'), {
    kind: 'relationship',
    type: 'T',
    properties: [['k', { kind: 'integer', value: 1n }]],
  });
  const path = parseTckValue('<(:A)-[:T]->(:B)<-[:U]-()>');
  assert.equal(path.kind, 'path');
  assert.deepEqual(
    path.steps.map((step) => [step.relationship.type, step.direction]),
    [
      ['T', 'forward'],
      ['U', 'backward'],
    ],
  );
});

test('malformed cells are rejected with the offset', () => {
  assert.throws(() => parseTckValue('[1, 2'), /expected/);
  assert.throws(() => parseTckValue("'open"), /closing/);
  assert.throws(() => parseTckValue('1 2'), /end of value/);
  assert.throws(() => parseTckValue('{a: 1, a: 2}'), /key other than a/);
  assert.throws(() => parseTckValue('nothing'), /a value/);
});

const names = fc.oneof(fc.constantFrom('a', 'name', 'k1', '', 'a b', 'x`y'), fc.string({ maxLength: 4 }));
const uniqueEntries = (value: fc.Arbitrary<TckValue>): fc.Arbitrary<TckEntries> =>
  fc.uniqueArray(fc.tuple(names, value), { maxLength: 3, selector: ([key]) => key });
const labels = fc.uniqueArray(fc.constantFrom('A', 'B', 'Label', 'with space'), { maxLength: 3 });

const { value: tckValues } = fc.letrec<{ value: TckValue; node: TckNode; relationship: TckRelationship }>(
  (tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constant<TckValue>({ kind: 'null' }),
      fc.boolean().map((value): TckValue => ({ kind: 'boolean', value })),
      fc
        .bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })
        .map((value): TckValue => ({ kind: 'integer', value })),
      fc.double().map((value): TckValue => ({ kind: 'float', value })),
      fc.string({ maxLength: 6 }).map((value): TckValue => ({ kind: 'string', value })),
      fc.array(tie('value'), { maxLength: 3 }).map((items): TckValue => ({ kind: 'list', items })),
      uniqueEntries(tie('value')).map((entries): TckValue => ({ kind: 'map', entries })),
      tie('node'),
      tie('relationship'),
      fc
        .tuple(
          tie('node'),
          fc.array(fc.tuple(tie('relationship'), fc.boolean(), tie('node')), { maxLength: 2 }),
        )
        .map(([start, hops]): TckValue => ({
          kind: 'path',
          start,
          steps: hops.map(([relationship, forward, node]) => ({
            relationship,
            direction: forward ? 'forward' : 'backward',
            node,
          })),
        })),
    ),
    node: fc
      .tuple(labels, uniqueEntries(tie('value')))
      .map(([nodeLabels, properties]): TckNode => ({ kind: 'node', labels: nodeLabels, properties })),
    relationship: fc
      .tuple(fc.constantFrom('T', 'KNOWS', 'odd type'), uniqueEntries(tie('value')))
      .map(([type, properties]): TckRelationship => ({ kind: 'relationship', type, properties })),
  }),
);

test('printing a value canonically and parsing the text back gives the same canonical text', () => {
  const options = { listsUnordered: false };
  fc.assert(
    fc.property(tckValues, (value) => {
      const text = canonicalExpected(value, options);
      assert.equal(canonicalExpected(parseTckValue(text), options), text);
    }),
    { numRuns: 300 },
  );
});
