import type { CypherValue } from '../../values/index.js';

/** One record of a result: values by column, in column order. */
export class QueryRecord {
  readonly keys: readonly string[];
  readonly values: readonly CypherValue[];

  constructor(keys: readonly string[], values: readonly CypherValue[]) {
    this.keys = keys;
    this.values = values;
  }

  /** The value of a column; throws for an unknown column name. */
  get(key: string): CypherValue {
    const index = this.keys.indexOf(key);
    if (index < 0)
      throw new RangeError(`No column named ${JSON.stringify(key)}; columns: ${this.keys.join(', ')}`);
    return this.values[index] ?? null;
  }

  /** The record as a plain object keyed by column. */
  toObject(): Record<string, CypherValue> {
    const object: Record<string, CypherValue> = {};
    this.keys.forEach((key, index) => {
      Object.defineProperty(object, key, {
        value: this.values[index] ?? null,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    });
    return object;
  }
}
