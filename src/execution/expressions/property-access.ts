import { CypherArgumentError } from '../../errors/index.js';
import type { TokenRegistries } from '../../storage/index.js';
import { Node, Point, Relationship, type CypherMap, type CypherValue } from '../../values/index.js';
import { temporalProperty } from '../functions/temporal/index.js';
import { typeMismatch } from '../functions/type-errors.js';
import type { ExecutionContext } from '../runtime/context.js';
import { StoreNode, StoreRelationship } from '../runtime/store-entities.js';
import type { Evaluator } from './compile-scope.js';

/**
 * `subject.key`. Stored entities are read through the transaction by key token, without building their
 * property map. The token is looked up once per token registry and kept; while no entity has the key the
 * look-up is retried, because a later write of the same statement may create it.
 */
export function compilePropertyAccess(subject: Evaluator, key: string): Evaluator {
  let registries: TokenRegistries | undefined;
  let token: number | undefined;
  return (row, context) => {
    const value = subject(row, context);
    if (value instanceof StoreNode || value instanceof StoreRelationship) {
      if (registries !== context.tokens || token === undefined) {
        registries = context.tokens;
        token = registries.propertyKeys.idOf(key);
      }
      return storedProperty(value, token, context);
    }
    return propertyValue(value, key, context);
  };
}

function storedProperty(
  entity: StoreNode | StoreRelationship,
  token: number | undefined,
  context: ExecutionContext,
): CypherValue {
  // While no entity has the key, read the never-assigned token -1: the answer is "absent", but reading a
  // deleted entity still fails exactly as it would with a known key.
  const key = token ?? -1;
  if (entity instanceof StoreNode) return context.tx.nodeProperty(entity.ref, key) ?? null;
  return context.tx.relationshipProperty(entity.ref, key) ?? null;
}

/**
 * The value of `key` on any value with properties or components: nodes, relationships, maps, temporal
 * values, durations and points; null for null. Used for `x.key`, `x['key']` and map projections.
 */
export function propertyValue(value: CypherValue, key: string, context: ExecutionContext): CypherValue {
  if (value === null) return null;
  if (value instanceof StoreNode || value instanceof StoreRelationship) {
    const token = context.tokens.propertyKeys.idOf(key);
    return storedProperty(value, token, context);
  }
  if (value instanceof Node || value instanceof Relationship) return ownValue(value.properties, key);
  if (typeof value === 'object' && !Array.isArray(value)) {
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype === Object.prototype || prototype === null) return ownValue(value as CypherMap, key);
    if (value instanceof Point) return pointComponent(value, key);
    const component = temporalProperty(value, key);
    if (component !== undefined) return component;
  }
  throw typeMismatch('Map, Node, Relationship, temporal value or Point', value);
}

function ownValue(map: CypherMap, key: string): CypherValue {
  return Object.hasOwn(map, key) ? (map[key] ?? null) : null;
}

/** `p.x`, `p.latitude`, `p.crs` … with Neo4j's rules on which components each CRS has. */
export function pointComponent(point: Point, key: string): CypherValue {
  const geographic = point.srid === 4326 || point.srid === 4979;
  switch (key) {
    case 'x':
      return point.x;
    case 'y':
      return point.y;
    case 'z':
      return point.z ?? missingComponent(point, key);
    case 'longitude':
      return geographic ? point.x : missingComponent(point, key);
    case 'latitude':
      return geographic ? point.y : missingComponent(point, key);
    case 'height':
      return geographic && point.z !== undefined ? point.z : missingComponent(point, key);
    case 'crs':
      return point.crs;
    case 'srid':
      return BigInt(point.srid);
    default:
      return missingComponent(point, key);
  }
}

function missingComponent(point: Point, key: string): never {
  throw new CypherArgumentError(`Field: ${key} is not available on point: ${point.toString()}`, {
    detail: 'InvalidArgumentValue',
  });
}
