import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DRIVER_LINES, loadDriverModule } from './driver-lines.js';
import { comparable, normalizeValue } from './driver-values.js';

// The comparator decides every value cell of the matrix, so it must tell apart what drivers tell apart.
const line = DRIVER_LINES.find((candidate) => candidate.alias === 'neo4j-driver-6');
assert.ok(line !== undefined);
const neo4j = loadDriverModule(line);
const { types } = neo4j;

describe('the driver value comparator', () => {
  it('tells an INTEGER from a FLOAT of the same value', () => {
    assert.notDeepStrictEqual(comparable(neo4j, neo4j.int(1)), comparable(neo4j, 1));
  });

  it('tells -0 from 0 and keeps NaN equal to itself', () => {
    assert.notDeepStrictEqual(comparable(neo4j, -0), comparable(neo4j, 0));
    assert.deepStrictEqual(comparable(neo4j, Number.NaN), comparable(neo4j, Number.NaN));
  });

  it('compares bytes by type and content', () => {
    assert.notDeepStrictEqual(comparable(neo4j, Int8Array.of(1, 2)), comparable(neo4j, Int8Array.of(1, 3)));
    assert.notDeepStrictEqual(comparable(neo4j, Int8Array.of(1)), comparable(neo4j, Uint8Array.of(1)));
  });

  it('ignores map key order but not map content', () => {
    assert.deepStrictEqual(comparable(neo4j, { a: 1, b: 2 }), comparable(neo4j, { b: 2, a: 1 }));
    assert.notDeepStrictEqual(comparable(neo4j, { a: 1 }), comparable(neo4j, { a: 1, b: 2 }));
  });

  it('compares driver objects by class and fields, numbers and Integers alike inside them', () => {
    assert.deepStrictEqual(
      comparable(neo4j, new types.Date(2024, 2, 29)),
      comparable(
        neo4j,
        new types.Date(
          ...([neo4j.int(2024), neo4j.int(2), neo4j.int(29)] as unknown as [number, number, number]),
        ),
      ),
    );
    assert.notDeepStrictEqual(
      comparable(neo4j, new types.Date(2024, 2, 29)),
      comparable(neo4j, new types.LocalDateTime(2024, 2, 29, 0, 0, 0, 0)),
    );
    assert.notDeepStrictEqual(
      comparable(neo4j, new types.Point(7203, 1, 2)),
      comparable(neo4j, new types.Point(4326, 1, 2)),
    );
  });

  it('ignores the offset of a zone-id DateTime only', () => {
    const zoned = new types.DateTime(2024, 7, 1, 12, 0, 0, 0, null, 'Europe/Stockholm');
    const withOffset = new types.DateTime(2024, 7, 1, 12, 0, 0, 0, 7200, 'Europe/Stockholm');
    assert.deepStrictEqual(comparable(neo4j, zoned), comparable(neo4j, withOffset));
    assert.notDeepStrictEqual(
      comparable(neo4j, new types.DateTime(2024, 7, 1, 12, 0, 0, 0, 7200, null)),
      comparable(neo4j, new types.DateTime(2024, 7, 1, 12, 0, 0, 0, 3600, null)),
    );
  });

  it('names missing values instead of dropping them', () => {
    assert.equal(normalizeValue(neo4j, undefined), '<undefined>');
  });
});
