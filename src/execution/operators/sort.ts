import type { SortKey, SortOp, TopOp } from '../../planner/index.js';
import { orderCompare, type CypherValue } from '../../values/index.js';
import type { ExecutionContext } from '../runtime/context.js';
import type { Row, RowCursor } from '../runtime/row.js';
import { materialize } from './eager.js';
import type { BuildContext, Operator } from './operator.js';
import { countOf } from './skip-limit.js';

interface Keyed {
  readonly row: Row;
  readonly keys: CypherValue[];
  readonly order: number;
}

type Comparator = (a: Keyed, b: Keyed) => number;

function comparator(keys: readonly SortKey[]): Comparator {
  const descending = keys.map((key) => key.descending);
  return (a, b) => {
    for (let index = 0; index < descending.length; index++) {
      const order = orderCompare(a.keys[index] ?? null, b.keys[index] ?? null);
      if (order !== 0) return descending[index] === true ? -order : order;
    }
    return a.order - b.order;
  };
}

function keyer(keys: readonly SortKey[], build: BuildContext): (row: Row, order: number) => Keyed {
  const evaluators = keys.map((key) => build.compile(key.value));
  const context: ExecutionContext = build.context;
  return (row, order) => ({ row, keys: evaluators.map((evaluate) => evaluate(row, context)), order });
}

function cursorOver(rows: () => Row[]): RowCursor {
  let sorted: Row[] | undefined;
  let index = 0;
  return {
    next: () => {
      sorted ??= rows();
      return sorted[index++] ?? null;
    },
    close: () => {
      sorted = [];
    },
  };
}

/** Sort (ORDER BY): stable, with the ORDER BY total order of values. */
export function buildSort(plan: SortOp, build: BuildContext): Operator {
  const source = build.build(plan.source);
  const key = keyer(plan.keys, build);
  const compare = comparator(plan.keys);
  return {
    open: (argument) =>
      cursorOver(() =>
        materialize(source.open(argument))
          .map(key)
          .sort(compare)
          .map((keyed) => keyed.row),
      ),
  };
}

/** Top (ORDER BY + LIMIT): keeps only the best skip + limit rows, in a sorted buffer. */
export function buildTop(plan: TopOp, build: BuildContext): Operator {
  const source = build.build(plan.source);
  const key = keyer(plan.keys, build);
  const compare = comparator(plan.keys);
  const limit = build.compile(plan.limit);
  const skip = plan.skip === undefined ? undefined : build.compile(plan.skip);
  return {
    open: (argument) =>
      cursorOver(() => {
        const keep = countOf(limit, build.context) + (skip === undefined ? 0 : countOf(skip, build.context));
        const input = source.open(argument);
        if (keep === 0) {
          if (plan.drain) while (input.next() !== null);
          input.close();
          return [];
        }
        const best: Keyed[] = [];
        let order = 0;
        for (let row = input.next(); row !== null; row = input.next()) {
          const keyed = key(row, order++);
          const worst = best[keep - 1];
          if (worst !== undefined && compare(keyed, worst) >= 0) continue;
          let low = 0;
          let high = best.length;
          while (low < high) {
            const middle = (low + high) >> 1;
            const probe = best[middle];
            if (probe !== undefined && compare(probe, keyed) <= 0) low = middle + 1;
            else high = middle;
          }
          best.splice(low, 0, keyed);
          if (best.length > keep) best.pop();
        }
        input.close();
        return best.map((keyed) => keyed.row);
      }),
  };
}
