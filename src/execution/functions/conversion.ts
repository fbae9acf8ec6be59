import { CypherArgumentError } from '../../errors/index.js';
import { INT64_MAX, INT64_MIN, type CypherValue } from '../../values/index.js';
import { define, invalidArgument, listArgument } from './define.js';
import type { FunctionDefinition } from './function-definition.js';
import { convertToString } from './to-string.js';

/*
 * Type conversion functions. Each converter answers the converted value, null for a value of a convertible
 * type that does not parse (`toInteger('x')`), or undefined for a type the function does not take, which
 * the plain form turns into a TypeError and the `…OrNull` and list forms into null.
 */

type Converter = (value: CypherValue) => CypherValue | undefined;

const INTEGER_TEXT = /^\s*[+-]?\d+\s*$/;
const FLOAT_TEXT = /^\s*[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|NaN|Infinity)\s*$/;

export const toBooleanValue: Converter = (value) => {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    return text === 'true' ? true : text === 'false' ? false : null;
  }
  if (typeof value === 'bigint') return value !== 0n;
  return undefined;
};

export const toIntegerValue: Converter = (value) => {
  if (value === null || typeof value === 'bigint') return value;
  if (typeof value === 'number') return truncateFloat(value);
  if (typeof value === 'boolean') return value ? 1n : 0n;
  if (typeof value === 'string') {
    if (INTEGER_TEXT.test(value)) {
      const parsed = BigInt(value.trim());
      return parsed > INT64_MAX || parsed < INT64_MIN ? null : parsed;
    }
    if (FLOAT_TEXT.test(value)) return truncateFloat(Number(value.trim()));
    return null;
  }
  return undefined;
};

export const toFloatValue: Converter = (value) => {
  if (value === null || typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') return FLOAT_TEXT.test(value) ? Number(value.trim()) : null;
  return undefined;
};

export const toStringValue: Converter = (value) => convertToString(value);

/** A FLOAT truncated toward zero; non-finite values have no INTEGER, values beyond int64 are out of range. */
function truncateFloat(value: number): bigint | null {
  if (!Number.isFinite(value)) return null;
  const integer = BigInt(Math.trunc(value));
  if (integer > INT64_MAX || integer < INT64_MIN) {
    throw new CypherArgumentError(`Integer value out of range: ${value}`, { detail: 'NumberOutOfRange' });
  }
  return integer;
}

function strict(name: string, typeName: string, accepts: string, convert: Converter): FunctionDefinition {
  return define({
    name,
    signature: `${name}(input :: ANY) :: ${typeName}`,
    description: `Converts a ${accepts} value to a ${typeName} value.`,
    category: 'Scalar',
    call: ([value = null]) => {
      const converted = convert(value);
      return converted === undefined ? invalidArgument(accepts, value) : converted;
    },
  });
}

function orNull(name: string, typeName: string, convert: Converter): FunctionDefinition {
  return define({
    name,
    signature: `${name}(input :: ANY) :: ${typeName}`,
    description: `Converts a value to a ${typeName} value, or null if the value cannot be converted.`,
    category: 'Scalar',
    call: ([value = null]) => convert(value) ?? null,
  });
}

function listOf(name: string, typeName: string, convert: Converter): FunctionDefinition {
  return define({
    name,
    signature: `${name}(input :: LIST<ANY>) :: LIST<${typeName}>`,
    description: `Converts a list of values to a list of ${typeName} values; unconvertible elements become null.`,
    category: 'List',
    call: (args) => listArgument(args, 0).map((element) => convert(element) ?? null),
  });
}

export const CONVERSION_FUNCTIONS: readonly FunctionDefinition[] = [
  strict('toBoolean', 'BOOLEAN', 'String, Boolean or Integer', toBooleanValue),
  strict('toInteger', 'INTEGER', 'String, Integer, Float or Boolean', toIntegerValue),
  strict('toFloat', 'FLOAT', 'String, Integer or Float', toFloatValue),
  strict('toString', 'STRING', 'String, Integer, Float, Boolean, temporal value or Point', toStringValue),
  orNull('toBooleanOrNull', 'BOOLEAN', toBooleanValue),
  orNull('toIntegerOrNull', 'INTEGER', toIntegerValue),
  orNull('toFloatOrNull', 'FLOAT', toFloatValue),
  orNull('toStringOrNull', 'STRING', toStringValue),
  listOf('toBooleanList', 'BOOLEAN', toBooleanValue),
  listOf('toIntegerList', 'INTEGER', toIntegerValue),
  listOf('toFloatList', 'FLOAT', toFloatValue),
  listOf('toStringList', 'STRING', toStringValue),
];
