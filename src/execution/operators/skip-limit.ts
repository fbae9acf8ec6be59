import { CypherSemanticError } from '../../errors/index.js';
import type { LimitOp, SkipOp } from '../../planner/index.js';
import { typeName, type CypherValue } from '../../values/index.js';
import type { Evaluator } from '../expressions/compile-scope.js';
import type { ExecutionContext } from '../runtime/context.js';
import type { Row, RowCursor } from '../runtime/row.js';
import type { BuildContext, Operator } from './operator.js';

/**
 * Evaluates a SKIP / LIMIT count once per open: it must be a non-negative INTEGER (the TCK's runtime
 * errors NegativeIntegerArgument / InvalidArgumentType for parameters).
 */
export function countOf(count: Evaluator, context: ExecutionContext): number {
  const value: CypherValue = count([], context);
  if (typeof value !== 'bigint') {
    throw new CypherSemanticError(
      `Invalid input. '${describe(value)}' is not a valid value. Must be a non-negative integer.`,
      { detail: 'InvalidArgumentType' },
    );
  }
  if (value < 0n) {
    throw new CypherSemanticError(
      `Invalid input. '${value.toString()}' is not a valid value. Must be a non-negative integer.`,
      { detail: 'NegativeIntegerArgument' },
    );
  }
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

function describe(value: CypherValue): string {
  return typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean'
    ? String(value)
    : typeName(value);
}

/** SKIP: drops the first n rows. */
export function buildSkip(plan: SkipOp, build: BuildContext): Operator {
  const source = build.build(plan.source);
  const evaluator = build.compile(plan.count);
  return {
    open(argument: Row): RowCursor {
      const count = countOf(evaluator, build.context);
      const input = source.open(argument);
      let skipped = 0;
      return {
        next: () => {
          while (skipped < count) {
            if (input.next() === null) return null;
            skipped++;
          }
          return input.next();
        },
        close: () => {
          input.close();
        },
      };
    },
  };
}

/** LIMIT: stops after n rows and closes its input (so nothing upstream does more work). */
export function buildLimit(plan: LimitOp, build: BuildContext): Operator {
  const source = build.build(plan.source);
  const evaluator = build.compile(plan.count);
  return {
    open(argument: Row): RowCursor {
      const count = countOf(evaluator, build.context);
      const input = source.open(argument);
      let returned = 0;
      return {
        next: () => {
          if (returned >= count) {
            if (plan.drain) while (input.next() !== null);
            input.close();
            return null;
          }
          const row = input.next();
          if (row !== null) returned++;
          return row;
        },
        close: () => {
          input.close();
        },
      };
    },
  };
}
