import { CypherArgumentError } from '../../errors/index.js';
import { CRS_BY_SRID, isCypherMap, Point, type CypherMap, type CypherValue } from '../../values/index.js';
import { argument, define, invalidArgument } from './define.js';
import type { FunctionDefinition } from './function-definition.js';

/** Neo4j's earth radius for WGS-84 distances, in metres. */
const EARTH_RADIUS_METERS = 6_378_140;

function invalidPoint(message: string): never {
  throw new CypherArgumentError(message, { detail: 'InvalidArgumentValue' });
}

function coordinate(map: CypherMap, key: string): number | null | undefined {
  if (!Object.hasOwn(map, key)) return undefined;
  const value = map[key] ?? null;
  if (value === null) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  return invalidArgument('Float', value);
}

function sridFromMap(map: CypherMap, geographic: boolean, dimensions: number): number {
  const crs = map['crs'];
  const srid = map['srid'];
  if (typeof srid === 'bigint') return Number(srid);
  if (typeof crs === 'string') {
    const entry = Object.entries(CRS_BY_SRID).find(([, value]) => value.name === crs.toLowerCase());
    if (entry === undefined) return invalidPoint(`Unknown coordinate reference system: ${crs}`);
    return Number(entry[0]);
  }
  if (geographic) return dimensions === 3 ? 4979 : 4326;
  return dimensions === 3 ? 9157 : 7203;
}

/** `point({…})`: cartesian (x, y[, z]) or geographic (longitude, latitude[, height]) with optional crs/srid. */
export function pointFromMap(map: CypherMap): Point | null {
  const geographic = Object.hasOwn(map, 'longitude') || Object.hasOwn(map, 'latitude');
  const x = coordinate(map, geographic ? 'longitude' : 'x');
  const y = coordinate(map, geographic ? 'latitude' : 'y');
  const z = coordinate(map, geographic ? 'height' : 'z') ?? (geographic ? coordinate(map, 'z') : undefined);
  if (x === null || y === null || z === null) return null;
  if (x === undefined || y === undefined) {
    return invalidPoint('A point must have either x and y, or longitude and latitude coordinates');
  }
  const srid = sridFromMap(map, geographic, z === undefined ? 2 : 3);
  if (srid === 4326 || srid === 4979) {
    if (y < -90 || y > 90) return invalidPoint('Latitude must be between -90 and 90 degrees');
  }
  return new Point(srid, x, y, z);
}

/** The distance between two points of the same CRS (metres for WGS-84); null for different CRSs. */
export function pointDistance(a: Point, b: Point): number | null {
  if (a.srid !== b.srid) return null;
  if (a.srid === 7203 || a.srid === 9157) {
    const dz = (a.z ?? 0) - (b.z ?? 0);
    return Math.sqrt((a.x - b.x) ** 2 + (a.y - b.y) ** 2 + dz ** 2);
  }
  const toRadians = Math.PI / 180;
  const lat1 = a.y * toRadians;
  const lat2 = b.y * toRadians;
  const dLat = lat2 - lat1;
  const dLon = (b.x - a.x) * toRadians;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) ** 2;
  const surface = 2 * EARTH_RADIUS_METERS * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h));
  if (a.z === undefined || b.z === undefined) return surface;
  return Math.sqrt(surface ** 2 + (a.z - b.z) ** 2);
}

function pointArgument(args: readonly CypherValue[], index: number): Point {
  const value = argument(args, index);
  return value instanceof Point ? value : invalidArgument('Point', value);
}

function distanceFunction(name: string): FunctionDefinition {
  return define({
    name,
    signature: `${name}(from :: POINT, to :: POINT) :: FLOAT`,
    description: 'Returns the distance between two points of the same CRS.',
    category: 'Spatial',
    call: (args) => pointDistance(pointArgument(args, 0), pointArgument(args, 1)),
  });
}

export const SPATIAL_FUNCTIONS: readonly FunctionDefinition[] = [
  define({
    name: 'point',
    signature: 'point(input :: MAP) :: POINT',
    description: 'Returns a 2D or 3D point in a cartesian or geographic CRS.',
    category: 'Spatial',
    call: ([value = null]) => (isCypherMap(value) ? pointFromMap(value) : invalidArgument('Map', value)),
  }),
  distanceFunction('point.distance'),
  distanceFunction('distance'),
  define({
    name: 'point.withinBBox',
    signature: 'point.withinBBox(point :: POINT, lowerLeft :: POINT, upperRight :: POINT) :: BOOLEAN',
    description: 'Returns whether a point lies within the box spanned by two corner points.',
    category: 'Spatial',
    call: (args) => {
      const point = pointArgument(args, 0);
      const lowerLeft = pointArgument(args, 1);
      const upperRight = pointArgument(args, 2);
      if (point.srid !== lowerLeft.srid || point.srid !== upperRight.srid) return null;
      const geographic = point.srid === 4326 || point.srid === 4979;
      // A geographic box whose left edge is east of its right edge crosses the 180th meridian.
      const withinX =
        geographic && lowerLeft.x > upperRight.x
          ? point.x >= lowerLeft.x || point.x <= upperRight.x
          : point.x >= lowerLeft.x && point.x <= upperRight.x;
      const withinZ =
        point.z === undefined ||
        (point.z >= (lowerLeft.z ?? -Infinity) && point.z <= (upperRight.z ?? Infinity));
      return withinX && point.y >= lowerLeft.y && point.y <= upperRight.y && withinZ;
    },
  }),
];
