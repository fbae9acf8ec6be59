import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decode, encode, Structure } from '../../packstream/index.js';
import { CypherDate } from '../../values/index.js';
import { isMap } from './fields.js';

test('isMap: decoded maps, whatever their keys, and nothing else', () => {
  for (const map of [{}, { n: 1n }, { constructor: 1n }, { constructor: 'Object' }, { ['__proto__']: 2n }]) {
    assert.equal(isMap(decode(encode(map))), true, JSON.stringify(Object.keys(map)));
  }
  assert.equal(isMap(Object.create(null)), true);
  const others: readonly unknown[] = [
    null,
    1n,
    'map',
    [],
    new Uint8Array(2),
    new Structure(0x4e, []),
    CypherDate.fromFields(2026, 11, 22),
  ];
  others.forEach((other, index) => {
    assert.equal(isMap(other), false, `value ${index}`);
  });
});
