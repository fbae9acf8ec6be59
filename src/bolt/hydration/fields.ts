import { PackStreamError } from '../../errors/index.js';

/**
 * Strict readers for the fields of an incoming value structure. Bolt structures have fixed shapes, so a
 * wrong field count or type is malformed input: `PackStreamError('INVALID_STRUCTURE')`.
 */

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Uint8Array) return 'bytes';
  if (typeof value === 'object')
    return Object.getPrototypeOf(value) === Object.prototype ? 'a map' : 'a structure';
  return `a ${typeof value}`;
}

function invalid(struct: string, index: number, expected: string, value: unknown): PackStreamError {
  return new PackStreamError(
    'INVALID_STRUCTURE',
    `Field ${index} of a ${struct} structure must be ${expected}, got ${describe(value)}`,
  );
}

/** Reads the fields of one structure, checking each one's type as it is taken. */
export class StructFields {
  private readonly struct: string;
  private readonly fields: readonly unknown[];

  /** @throws PackStreamError `INVALID_STRUCTURE` when the structure does not have exactly `count` fields. */
  constructor(struct: string, fields: readonly unknown[], count: number) {
    if (fields.length !== count) {
      throw new PackStreamError(
        'INVALID_STRUCTURE',
        `A ${struct} structure has ${count} fields, got ${fields.length}`,
      );
    }
    this.struct = struct;
    this.fields = fields;
  }

  integer(index: number): bigint {
    const value = this.fields[index];
    if (typeof value !== 'bigint') throw invalid(this.struct, index, 'an INTEGER', value);
    return value;
  }

  float(index: number): number {
    const value = this.fields[index];
    if (typeof value !== 'number') throw invalid(this.struct, index, 'a FLOAT', value);
    return value;
  }

  string(index: number): string {
    const value = this.fields[index];
    if (typeof value !== 'string') throw invalid(this.struct, index, 'a STRING', value);
    return value;
  }

  bytes(index: number): Uint8Array {
    const value = this.fields[index];
    if (!(value instanceof Uint8Array)) throw invalid(this.struct, index, 'BYTES', value);
    return value;
  }

  list(index: number): readonly unknown[] {
    const value = this.fields[index];
    if (!Array.isArray(value)) throw invalid(this.struct, index, 'a LIST', value);
    return value as readonly unknown[];
  }

  /** A MAP as the unpacker builds it: a plain object. */
  map(index: number): Readonly<Record<string, unknown>> {
    const value = this.fields[index];
    if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) {
      throw invalid(this.struct, index, 'a MAP', value);
    }
    return value as Readonly<Record<string, unknown>>;
  }

  /** A LIST whose items all pass `check`, e.g. the labels of a Node. */
  listOf<T>(index: number, expected: string, check: (item: unknown) => item is T): readonly T[] {
    const list = this.list(index);
    for (const item of list)
      if (!check(item)) throw invalid(this.struct, index, `a LIST of ${expected}`, item);
    return list as readonly T[];
  }
}

export function isString(value: unknown): value is string {
  return typeof value === 'string';
}

export function isInteger(value: unknown): value is bigint {
  return typeof value === 'bigint';
}
