import type { SeekQuery } from '../../planner/index.js';
import type { IndexQuery } from '../../storage/index.js';
import type { CypherValue } from '../../values/index.js';
import type { Evaluator } from '../expressions/compile-scope.js';
import type { ExecutionContext } from '../runtime/context.js';
import type { Row } from '../runtime/row.js';
import type { BuildContext } from './operator.js';

/** Evaluates a planned seek query for one input row; undefined when it can match nothing. */
export type IndexQueryMaker = (row: Row, context: ExecutionContext) => IndexQuery | undefined;

/**
 * Compiles the values of a seek query. A null equality value or bound matches nothing (`x = null` is never
 * true), nor does a prefix that is not a string (`STARTS WITH` is then null): the seek then yields no rows,
 * exactly the rows the predicate it replaces would keep.
 */
export function compileIndexQuery(query: SeekQuery, build: BuildContext): IndexQueryMaker {
  switch (query.kind) {
    case 'EXISTS':
      return () => ({ kind: 'EXISTS' });
    case 'EQUALS': {
      const evaluators = query.values.map((value) => build.compile(value));
      const [single] = evaluators;
      if (single !== undefined && evaluators.length === 1) {
        return (row, context) => {
          const value = single(row, context);
          return value === null ? undefined : { kind: 'EQUALS', values: [value] };
        };
      }
      return (row, context) => {
        const values: CypherValue[] = [];
        for (const evaluate of evaluators) {
          const value = evaluate(row, context);
          if (value === null) return undefined;
          values.push(value);
        }
        return { kind: 'EQUALS', values };
      };
    }
    case 'PREFIX': {
      const value = build.compile(query.value);
      return (row, context) => {
        const prefix = value(row, context);
        return typeof prefix === 'string' ? { kind: 'PREFIX', prefix } : undefined;
      };
    }
    case 'CONTAINS':
    case 'SUFFIX': {
      const value = build.compile(query.value);
      const kind = query.kind;
      return (row, context) => {
        const text = value(row, context);
        return typeof text === 'string' ? { kind, text } : undefined;
      };
    }
    case 'RANGE': {
      const lower = compileBound(query.lower, build);
      const upper = compileBound(query.upper, build);
      return (row, context) => {
        const low = lower?.(row, context);
        const high = upper?.(row, context);
        if (low === null || high === null) return undefined;
        return {
          kind: 'RANGE',
          ...(low === undefined ? {} : { lower: low }),
          ...(high === undefined ? {} : { upper: high }),
        };
      };
    }
  }
}

type BoundMaker = (
  row: Row,
  context: ExecutionContext,
) => { readonly value: CypherValue; readonly inclusive: boolean } | null;

/** A range bound per row; null when its value is null. */
function compileBound(
  bound: Extract<SeekQuery, { kind: 'RANGE' }>['lower'],
  build: BuildContext,
): BoundMaker | undefined {
  if (bound === undefined) return undefined;
  const value: Evaluator = build.compile(bound.value);
  const inclusive = bound.inclusive;
  return (row, context) => {
    const v = value(row, context);
    return v === null ? null : { value: v, inclusive };
  };
}
