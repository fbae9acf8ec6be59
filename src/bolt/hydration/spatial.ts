import { Structure } from '../../packstream/index.js';
import { Point } from '../../values/index.js';
import { StructFields } from './fields.js';
import { POINT_2D, POINT_3D } from './struct-tags.js';

/**
 * Point2D `58` = `[srid, x, y]` and Point3D `59` = `[srid, x, y, z]` (bolt-spec-digest §5.3), Bolt 2+.
 * The SRID is an INTEGER and the coordinates are FLOATs (drivers always send `C1`).
 */

export function dehydratePoint(point: Point): Structure {
  const srid = BigInt(point.srid);
  return point.z === undefined
    ? new Structure(POINT_2D, [srid, point.x, point.y])
    : new Structure(POINT_3D, [srid, point.x, point.y, point.z]);
}

/** @throws CypherArgumentError for an SRID Quiver does not support (the value class decides). */
export function hydratePoint(tag: number, fields: readonly unknown[]): Point {
  if (tag === POINT_3D) {
    const read = new StructFields('Point3D', fields, 4);
    return new Point(sridOf(read), read.float(1), read.float(2), read.float(3));
  }
  const read = new StructFields('Point2D', fields, 3);
  return new Point(sridOf(read), read.float(1), read.float(2));
}

/** SRIDs are small codes; anything beyond int32 cannot be one, and is passed on as an impossible -1. */
function sridOf(read: StructFields): number {
  const srid = read.integer(0);
  return srid >= 0n && srid <= 0x7fffffffn ? Number(srid) : -1;
}
