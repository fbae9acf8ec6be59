/**
 * Total orders for POINT and VECTOR (ORDER BY only: `<` on them is null). Coordinates and float elements
 * compare as numbers with NaN after everything and tied with NaN, and -0.0 tied with 0.0; equality of
 * points and vectors is "ties in this order" (so a NaN coordinate equals NaN, as in Neo4j's point equality,
 * which compares the coordinate arrays).
 */
import type { Point } from '../spatial/point.js';
import { VECTOR_ELEMENT_TYPES, type Vector } from '../spatial/vector.js';
import { orderNumbers } from './compare-numbers.js';

function compareSafe(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Points: by SRID (4326 < 4979 < 7203 < 9157), then x, y and z. */
export function orderPoints(a: Point, b: Point): number {
  return (
    compareSafe(a.srid, b.srid) ||
    orderNumbers(a.x, b.x) ||
    orderNumbers(a.y, b.y) ||
    orderNumbers(a.z ?? 0, b.z ?? 0)
  );
}

/** Vectors: by element type (INT8 … FLOAT64), then dimension, then element by element. */
export function orderVectors(a: Vector, b: Vector): number {
  const byType = compareSafe(
    VECTOR_ELEMENT_TYPES.indexOf(a.elementType),
    VECTOR_ELEMENT_TYPES.indexOf(b.elementType),
  );
  if (byType !== 0) return byType;
  const byDimension = compareSafe(a.dimension, b.dimension);
  if (byDimension !== 0) return byDimension;
  for (let index = 0; index < a.dimension; index++) {
    const order = orderNumbers(a.values[index] ?? 0, b.values[index] ?? 0);
    if (order !== 0) return order;
  }
  return 0;
}
