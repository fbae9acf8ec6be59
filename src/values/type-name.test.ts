import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Node } from './graph/node.js';
import { Path } from './graph/path.js';
import { Relationship } from './graph/relationship.js';
import { Point } from './spatial/point.js';
import { Vector } from './spatial/vector.js';
import { CypherDate } from './temporal/date.js';
import { DateTime } from './temporal/date-time.js';
import { Duration } from './temporal/duration.js';
import { LocalDateTime } from './temporal/local-date-time.js';
import { LocalTime } from './temporal/local-time.js';
import { Time } from './temporal/time.js';
import { typeName } from './type-name.js';

test('type names follow Neo4j 5 spelling', () => {
  const node = new Node({ id: 1n });
  const cases: [Parameters<typeof typeName>[0], string][] = [
    [null, 'NULL'],
    [true, 'BOOLEAN'],
    [1n, 'INTEGER'],
    [1, 'FLOAT'],
    ['a', 'STRING'],
    [new Uint8Array(1), 'BYTES'],
    [[1n, 'a'], 'LIST<ANY>'],
    [{ a: 1n }, 'MAP'],
    [node, 'NODE'],
    [new Relationship({ id: 1n, type: 'T', startNodeId: 1n, endNodeId: 1n }), 'RELATIONSHIP'],
    [new Path([node], []), 'PATH'],
    [new CypherDate(0), 'DATE'],
    [new LocalTime(0), 'LOCAL TIME'],
    [new Time(0, 0), 'ZONED TIME'],
    [new LocalDateTime(0n), 'LOCAL DATETIME'],
    [new DateTime(0n, 0, 0), 'ZONED DATETIME'],
    [new Duration(0, 0, 0, 0), 'DURATION'],
    [new Point(7203, 0, 0), 'POINT'],
    [new Vector(new Float32Array(3)), 'VECTOR<FLOAT32>(3)'],
    [new Vector(new Int8Array(2)), 'VECTOR<INTEGER8>(2)'],
    [new Vector(new BigInt64Array(1)), 'VECTOR<INTEGER>(1)'],
    [new Vector(new Float64Array(4)), 'VECTOR<FLOAT>(4)'],
  ];
  for (const [value, expected] of cases) assert.equal(typeName(value), expected);
});
