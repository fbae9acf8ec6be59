import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CypherArgumentError } from '../../errors/index.js';
import { Point } from './point.js';
import { Vector } from './vector.js';

test('points name their coordinate reference system', () => {
  assert.equal(new Point(7203, 1, 2).crs, 'cartesian');
  assert.equal(new Point(9157, 1, 2, 3).crs, 'cartesian-3d');
  assert.equal(new Point(4326, 12, 56).crs, 'wgs-84');
  assert.equal(new Point(4979, 12, 56, 100).crs, 'wgs-84-3d');
});

test('points print as Neo4j does, with Java float formatting', () => {
  assert.equal(new Point(7203, 1, 2).toString(), "point({x: 1.0, y: 2.0, crs: 'cartesian'})");
  assert.equal(new Point(4326, 56.7, 12.78).toString(), "point({x: 56.7, y: 12.78, crs: 'wgs-84'})");
  assert.equal(new Point(4979, 56, 12, 2).toString(), "point({x: 56.0, y: 12.0, z: 2.0, crs: 'wgs-84-3d'})");
});

test('2D points have no z and 3D points have one', () => {
  assert.equal(new Point(7203, 1, 2).z, undefined);
  assert.equal(Object.hasOwn(new Point(7203, 1, 2), 'z'), false);
  assert.equal(new Point(9157, 1, 2, 3).z, 3);
});

test('unknown SRIDs and coordinate counts that do not match the SRID are rejected', () => {
  assert.throws(() => new Point(3857, 1, 2), CypherArgumentError);
  assert.throws(() => new Point(7203, 1, 2, 3), CypherArgumentError);
  assert.throws(() => new Point(4979, 1, 2), CypherArgumentError);
});

test('a vector takes its element type from its typed array', () => {
  const cases: [Vector, string][] = [
    [new Vector(new Int8Array([1])), 'INT8'],
    [new Vector(new Int16Array([1])), 'INT16'],
    [new Vector(new Int32Array([1])), 'INT32'],
    [new Vector(new BigInt64Array([1n])), 'INT64'],
    [new Vector(new Float32Array([1])), 'FLOAT32'],
    [new Vector(new Float64Array([1])), 'FLOAT64'],
  ];
  for (const [vector, type] of cases) assert.equal(vector.elementType, type);
});

test('vectors print in the Cypher 25 constructor form', () => {
  assert.equal(new Vector(new Float32Array([1, 2.5])).toString(), 'vector([1.0, 2.5], 2, FLOAT32)');
  assert.equal(
    new Vector(new BigInt64Array([-(2n ** 63n), 5n])).toString(),
    'vector([-9223372036854775808, 5], 2, INTEGER)',
  );
  assert.equal(new Vector(new Int8Array([1, -2, 3])).dimension, 3);
});

test('an empty vector is rejected', () => {
  assert.throws(() => new Vector(new Float64Array(0)), CypherArgumentError);
});
