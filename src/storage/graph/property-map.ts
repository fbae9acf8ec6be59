import type { CypherValue } from '../../values/index.js';

/**
 * The properties of one node or relationship: a flat array `[key0, value0, key1, value1, …]` of property-key
 * tokens and values, in insertion order. Entities have few properties, so a linear scan beats a hash map in
 * both speed and size (a `Map` costs about 200 bytes more per entity). Arrays are mutated in place: older
 * versions are rebuilt from undo deltas, never from a shared map.
 */
export type PropertyMap = (number | CypherValue)[];

/** The value of `key`, or `undefined` when absent. */
export function getProperty(map: PropertyMap | undefined, key: number): CypherValue | undefined {
  if (map === undefined) return undefined;
  for (let index = 0; index < map.length; index += 2) {
    if (map[index] === key) return map[index + 1];
  }
  return undefined;
}

/** Whether `key` is present. */
export function hasProperty(map: PropertyMap | undefined, key: number): boolean {
  if (map === undefined) return false;
  for (let index = 0; index < map.length; index += 2) {
    if (map[index] === key) return true;
  }
  return false;
}

/**
 * Sets `key` to `value` (or removes it when `value` is `undefined`) and returns the map to store: the same
 * array, or a new one when `map` was `undefined`.
 */
export function putProperty(
  map: PropertyMap | undefined,
  key: number,
  value: CypherValue | undefined,
): PropertyMap | undefined {
  if (map === undefined) return value === undefined ? undefined : [key, value];
  for (let index = 0; index < map.length; index += 2) {
    if (map[index] !== key) continue;
    if (value !== undefined) {
      map[index + 1] = value;
    } else {
      // Keep the order of the others: move the last pair into the hole would reorder keys, which `keys(n)`
      // would show, so shift instead (maps are short).
      map.splice(index, 2);
    }
    return map;
  }
  if (value !== undefined) map.push(key, value);
  return map;
}

/** A copy of `map` (for rebuilding an older version without touching the current one). */
export function copyProperties(map: PropertyMap | undefined): PropertyMap {
  return map === undefined ? [] : map.slice();
}

/** The number of properties. */
export function propertyCount(map: PropertyMap | undefined): number {
  return map === undefined ? 0 : map.length >>> 1;
}
