/**
 * Text of a CSV field → Cypher value, one converter per property column, chosen once from the header. A
 * converter returns `undefined` for "no property" (an empty value, or an empty string with
 * `--ignore-empty-strings`) and throws a DatabaseError whose message is the bad-row reason.
 * int/long/byte/short become INTEGER (bigint) and float/double FLOAT, as neo4j-admin's `--normalize-types`
 * does; with `normalizeTypes: false` byte/short/int keep their Java ranges and float its 32-bit precision.
 */
import { DatabaseError, Status } from '../../errors/index.js';
import { INT64_MAX, INT64_MIN, type CypherMap, type CypherValue } from '../../values/index.js';
import { pointConverter, temporalConverter } from './function-values.js';
import type { ValueType } from './header.js';
import { parseMapLiteral, type MapLiteral } from './map-literal.js';

/** The value options of `quiver import`. */
export interface ValueOptions {
  readonly arrayDelimiter: string;
  readonly trimStrings: boolean;
  readonly ignoreEmptyStrings: boolean;
  readonly normalizeTypes: boolean;
}

/** A property column's description as the converter needs it. */
export interface ValueColumn {
  readonly type: ValueType;
  readonly array: boolean;
  readonly config: MapLiteral;
}

/** Field text → value, `undefined` for no property. */
export type Converter = (text: string) => CypherValue | undefined;

type ScalarConverter = (text: string) => CypherValue;

const INTEGER = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const SPECIAL_FLOATS: Readonly<Record<string, number>> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '+Infinity': Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
};
const INTEGER_RANGES: Readonly<Partial<Record<ValueType, readonly [bigint, bigint]>>> = {
  byte: [-128n, 127n],
  short: [-32_768n, 32_767n],
  int: [-2_147_483_648n, 2_147_483_647n],
};

function invalid(text: string, type: string): DatabaseError {
  return new DatabaseError(Status.ArgumentError, `'${text}' is not a valid ${type}`);
}

/** Builds the converter of a property column. */
export function converterFor(column: ValueColumn, options: ValueOptions): Converter {
  const scalar = scalarConverter(column, options);
  const isString = column.type === 'string' || column.type === 'char';
  if (column.array) return arrayConverter(scalar, isString, column.type, options);
  if (isString) {
    return (text) => {
      const value = options.trimStrings ? text.trim() : text;
      return value === '' && options.ignoreEmptyStrings ? undefined : scalar(value);
    };
  }
  return (text) => {
    const value = text.trim();
    return value === '' ? undefined : scalar(value);
  };
}

function arrayConverter(
  scalar: ScalarConverter,
  isString: boolean,
  type: ValueType,
  options: ValueOptions,
): Converter {
  return (text) => {
    if (text === '') return [];
    return text.split(options.arrayDelimiter).map((element) => {
      const value = isString && !options.trimStrings ? element : element.trim();
      if (value === '' && !isString) throw invalid(text, `${type}[] (empty element)`);
      return scalar(value);
    });
  };
}

function scalarConverter(column: ValueColumn, options: ValueOptions): ScalarConverter {
  const { type } = column;
  switch (type) {
    case 'string':
      return (text) => text;
    case 'char':
      return (text) => {
        const first = text.codePointAt(0);
        if (first === undefined || String.fromCodePoint(first).length !== text.length)
          throw invalid(text, 'char');
        return text;
      };
    case 'boolean':
      return parseBoolean;
    case 'int':
    case 'long':
    case 'byte':
    case 'short': {
      const range = options.normalizeTypes ? undefined : INTEGER_RANGES[type];
      return (text) => parseInteger(text, type, range);
    }
    case 'float':
      return options.normalizeTypes ? parseFloatText : (text) => Math.fround(parseFloatText(text));
    case 'double':
      return parseFloatText;
    case 'date':
    case 'localtime':
    case 'localdatetime':
    case 'duration':
      return guarded(temporalConverter(type), type);
    case 'time':
    case 'datetime':
      return guarded(temporalConverter(type, timezoneOf(column.config)), type);
    case 'point':
      return pointParser(column.config);
  }
}

/** Parses an integer; short texts go through Number, which is much faster than BigInt(string). */
export function parseInteger(text: string, type = 'long', range?: readonly [bigint, bigint]): bigint {
  if (!INTEGER.test(text)) throw invalid(text, type);
  const value = text.length <= 15 ? BigInt(Number(text)) : BigInt(text);
  const [min, max] = range ?? [INT64_MIN, INT64_MAX];
  if (value < min || value > max) throw invalid(text, `${type} (out of range)`);
  return value;
}

function parseFloatText(text: string): number {
  if (FLOAT.test(text)) return Number(text);
  const special = SPECIAL_FLOATS[text];
  if (special === undefined) throw invalid(text, 'float');
  return special;
}

function parseBoolean(text: string): boolean {
  const lower = text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  throw invalid(text, 'boolean');
}

/** Wraps a function-backed converter so every failure reads as a bad value of the column's type. */
function guarded(convert: ScalarConverter, type: string): ScalarConverter {
  return (text) => {
    try {
      return convert(text);
    } catch (error) {
      const reason = error instanceof Error ? `: ${error.message}` : '';
      throw new DatabaseError(Status.ArgumentError, `'${text}' is not a valid ${type}${reason}`);
    }
  };
}

function timezoneOf(config: MapLiteral): string {
  const zone = config['timezone'];
  return zone === undefined ? 'Z' : String(zone);
}

function pointParser(config: MapLiteral): ScalarConverter {
  const build = pointConverter(asCypherMap(config));
  return guarded((text) => build(asCypherMap(parseMapLiteral(text))), 'point');
}

/** Map literal → Cypher map: numbers are FLOAT, except `srid`, which is INTEGER. */
function asCypherMap(map: MapLiteral): CypherMap {
  const result: Record<string, CypherValue> = {};
  for (const [key, value] of Object.entries(map)) {
    result[key] = key.toLowerCase() === 'srid' && Number.isSafeInteger(value) ? BigInt(value) : value;
  }
  return result;
}
