import { CypherArgumentError } from '../../errors/index.js';
import { Vector, type CypherValue } from '../../values/index.js';
import { define, invalidArgument } from './define.js';
import type { FunctionDefinition } from './function-definition.js';

/** The coordinates of a LIST<INTEGER | FLOAT> or a VECTOR, as doubles; undefined for anything else. */
export function vectorCoordinates(value: CypherValue): number[] | undefined {
  if (value instanceof Vector) return Array.from(value.values, Number);
  if (!Array.isArray(value)) return undefined;
  const numbers: number[] = [];
  for (const item of value as readonly CypherValue[]) {
    if (typeof item === 'number') numbers.push(item);
    else if (typeof item === 'bigint') numbers.push(Number(item));
    else return undefined;
  }
  return numbers;
}

/** {@link vectorCoordinates} of a function argument, which must be a vector. */
function coordinates(value: CypherValue): number[] {
  return vectorCoordinates(value) ?? invalidArgument('List<Integer | Float>', value);
}

/** Both arguments' coordinates, checked to have one, equal dimension. */
function pair(args: readonly CypherValue[]): [number[], number[]] {
  const a = coordinates(args[0] ?? null);
  const b = coordinates(args[1] ?? null);
  if (a.length !== b.length || a.length === 0) {
    throw new CypherArgumentError(
      `The supplied vectors do not have the same number of dimensions (${a.length} and ${b.length})`,
      { detail: 'InvalidArgumentValue' },
    );
  }
  return [a, b];
}

/** `(1 + cos θ) / 2` of two vectors of one dimension; null where cosine is not defined (zero, non-finite). */
export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number | null {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let index = 0; index < a.length; index++) {
    const x = a[index] ?? 0;
    const y = b[index] ?? 0;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  const denominator = Math.sqrt(normA) * Math.sqrt(normB);
  if (!(denominator > 0) || !Number.isFinite(denominator) || !Number.isFinite(dot)) return null;
  const cosine = Math.max(-1, Math.min(1, dot / denominator));
  return (1 + cosine) / 2;
}

/** `1 / (1 + d²)` of two vectors of one dimension; null when a coordinate is NaN. */
export function euclideanSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number | null {
  let squared = 0;
  for (let index = 0; index < a.length; index++) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    squared += difference * difference;
  }
  return Number.isNaN(squared) ? null : 1 / (1 + squared);
}

/**
 * Neo4j 5.18+'s vector similarity functions (the scores of its vector indexes, in [0, 1]): cosine as
 * `(1 + cos θ) / 2`, Euclidean as `1 / (1 + d²)`. Arguments are LIST<INTEGER | FLOAT> or VECTOR values of
 * one dimension; null gives null, and so does a vector cosine similarity is not defined for (a zero vector,
 * or a non-finite coordinate).
 */
export const VECTOR_SIMILARITY_FUNCTIONS: readonly FunctionDefinition[] = [
  define({
    name: 'vector.similarity.cosine',
    signature: 'vector.similarity.cosine(a :: LIST<INTEGER | FLOAT>, b :: LIST<INTEGER | FLOAT>) :: FLOAT',
    description: 'Returns the similarity of two vectors based on their cosine, from 0 to 1.',
    category: 'Vector',
    call: (args) => cosineSimilarity(...pair(args)),
  }),
  define({
    name: 'vector.similarity.euclidean',
    signature: 'vector.similarity.euclidean(a :: LIST<INTEGER | FLOAT>, b :: LIST<INTEGER | FLOAT>) :: FLOAT',
    description: 'Returns the similarity of two vectors based on their Euclidean distance, from 0 to 1.',
    category: 'Vector',
    call: (args) => euclideanSimilarity(...pair(args)),
  }),
];
