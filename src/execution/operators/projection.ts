import type { ProjectionOp } from '../../planner/index.js';
import type { Row, RowCursor } from '../runtime/row.js';
import type { BuildContext, Operator } from './operator.js';

/** Projection: evaluates each item into its slot, in a copy of the row (earlier items are not visible). */
export function buildProjection(plan: ProjectionOp, build: BuildContext): Operator {
  const source = build.build(plan.source);
  const context = build.context;
  const slots = plan.items.map((item) => item.slot);
  const values = plan.items.map((item) => build.compile(item.value));
  const width = slots.length;
  return {
    open(argument: Row): RowCursor {
      const input = source.open(argument);
      return {
        next: () => {
          const row = input.next();
          if (row === null) return null;
          const out = row.slice();
          for (let index = 0; index < width; index++) {
            const evaluate = values[index];
            if (evaluate !== undefined) out[slots[index] ?? 0] = evaluate(row, context);
          }
          return out;
        },
        close: () => {
          input.close();
        },
      };
    },
  };
}
