import type { CypherValue } from '../../../src/values/index.js';
import type { TckValue } from './tck-value.js';

/**
 * Turns an expected value into the Cypher value it denotes, for `parameters are:` and procedure tables.
 * Graph entities have no identity in the notation, so they cannot be sent.
 * @throws Error for nodes, relationships and paths.
 */
export function toCypherValue(value: TckValue): CypherValue {
  switch (value.kind) {
    case 'null':
      return null;
    case 'boolean':
    case 'integer':
    case 'float':
    case 'string':
      return value.value;
    case 'list':
      return value.items.map(toCypherValue);
    case 'map': {
      const map: Record<string, CypherValue> = {};
      for (const [key, entry] of value.entries) {
        // defineProperty, so that a key named `__proto__` becomes an entry rather than a prototype.
        Object.defineProperty(map, key, { value: toCypherValue(entry), enumerable: true, writable: true });
      }
      return map;
    }
    case 'node':
    case 'relationship':
    case 'path':
      throw new Error(`a ${value.kind} in TCK notation has no identity and cannot be used as an input value`);
  }
}
