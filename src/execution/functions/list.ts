import { CypherArgumentError } from '../../errors/index.js';
import type { CypherValue } from '../../values/index.js';
import { argument, define, listArgument } from './define.js';
import type { FunctionDefinition } from './function-definition.js';
import { displayTypeName } from './type-errors.js';

/** Lists longer than this are refused rather than exhausting memory. */
const MAX_RANGE_LENGTH = 100_000_000n;

/** `range`'s bounds and step must be INTEGERs: the TCK wants an ArgumentError, not a TypeError, here. */
function rangeBound(args: readonly CypherValue[], index: number): bigint {
  const value = argument(args, index);
  if (typeof value === 'bigint') return value;
  throw new CypherArgumentError(`Type mismatch: expected Integer but was ${displayTypeName(value)}`, {
    detail: 'InvalidArgumentType',
  });
}

/** `range(start, end[, step])`: both bounds inclusive. */
export function range(start: bigint, end: bigint, step: bigint): bigint[] {
  if (step === 0n) {
    throw new CypherArgumentError('Step argument to range() cannot be zero', { detail: 'NumberOutOfRange' });
  }
  // Empty when the step points away from the end (BigInt division truncates towards zero, so the count
  // alone would give one element for range(0, 1, -5)).
  if ((step > 0n && end < start) || (step < 0n && end > start)) return [];
  const count = (end - start) / step + 1n;
  if (count > MAX_RANGE_LENGTH) {
    throw new CypherArgumentError(`range() would produce ${count} elements`, { detail: 'NumberOutOfRange' });
  }
  const result = new Array<bigint>(Number(count));
  let value = start;
  for (let index = 0; index < result.length; index++, value += step) result[index] = value;
  return result;
}

export const LIST_FUNCTIONS: readonly FunctionDefinition[] = [
  define({
    name: 'range',
    signature: 'range(start :: INTEGER, end :: INTEGER, step :: INTEGER) :: LIST<INTEGER>',
    description: 'Returns the integers from start to end (inclusive), stepping by step (default 1).',
    category: 'List',
    minArgs: 2,
    call: (args) =>
      range(rangeBound(args, 0), rangeBound(args, 1), args.length > 2 ? rangeBound(args, 2) : 1n),
  }),
  define({
    name: 'tail',
    signature: 'tail(input :: LIST<ANY>) :: LIST<ANY>',
    description: 'Returns all but the first element of a list.',
    category: 'List',
    call: (args) => listArgument(args, 0).slice(1),
  }),
];
