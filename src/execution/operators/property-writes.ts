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
import type { PropertyKeyTokens } from './property-key-tokens.js';
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

/**
 * Sets (or, for null, removes) one property; counts it in propertiesSet. `token` is the key's token when
 * the caller already has it (never for null: removing a property must not create its key's token).
 */
export function writeProperty(
  context: ExecutionContext,
  target: WriteTarget,
  key: string,
  value: CypherValue,
  token?: number,
): void {
  const tx = context.tx;
  if (value === null) {
    const existing = context.tokens.propertyKeys.idOf(key);
    if (existing === undefined) return;
    const removed =
      target.entity === 'NODE'
        ? tx.removeNodeProperty(target.id, existing)
        : tx.removeRelationshipProperty(target.id, existing);
    if (removed) context.statistics.propertiesSet++;
    return;
  }
  const keyToken = token ?? context.tokens.propertyKeys.getOrCreate(key);
  try {
    if (target.entity === 'NODE') tx.setNodeProperty(target.id, keyToken, value);
    else tx.setRelationshipProperty(target.id, keyToken, value);
  } catch (error) {
    throw withPropertyTypeDetail(error);
  }
  context.statistics.propertiesSet++;
  if (context.memory?.isTracking === true) {
    context.memory.allocate(PROPERTY_WRITE_BYTES + estimateValueSize(value));
  }
}

/**
 * `SET x = map` (replace: every other property is removed) or `SET x += map` (merge). `keyTokens`
 * remembers the keys' tokens from one row to the next.
 */
export function writeProperties(
  context: ExecutionContext,
  target: WriteTarget,
  map: CypherMap,
  replace: boolean,
  keyTokens?: PropertyKeyTokens,
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
  const keys = Object.keys(map);
  for (let position = 0; position < keys.length; position++) {
    const key = keys[position] ?? '';
    const value = map[key] ?? null;
    const token = value === null ? undefined : keyTokens?.tokenOf(key, position);
    writeProperty(context, target, key, value, token);
  }
}

/** Storage rejects unstorable values with a TypeError; the TCK calls that InvalidPropertyType. */
export function withPropertyTypeDetail(error: unknown): unknown {
  if (error instanceof CypherTypeError && error.detail === undefined) {
    return new CypherTypeError(error.message, { detail: 'InvalidPropertyType' });
  }
  return error;
}

/**
 * Property entries for a create: tokens of the non-null values; counts them in propertiesSet. `keyTokens`
 * remembers the keys' tokens from one row to the next.
 */
export function createEntries(
  context: ExecutionContext,
  map: CypherMap,
  keyTokens?: PropertyKeyTokens,
): [number, CypherValue][] {
  const entries: [number, CypherValue][] = [];
  const keys = Object.keys(map);
  for (let position = 0; position < keys.length; position++) {
    const key = keys[position] ?? '';
    const value = map[key] ?? null;
    if (value === null) continue;
    try {
      assertStorable(value);
    } catch (error) {
      throw withPropertyTypeDetail(error);
    }
    const token = keyTokens?.tokenOf(key, position) ?? context.tokens.propertyKeys.getOrCreate(key);
    entries.push([token, value]);
    if (context.memory?.isTracking === true) {
      context.memory.allocate(PROPERTY_WRITE_BYTES + estimateValueSize(value));
    }
  }
  context.statistics.propertiesSet += entries.length;
  return entries;
}
