import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseMapLiteral } from './map-literal.js';

test('map literals hold numbers, quoted strings and bare words', () => {
  assert.deepEqual(parseMapLiteral("{x: 1, y: -2.5e1, crs: 'WGS-84', 'k': \"a,b\", zone: Europe/Paris}"), {
    x: 1,
    y: -25,
    crs: 'WGS-84',
    k: 'a,b',
    zone: 'Europe/Paris',
  });
  assert.deepEqual(parseMapLiteral(' {} '), {});
});

test('text that is not a map literal is refused with the reason', () => {
  assert.throws(() => parseMapLiteral('x: 1'), /expected \{key: value/);
  assert.throws(() => parseMapLiteral('{x 1}'), /has no ':'/);
  assert.throws(() => parseMapLiteral('{x: 1, x: 2}'), /appears twice/);
  assert.throws(() => parseMapLiteral("{x: 'open}"), /unterminated quote/);
  assert.throws(() => parseMapLiteral('{: 1}'), /no key/);
});
