import type { CypherValue } from '../../values/index.js';
import type { ExecutionContext } from '../runtime/context.js';
import type { FunctionDefinition } from './function-definition.js';
import { typeMismatch } from './type-errors.js';

/** What a function family declares per function; `define` fills in the defaults. */
export interface FunctionSpec {
  readonly name: string;
  readonly signature: string;
  readonly description: string;
  readonly category: FunctionDefinition['category'];
  readonly minArgs?: number;
  readonly maxArgs?: number;
  readonly deterministic?: boolean;
  /** Null in any argument position listed here gives null without calling `call` (default: all). */
  readonly nullIn?: 'any' | 'none';
  readonly call: (args: readonly CypherValue[], context: ExecutionContext) => CypherValue;
}

/**
 * A `FunctionDefinition` from a spec. Argument counts default to the number of parameters in the
 * signature; by default a null argument makes the result null, which is the rule for most built-ins.
 */
export function define(spec: FunctionSpec): FunctionDefinition {
  const declared = countParameters(spec.signature);
  const call = spec.call;
  const nullPropagating = (spec.nullIn ?? 'any') === 'any';
  return {
    name: spec.name,
    minArgs: spec.minArgs ?? declared,
    maxArgs: spec.maxArgs ?? declared,
    signature: spec.signature,
    description: spec.description,
    category: spec.category,
    deterministic: spec.deterministic ?? true,
    call: nullPropagating
      ? (args, context) => {
          for (const arg of args) if (arg === null) return null;
          return call(args, context);
        }
      : call,
  };
}

function countParameters(signature: string): number {
  const inner = /\((.*)\)\s*::/.exec(signature)?.[1]?.trim() ?? '';
  return inner === '' ? 0 : inner.split(',').length;
}

/** Argument `index` (null when absent). */
export function argument(args: readonly CypherValue[], index: number): CypherValue {
  return args[index] ?? null;
}

/** A runtime argument of the wrong type: the TCK's TypeError with detail `InvalidArgumentValue`. */
export function invalidArgument(expected: string, value: CypherValue): never {
  throw typeMismatch(expected, value, 'InvalidArgumentValue');
}

/** The argument as a string, or a TypeError. */
export function stringArgument(args: readonly CypherValue[], index: number): string {
  const value = argument(args, index);
  return typeof value === 'string' ? value : invalidArgument('String', value);
}

/** The argument as an INTEGER, or a TypeError. */
export function integerArgument(args: readonly CypherValue[], index: number): bigint {
  const value = argument(args, index);
  return typeof value === 'bigint' ? value : invalidArgument('Integer', value);
}

/** The argument as a JS number (INTEGER or FLOAT), or a TypeError. */
export function numberArgument(args: readonly CypherValue[], index: number): number {
  const value = argument(args, index);
  if (typeof value === 'number') return value;
  return typeof value === 'bigint' ? Number(value) : invalidArgument('Float', value);
}

/** The argument as a list, or a TypeError. */
export function listArgument(args: readonly CypherValue[], index: number): readonly CypherValue[] {
  const value = argument(args, index);
  return Array.isArray(value) ? (value as readonly CypherValue[]) : invalidArgument('List<T>', value);
}
