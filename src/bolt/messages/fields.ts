import { ProtocolError } from '../../errors/index.js';
import type { CypherMap } from '../../values/index.js';

/**
 * Field validation shared by the request decoders. Every violation is a `ProtocolError`
 * (`Neo.ClientError.Request.Invalid`) whose message names the message, the key and the type found.
 * Map lookups use `Object.hasOwn`, so inherited names such as `constructor` are never mistaken for keys.
 */

/** A PackStream type name for error messages. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'bigint') return 'integer';
  if (typeof value === 'number') return 'float';
  if (typeof value !== 'object') return typeof value;
  if (value instanceof Uint8Array) return 'bytes';
  if (Array.isArray(value)) return 'list';
  return isMap(value) ? 'map' : 'structure';
}

/** Whether a decoded value is a PackStream map (a plain object). */
export function isMap(value: unknown): value is CypherMap {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  // The usual case first: a plain object finds `Object` as its constructor (a decoded value is never a
  // function, so an own `constructor` key cannot pass for it). `getPrototypeOf` is a runtime call.
  if ((value as { readonly constructor?: unknown }).constructor === Object) return true;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Checks the number of fields of a request struct. */
export function expectFieldCount(message: string, fields: readonly unknown[], count: number): void {
  if (fields.length !== count) {
    throw new ProtocolError(`${message} expects ${count} field(s) but got ${fields.length}`);
  }
}

/** A field that must be a map. */
export function expectMapField(message: string, field: string, value: unknown): CypherMap {
  if (!isMap(value))
    throw new ProtocolError(`Expected ${message} ${field} to be a map, got ${describeType(value)}`);
  return value;
}

/** A field that must be a string. */
export function expectStringField(message: string, field: string, value: unknown): string {
  if (typeof value !== 'string') {
    throw new ProtocolError(`Expected ${message} ${field} to be a string, got ${describeType(value)}`);
  }
  return value;
}

/** A field that must be a list of strings; `null` reads as an empty list. */
export function expectStringListField(message: string, field: string, value: unknown): readonly string[] {
  if (value === null) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new ProtocolError(
      `Expected ${message} ${field} to be a list of strings, got ${describeType(value)}`,
    );
  }
  return value;
}

/** The value under `key`, or `undefined` when the key is absent; `null` values read as absent too. */
export function entry(map: CypherMap, key: string): unknown {
  const value = map[key];
  // Ownership is checked only for a value that is there: most optional keys are absent.
  if (value === undefined || value === null || !Object.hasOwn(map, key)) return undefined;
  return value;
}

/** An optional string entry. */
export function readString(map: CypherMap, key: string, where: string): string | null {
  return asString(entry(map, key), key, where);
}

/** An optional map entry. */
export function readMap(map: CypherMap, key: string, where: string): CypherMap | null {
  return asMap(entry(map, key), key, where);
}

/** An optional integer entry. */
export function readInteger(map: CypherMap, key: string, where: string): bigint | null {
  return asInteger(entry(map, key), key, where);
}

/** An optional list-of-strings entry. */
export function readStringList(map: CypherMap, key: string, where: string): readonly string[] | null {
  return asStringList(entry(map, key), key, where);
}

/*
 * The checks of the `read…` functions on a value already looked up (`undefined` and `null` read as
 * absent), for decoders that walk a map's keys once instead of probing for each key.
 */

/** The value of `key` as an optional string. */
export function asString(value: unknown, key: string, where: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    throw new ProtocolError(`Expected "${key}" in ${where} to be a string, got ${describeType(value)}`);
  }
  return value;
}

/** The value of `key` as an optional map. */
export function asMap(value: unknown, key: string, where: string): CypherMap | null {
  if (value === undefined || value === null) return null;
  if (!isMap(value))
    throw new ProtocolError(`Expected "${key}" in ${where} to be a map, got ${describeType(value)}`);
  return value;
}

/** The value of `key` as an optional integer. */
export function asInteger(value: unknown, key: string, where: string): bigint | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'bigint') {
    throw new ProtocolError(`Expected "${key}" in ${where} to be an integer, got ${describeType(value)}`);
  }
  return value;
}

/** The value of `key` as an optional list of strings. */
export function asStringList(value: unknown, key: string, where: string): readonly string[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || !isStringList(value)) {
    throw new ProtocolError(
      `Expected "${key}" in ${where} to be a list of strings, got ${describeType(value)}`,
    );
  }
  return value as readonly string[];
}

function isStringList(list: readonly unknown[]): boolean {
  for (const item of list) if (typeof item !== 'string') return false;
  return true;
}

/** A map whose values must all be strings (routing contexts). */
export function expectStringMap(value: CypherMap, where: string): Readonly<Record<string, string>> {
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (typeof item !== 'string') {
      throw new ProtocolError(`Expected "${key}" in ${where} to be a string, got ${describeType(item)}`);
    }
  }
  return value as Readonly<Record<string, string>>;
}

// Converted once: every PULL and DISCARD compares its `n` and `qid` with them.
const MAX_SAFE_BIGINT = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE_BIGINT = BigInt(Number.MIN_SAFE_INTEGER);

/**
 * Converts an integer to a JS number for counters and ids. Values beyond 2^53 clamp to the nearest safe
 * integer: no result, qid or timeout is ever that large, and clamping keeps them out of range.
 */
export function toSafeNumber(value: bigint): number {
  if (value > MAX_SAFE_BIGINT) return Number.MAX_SAFE_INTEGER;
  if (value < MIN_SAFE_BIGINT) return Number.MIN_SAFE_INTEGER;
  return Number(value);
}
