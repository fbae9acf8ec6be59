import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Point } from '../../values/index.js';
import { callFunction as f } from './call.fixture.js';

test('point() builds cartesian and geographic points in 2D and 3D', () => {
  const cartesian = f('point', [{ x: 1n, y: 2.5 }]) as Point;
  assert.equal(cartesian.srid, 7203);
  assert.equal(cartesian.x, 1);
  assert.equal((f('point', [{ x: 1, y: 2, z: 3 }]) as Point).srid, 9157);
  const geographic = f('point', [{ longitude: 12.5, latitude: 56.2 }]) as Point;
  assert.equal(geographic.srid, 4326);
  assert.equal(geographic.y, 56.2);
  assert.equal((f('point', [{ longitude: 1, latitude: 2, height: 3 }]) as Point).srid, 4979);
  assert.equal((f('point', [{ x: 1, y: 2, crs: 'WGS-84' }]) as Point).srid, 4326);
  assert.equal(f('point', [{ x: null, y: 2 }]), null);
  assert.equal(f('point', [null]), null);
});

test('distances: Euclidean for cartesian, great-circle metres for WGS-84, null across CRSs', () => {
  assert.equal(f('point.distance', [new Point(7203, 0, 0), new Point(7203, 3, 4)]), 5);
  const malmo = new Point(4326, 12.994341, 55.611784);
  const stockholm = new Point(4326, 18.0686, 59.3293);
  const metres = f('point.distance', [malmo, stockholm]) as number;
  assert.ok(Math.abs(metres - 514_000) < 5_000, String(metres));
  assert.equal(f('distance', [new Point(7203, 0, 0), new Point(4326, 0, 0)]), null);
});

test('point.withinBBox, also across the 180th meridian', () => {
  const box = [new Point(7203, 0, 0), new Point(7203, 10, 10)];
  assert.equal(f('point.withinBBox', [new Point(7203, 5, 5), ...box]), true);
  assert.equal(f('point.withinBBox', [new Point(7203, 11, 5), ...box]), false);
  const wrapped = [new Point(4326, 170, 0), new Point(4326, -170, 10)];
  assert.equal(f('point.withinBBox', [new Point(4326, 179, 5), ...wrapped]), true);
  assert.equal(f('point.withinBBox', [new Point(4326, 0, 5), ...wrapped]), false);
});
