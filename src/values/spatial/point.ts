import { CypherArgumentError } from '../../errors/index.js';
import { formatFloat } from '../format-float.js';

/** The coordinate reference systems Neo4j supports, by SRID, with their Cypher names and dimensions. */
export const CRS_BY_SRID = {
  4326: { name: 'wgs-84', dimensions: 2 },
  4979: { name: 'wgs-84-3d', dimensions: 3 },
  7203: { name: 'cartesian', dimensions: 2 },
  9157: { name: 'cartesian-3d', dimensions: 3 },
} as const;

/** One of the four supported SRIDs. */
export type Srid = keyof typeof CRS_BY_SRID;
/** A CRS name as Cypher spells it (`crs` in `point({…})`). */
export type CrsName = (typeof CRS_BY_SRID)[Srid]['name'];

/** Whether an SRID is one of the four Neo4j supports. */
export function isSupportedSrid(srid: number): srid is Srid {
  return Object.hasOwn(CRS_BY_SRID, srid);
}

/**
 * Cypher POINT (Bolt `Point2D`/`Point3D`). Only the four SRIDs Neo4j supports are accepted: Neo4j rejects any
 * other code, and accepting one would create values no Cypher function can handle. Geographic points keep
 * x = longitude and y = latitude. Coordinates are stored exactly as given (including NaN and -0.0).
 */
export class Point {
  /** Makes the class nominal, so a look-alike (e.g. a `Time` where a `LocalTime` is expected) fails to type-check. */
  declare private readonly brand: 'Point';
  readonly srid: Srid;
  readonly x: number;
  readonly y: number;
  /** Present exactly for the 3D SRIDs (4979, 9157): 2D points have no own `z` property at all. */
  declare readonly z?: number;

  /** @throws CypherArgumentError for an unsupported SRID or a coordinate count that does not match it. */
  constructor(srid: number, x: number, y: number, z?: number) {
    if (!isSupportedSrid(srid)) {
      throw new CypherArgumentError(`Unsupported coordinate reference system: SRID ${srid}`);
    }
    const dimensions = CRS_BY_SRID[srid].dimensions;
    if ((z === undefined ? 2 : 3) !== dimensions) {
      throw new CypherArgumentError(`A point in SRID ${srid} needs ${dimensions} coordinates`);
    }
    this.srid = srid;
    this.x = x;
    this.y = y;
    if (z !== undefined) this.z = z;
  }

  /** The CRS name: `cartesian`, `cartesian-3d`, `wgs-84` or `wgs-84-3d`. */
  get crs(): CrsName {
    return CRS_BY_SRID[this.srid].name;
  }

  /** As Neo4j prints points: `point({x: 1.0, y: 2.0, crs: 'cartesian'})`. */
  toString(): string {
    const z = this.z === undefined ? '' : `, z: ${formatFloat(this.z)}`;
    return `point({x: ${formatFloat(this.x)}, y: ${formatFloat(this.y)}${z}, crs: '${this.crs}'})`;
  }
}
