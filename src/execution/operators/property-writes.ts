import { CypherTypeError } from '../../errors/index.js';
import {
  isCypherMap,
  Node,
  Relationship,
  typeName,
  type CypherMap,
  type CypherValue,
} from '../../values/index.js';
import { assertStorable } from '../../storage/index.js';
import type { ExecutionContext } from '../runtime/context.js';
import { StoreNode, StoreRelationship } from '../runtime/store-entities.js';
import { estimateValueSize } from '../runtime/value-size.js';

/**
 * What the transaction's write set holds per written property besides the value: a version entry in the
 * store's delta chain. Write-set memory is never released by the statement: it lives until the
 * transaction ends.
 */
const PROPERTY_WRITE_BYTES = 48;

/** A node or relationship a write targets (by storage id). */
export interface WriteTarget {
  readonly entity: 'NODE' | 'RELATIONSHIP';
  readonly id: number;
}

/** The write target of a value: undefined for null; TypeError for anything not an entity. */
export function targetOf(value: CypherValue): WriteTarget | undefined {
  if (value === null) return undefined;
  if (value instanceof StoreNode) return { entity: 'NODE', id: value.ref };
  if (value instanceof StoreRelationship) return { entity: 'RELATIONSHIP', id: value.ref };
  if (value instanceof Node) return { entity: 'NODE', id: Number(value.id) };
  if (value instanceof Relationship) return { entity: 'RELATIONSHIP', id: Number(value.id) };
  throw new CypherTypeError(`Type mismatch: expected Node or Relationship but was ${typeName(value)}`, {
    detail: 'InvalidArgumentType',
  });
}

/** A property map value for CREATE / SET =: a map, or the properties of an entity. */
export function propertyMapOf(value: CypherValue): CypherMap {
  if (value === null) return {};
  if (isCypherMap(value)) return value;
  if (value instanceof Node || value instanceof Relationship) return value.properties;
  throw new CypherTypeError(`Type mismatch: expected Map but was ${typeName(value)}`, {
    detail: 'InvalidArgumentType',
  });
}

/** Sets (or, for null, removes) one property; counts it in propertiesSet. */
export function writeProperty(
  context: ExecutionContext,
  target: WriteTarget,
  key: string,
  value: CypherValue,
): void {
  const tx = context.tx;
  if (value === null) {
    const token = context.tokens.propertyKeys.idOf(key);
    if (token === undefined) return;
    const removed =
      target.entity === 'NODE'
        ? tx.removeNodeProperty(target.id, token)
        : tx.removeRelationshipProperty(target.id, token);
    if (removed) context.statistics.propertiesSet++;
    return;
  }
  const token = context.tokens.propertyKeys.getOrCreate(key);
  try {
    if (target.entity === 'NODE') tx.setNodeProperty(target.id, token, value);
    else tx.setRelationshipProperty(target.id, token, value);
  } catch (error) {
    throw withPropertyTypeDetail(error);
  }
  context.statistics.propertiesSet++;
  if (context.memory?.isTracking === true) {
    context.memory.allocate(PROPERTY_WRITE_BYTES + estimateValueSize(value));
  }
}

/** `SET x = map` (replace: every other property is removed) or `SET x += map` (merge). */
export function writeProperties(
  context: ExecutionContext,
  target: WriteTarget,
  map: CypherMap,
  replace: boolean,
): void {
  if (replace) {
    const existing: string[] = [];
    const names = context.tokens.propertyKeys;
    const visit = (key: number): void => {
      existing.push(names.nameOf(key));
    };
    if (target.entity === 'NODE') context.tx.forEachNodeProperty(target.id, visit);
    else context.tx.forEachRelationshipProperty(target.id, visit);
    for (const key of existing) if (!Object.hasOwn(map, key)) writeProperty(context, target, key, null);
  }
  for (const key of Object.keys(map)) writeProperty(context, target, key, map[key] ?? null);
}

/** Storage rejects unstorable values with a TypeError; the TCK calls that InvalidPropertyType. */
export function withPropertyTypeDetail(error: unknown): unknown {
  if (error instanceof CypherTypeError && error.detail === undefined) {
    return new CypherTypeError(error.message, { detail: 'InvalidPropertyType' });
  }
  return error;
}

/** Property entries for a create: tokens of the non-null values; counts them in propertiesSet. */
export function createEntries(context: ExecutionContext, map: CypherMap): [number, CypherValue][] {
  const entries: [number, CypherValue][] = [];
  for (const key of Object.keys(map)) {
    const value = map[key] ?? null;
    if (value === null) continue;
    try {
      assertStorable(value);
    } catch (error) {
      throw withPropertyTypeDetail(error);
    }
    entries.push([context.tokens.propertyKeys.getOrCreate(key), value]);
    if (context.memory?.isTracking === true) {
      context.memory.allocate(PROPERTY_WRITE_BYTES + estimateValueSize(value));
    }
  }
  context.statistics.propertiesSet += entries.length;
  return entries;
}
