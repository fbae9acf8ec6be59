import type { CypherValue } from '../../values/index.js';

/** Sets a map entry, keeping a `__proto__` key an own data property as the value model requires. */
export function setEntry(target: Record<string, CypherValue>, key: string, value: CypherValue): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}
