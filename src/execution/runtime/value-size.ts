import {
  Duration,
  Node,
  Path,
  Point,
  Relationship,
  Vector,
  type CypherMap,
  type CypherValue,
} from '../../values/index.js';
import type { Row } from './row.js';
import { StoreNode, StoreRelationship } from './store-entities.js';

/*
 * Approximate heap sizes of values, for the transaction memory guard. The figures follow V8 on 64-bit
 * (8-byte pointers, a header of 16-24 bytes per object) closely enough to matter and no closer: the guard
 * needs an estimate that is cheap (no serialization, one pass over the value) and monotone (a value that
 * holds more is never estimated smaller), not an exact byte count. Values shared between rows are counted
 * once per holder, as Neo4j's estimates do: that over-counts, which errs on the side of the limit.
 */

/** A pointer slot in an array, object or row. */
export const SLOT_BYTES = 8;
/** A string's header (map, hash, length); its characters follow at about one byte each. */
const STRING_HEADER_BYTES = 24;
/** A boxed float (heap number) or a small bigint. */
const NUMBER_BYTES = 16;
const BIGINT_BYTES = 24;
/** An array's object plus its backing store header. */
const ARRAY_HEADER_BYTES = 32;
/** A plain object (map) header; each entry costs a key and a value slot besides the value itself. */
const MAP_HEADER_BYTES = 56;
const MAP_ENTRY_BYTES = 2 * SLOT_BYTES;
/** A live store entity: a reference to the transaction's entity reader and a storage id. */
const ENTITY_REFERENCE_BYTES = 48;
/** A materialized node or relationship: the object, its id, element id and label/type strings. */
const ENTITY_BYTES = 128;
/** Temporal values, durations and points: a few numbers in one object. */
const SMALL_OBJECT_BYTES = 64;
/** Typed arrays: the view object and its buffer. */
const TYPED_ARRAY_BYTES = 96;

/** The estimated size of a string of `length` UTF-16 units. */
export function estimateStringSize(length: number): number {
  return STRING_HEADER_BYTES + length;
}

/** The estimated heap size of a value (what holding it costs beyond the slot that points at it). */
export function estimateValueSize(value: CypherValue | undefined): number {
  switch (typeof value) {
    case 'undefined':
    case 'boolean':
      return 0;
    case 'number':
      return NUMBER_BYTES;
    case 'bigint':
      return BIGINT_BYTES;
    case 'string':
      return STRING_HEADER_BYTES + value.length;
    case 'object':
      return value === null ? 0 : estimateObjectSize(value);
    case 'function':
    case 'symbol':
      // Not Cypher values: nothing to count.
      return 0;
  }
}

/** The estimated size of a row held in a buffer: the slot array and every value in it. */
export function estimateRowSize(row: Row): number {
  let bytes = ARRAY_HEADER_BYTES + SLOT_BYTES * row.length;
  for (const value of row) {
    // Unbound slots and nulls, booleans: nothing beyond the slot (the common cheap case, tested first).
    if (value !== undefined && value !== null && typeof value !== 'boolean')
      bytes += estimateValueSize(value);
  }
  return bytes;
}

/** Lists, maps, graph, temporal, spatial and byte values. */
function estimateObjectSize(value: object): number {
  if (Array.isArray(value)) return estimateListSize(value as readonly CypherValue[]);
  // Live entities first: their labels and properties live in the store, and reading them would cost a lookup.
  if (value instanceof StoreNode || value instanceof StoreRelationship) return ENTITY_REFERENCE_BYTES;
  if (value instanceof Uint8Array) return TYPED_ARRAY_BYTES + value.byteLength;
  if (value instanceof Node) {
    return ENTITY_BYTES + SLOT_BYTES * value.labels.length + estimateMapSize(value.properties);
  }
  if (value instanceof Relationship) return ENTITY_BYTES + estimateMapSize(value.properties);
  if (value instanceof Path) {
    let bytes = ARRAY_HEADER_BYTES * 2;
    for (const node of value.nodes) bytes += SLOT_BYTES + estimateObjectSize(node);
    for (const rel of value.relationships) bytes += SLOT_BYTES + estimateObjectSize(rel);
    return bytes;
  }
  if (value instanceof Vector) return TYPED_ARRAY_BYTES + SLOT_BYTES * value.values.length;
  if (value instanceof Duration || value instanceof Point) return SMALL_OBJECT_BYTES;
  // Maps are plain objects; the remaining classes are temporal instants.
  return Object.getPrototypeOf(value) === Object.prototype
    ? estimateMapSize(value as CypherMap)
    : SMALL_OBJECT_BYTES;
}

function estimateListSize(list: readonly CypherValue[]): number {
  let bytes = ARRAY_HEADER_BYTES + SLOT_BYTES * list.length;
  for (const element of list) bytes += estimateValueSize(element);
  return bytes;
}

function estimateMapSize(map: CypherMap): number {
  let bytes = MAP_HEADER_BYTES;
  // `for in` allocates no key array; a Cypher map's prototype has no enumerable properties to pick up.
  for (const key in map) bytes += MAP_ENTRY_BYTES + estimateValueSize(map[key]);
  return bytes;
}
