import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { cypherValue } from '../../test/support/value-arbitraries.js';
import type { CypherValue } from './cypher-value.js';
import * as guards from './guards.js';
import { kindOf, type ValueKind } from './kind.js';

/** Which kinds each guard accepts. */
const ACCEPTS: Record<keyof typeof guards, readonly ValueKind[]> = {
  isBoolean: ['BOOLEAN'],
  isInteger: ['INTEGER'],
  isFloat: ['FLOAT'],
  isNumber: ['INTEGER', 'FLOAT'],
  isString: ['STRING'],
  isBytes: ['BYTES'],
  isList: ['LIST'],
  isCypherMap: ['MAP'],
  isNode: ['NODE'],
  isRelationship: ['RELATIONSHIP'],
  isPath: ['PATH'],
  isDate: ['DATE'],
  isLocalTime: ['LOCAL_TIME'],
  isTime: ['ZONED_TIME'],
  isLocalDateTime: ['LOCAL_DATETIME'],
  isDateTime: ['ZONED_DATETIME'],
  isDuration: ['DURATION'],
  isTemporal: ['DATE', 'LOCAL_TIME', 'ZONED_TIME', 'LOCAL_DATETIME', 'ZONED_DATETIME', 'DURATION'],
  isTemporalInstant: ['DATE', 'LOCAL_TIME', 'ZONED_TIME', 'LOCAL_DATETIME', 'ZONED_DATETIME'],
  isPoint: ['POINT'],
  isVector: ['VECTOR'],
  isUuid: ['UUID'],
};

test('each guard accepts exactly the values of its kinds', () => {
  fc.assert(
    fc.property(cypherValue({ maxDepth: 1 }), (value: CypherValue) => {
      const kind = kindOf(value);
      for (const [name, kinds] of Object.entries(ACCEPTS)) {
        const guard = guards[name as keyof typeof guards] as (candidate: CypherValue) => boolean;
        assert.equal(guard(value), kinds.includes(kind), `${name} on ${kind}`);
      }
    }),
    { numRuns: 300 },
  );
});

test('a null-prototype object is a map, a map holding a "constructor" key too', () => {
  assert.equal(guards.isCypherMap(Object.create(null) as CypherValue), true);
  assert.equal(guards.isCypherMap({ constructor: 1n }), true);
});
