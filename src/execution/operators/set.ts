import type { SetOp } from '../../planner/index.js';
import type { BuildContext, Operator } from './operator.js';
import { compileSetItems } from './set-items.js';

/** SET / REMOVE items applied to each row in order; the row passes through. */
export function buildSet(plan: SetOp, build: BuildContext): Operator {
  const source = build.build(plan.source);
  const write = compileSetItems(plan.items, build);
  return {
    open(argument) {
      const input = source.open(argument);
      return {
        next: () => {
          const row = input.next();
          if (row !== null) write(row);
          return row;
        },
        close: () => {
          input.close();
        },
      };
    },
  };
}
