import { CypherArgumentError } from '../../errors/index.js';
import {
  CYPHER_COORDINATE_TYPE,
  Vector,
  VECTOR_ELEMENT_TYPES,
  typeName,
  type CypherValue,
  type VectorElementType,
  type VectorValues,
} from '../../values/index.js';
import { define, integerArgument, invalidArgument, stringArgument } from './define.js';
import type { FunctionDefinition } from './function-definition.js';

/** Neo4j's largest vector dimension. */
const MAX_DIMENSION = 4096;

/** Element types by their Cypher names (`INTEGER8` … `FLOAT`), which the parser makes canonical. */
const ELEMENT_TYPE_BY_NAME = new Map<string, VectorElementType>(
  VECTOR_ELEMENT_TYPES.map((type) => [CYPHER_COORDINATE_TYPE[type], type]),
);

/** The integer range of each integer element type. */
const INTEGER_RANGES: Readonly<Partial<Record<VectorElementType, readonly [bigint, bigint]>>> = {
  INT8: [-128n, 127n],
  INT16: [-32_768n, 32_767n],
  INT32: [-2_147_483_648n, 2_147_483_647n],
  INT64: [-(2n ** 63n), 2n ** 63n - 1n],
};

function invalidCoordinates(message: string): never {
  throw new CypherArgumentError(message, { detail: 'InvalidArgumentValue' });
}

/** The coordinates of a `[1, 2.5, …]` string: comma-separated numbers in decimal or scientific notation. */
function parseCoordinateText(text: string): CypherValue[] {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[') || !trimmed.endsWith(']')) {
    return invalidCoordinates(`A vector string must be enclosed in square brackets, got '${text}'`);
  }
  const inner = trimmed.slice(1, -1).trim();
  if (inner === '') return [];
  return inner.split(',').map((part) => {
    const item = part.trim();
    if (/^[+-]?\d+$/.test(item)) return BigInt(item);
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(item)) return Number(item);
    return invalidCoordinates(`'${item}' is not a number in the vector string '${text}'`);
  });
}

/** The coordinates as the element type's typed array; integers must fit and floats be whole for it. */
function toTypedArray(items: readonly CypherValue[], type: VectorElementType): VectorValues {
  const range = INTEGER_RANGES[type];
  if (range === undefined) {
    const numbers = items.map((item) => {
      if (typeof item === 'bigint') return Number(item);
      if (typeof item === 'number' && Number.isFinite(item)) return item;
      return invalidCoordinates(`A vector coordinate must be a finite number, got ${describe(item)}`);
    });
    return type === 'FLOAT32' ? Float32Array.from(numbers) : Float64Array.from(numbers);
  }
  const integers = items.map((item) => {
    const value =
      typeof item === 'bigint'
        ? item
        : typeof item === 'number' && Number.isInteger(item)
          ? BigInt(item)
          : invalidCoordinates(
              `${describe(item)} is not a whole number for a ${CYPHER_COORDINATE_TYPE[type]} vector`,
            );
    if (value < range[0] || value > range[1]) {
      return invalidCoordinates(`${value} does not fit a ${CYPHER_COORDINATE_TYPE[type]} coordinate`);
    }
    return value;
  });
  if (type === 'INT8') return Int8Array.from(integers, Number);
  if (type === 'INT16') return Int16Array.from(integers, Number);
  if (type === 'INT32') return Int32Array.from(integers, Number);
  return BigInt64Array.from(integers);
}

/** A coordinate for an error message: numbers as written, anything else by its type. */
function describe(item: CypherValue): string {
  return typeof item === 'number' || typeof item === 'bigint' ? String(item) : typeName(item);
}

/**
 * Cypher 25's `vector(vectorValue, dimension, coordinateType)`: a VECTOR from a list of numbers or a
 * `'[1, 2, 3]'` string, whose length must be the dimension (1 to 4096). Integer types take whole numbers that
 * fit them; float types take any finite number (FLOAT32 rounding it). A null value or dimension gives null.
 * `vector_dimension_count(vector)` is its dimension.
 */
export const VECTOR_CONSTRUCT_FUNCTIONS: readonly FunctionDefinition[] = [
  define({
    name: 'vector',
    signature:
      'vector(vectorValue :: STRING | LIST<INTEGER | FLOAT>, dimension :: INTEGER, coordinateType :: INTEGER64 | INTEGER32 | INTEGER16 | INTEGER8 | FLOAT64 | FLOAT32) :: VECTOR',
    description: 'Constructs a VECTOR value.',
    category: 'Vector',
    nullIn: 'none',
    call: (args) => {
      const [value = null, dimension = null] = args;
      if (value === null || dimension === null) return null;
      const typeName = stringArgument(args, 2);
      const type = ELEMENT_TYPE_BY_NAME.get(typeName.toUpperCase());
      if (type === undefined) return invalidCoordinates(`Unknown vector coordinate type ${typeName}`);
      const size = integerArgument(args, 1);
      if (size < 1n || size > BigInt(MAX_DIMENSION)) {
        return invalidCoordinates(`A vector dimension must be between 1 and ${MAX_DIMENSION}, got ${size}`);
      }
      const items =
        typeof value === 'string'
          ? parseCoordinateText(value)
          : Array.isArray(value)
            ? (value as readonly CypherValue[])
            : invalidArgument('String or List<Integer | Float>', value);
      if (BigInt(items.length) !== size) {
        return invalidCoordinates(`The vector has ${items.length} coordinates but the dimension is ${size}`);
      }
      return new Vector(toTypedArray(items, type));
    },
  }),
  define({
    name: 'vector_dimension_count',
    signature: 'vector_dimension_count(vector :: VECTOR) :: INTEGER',
    description: 'Returns the dimension of a VECTOR.',
    category: 'Vector',
    call: (args) => {
      const value = args[0] ?? null;
      return value instanceof Vector ? BigInt(value.dimension) : invalidArgument('Vector', value);
    },
  }),
];
