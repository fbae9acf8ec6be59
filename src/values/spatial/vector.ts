import { CypherArgumentError } from '../../errors/index.js';
import { formatFloat } from '../format-float.js';

/** Bolt 6 vector element types, in the order Neo4j sorts vector types. */
export const VECTOR_ELEMENT_TYPES = ['INT8', 'INT16', 'INT32', 'INT64', 'FLOAT32', 'FLOAT64'] as const;
export type VectorElementType = (typeof VECTOR_ELEMENT_TYPES)[number];

/** The typed array holding each element type's values. */
export type VectorValues = Int8Array | Int16Array | Int32Array | BigInt64Array | Float32Array | Float64Array;

/** Cypher's names for the coordinate types (`VECTOR<INTEGER8>(3)`); INT64 and FLOAT64 use the default names. */
export const CYPHER_COORDINATE_TYPE: Readonly<Record<VectorElementType, string>> = {
  INT8: 'INTEGER8',
  INT16: 'INTEGER16',
  INT32: 'INTEGER32',
  INT64: 'INTEGER',
  FLOAT32: 'FLOAT32',
  FLOAT64: 'FLOAT',
};

function elementTypeOf(values: VectorValues): VectorElementType {
  if (values instanceof Int8Array) return 'INT8';
  if (values instanceof Int16Array) return 'INT16';
  if (values instanceof Int32Array) return 'INT32';
  if (values instanceof BigInt64Array) return 'INT64';
  if (values instanceof Float32Array) return 'FLOAT32';
  return 'FLOAT64';
}

/**
 * Cypher VECTOR (Bolt 6.0 `Vector`): a fixed-length run of numbers of one element type, held in the matching
 * typed array. The element type follows from the array's class, so the two cannot disagree. The vector
 * takes ownership of the array without copying (vectors can hold thousands of elements); typed arrays
 * cannot be frozen, so callers must not modify it afterwards.
 */
export class Vector {
  /** Makes the class nominal, so a look-alike (e.g. a `Time` where a `LocalTime` is expected) fails to type-check. */
  declare private readonly brand: 'Vector';
  readonly elementType: VectorElementType;
  readonly values: VectorValues;

  /** @throws CypherArgumentError for an empty vector (Neo4j requires a dimension of at least 1). */
  constructor(values: VectorValues) {
    if (values.length === 0) throw new CypherArgumentError('A vector needs at least one element');
    this.values = values;
    this.elementType = elementTypeOf(values);
  }

  /** The number of elements. */
  get dimension(): number {
    return this.values.length;
  }

  /** The Cypher 25 constructor form: `vector([1.0, 2.5], 2, FLOAT32)`. */
  toString(): string {
    const isFloat = this.elementType === 'FLOAT32' || this.elementType === 'FLOAT64';
    const items: string[] = [];
    for (const item of this.values) items.push(isFloat ? formatFloat(Number(item)) : String(item));
    return `vector([${items.join(', ')}], ${this.dimension}, ${CYPHER_COORDINATE_TYPE[this.elementType]})`;
  }
}
