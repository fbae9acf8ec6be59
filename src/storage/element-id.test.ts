import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { nodeElementId, parseElementId, relationshipElementId } from './element-id.js';

const DB = '6f1d2c3b-0000-4000-8000-123456789abc';

test('element ids look like Neo4j 5 ones and parse back', () => {
  assert.equal(nodeElementId(DB, 42), `4:${DB}:42`);
  assert.equal(relationshipElementId(DB, 7), `5:${DB}:7`);
  assert.deepEqual(parseElementId(DB, `4:${DB}:42`), { entity: 'NODE', id: 42 });
  assert.deepEqual(parseElementId(DB, `5:${DB}:0`), { entity: 'RELATIONSHIP', id: 0 });
});

test('malformed and foreign element ids name nothing', () => {
  for (const text of [
    '',
    '42',
    `4:${DB}`,
    `6:${DB}:1`,
    `4:other:1`,
    `4:${DB}:01`,
    `4:${DB}:-1`,
    `4:${DB}:1.5`,
    `4:${DB}:99999999999999999999`,
  ]) {
    assert.equal(parseElementId(DB, text), undefined, text);
  }
});

test('every id round-trips through its element id', () => {
  fc.assert(
    fc.property(fc.nat({ max: Number.MAX_SAFE_INTEGER }), fc.boolean(), (id, isNode) => {
      const text = isNode ? nodeElementId(DB, id) : relationshipElementId(DB, id);
      assert.deepEqual(parseElementId(DB, text), { entity: isNode ? 'NODE' : 'RELATIONSHIP', id });
    }),
  );
});
