import type { FilterOp } from '../../planner/index.js';
import type { Row, RowCursor } from '../runtime/row.js';
import type { BuildContext, Operator } from './operator.js';

/** Filter: keeps the rows whose predicate is true (null and false drop the row). */
export function buildFilter(plan: FilterOp, build: BuildContext): Operator {
  const source = build.build(plan.source);
  const predicate = build.compile(plan.predicate);
  const context = build.context;
  return {
    open(argument: Row): RowCursor {
      const input = source.open(argument);
      let count = 0;
      return {
        next: () => {
          for (let row = input.next(); row !== null; row = input.next()) {
            if (predicate(row, context) === true) return row;
            if ((++count & 1023) === 0) context.checkInterrupt();
          }
          return null;
        },
        close: () => {
          input.close();
        },
      };
    },
  };
}
