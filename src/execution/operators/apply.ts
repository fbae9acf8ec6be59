import type { ApplyOp } from '../../planner/index.js';
import type { Row, RowCursor } from '../runtime/row.js';
import type { BuildContext, Operator } from './operator.js';

/**
 * Apply: runs the right side once per left row, with the left row as its argument. INNER yields the right
 * rows; OPTIONAL yields the left row with `nullSlots` set to null when the right side has no row; UNIT
 * drains the right side (side effects only) and yields the left row.
 */
export function buildApply(plan: ApplyOp, build: BuildContext): Operator {
  const left = build.build(plan.left);
  const right = build.build(plan.right);
  return {
    open(argument: Row): RowCursor {
      const outer = left.open(argument);
      let inner: RowCursor | undefined;
      let current: Row | null = null;
      let matched = false;
      return {
        next: () => {
          for (;;) {
            if (inner !== undefined && current !== null) {
              if (plan.mode === 'UNIT') {
                while (inner.next() !== null);
                inner = undefined;
                return current;
              }
              const row = inner.next();
              if (row !== null) {
                matched = true;
                return row;
              }
              inner = undefined;
              if (plan.mode === 'OPTIONAL' && !matched) {
                const out = current.slice();
                for (const slot of plan.nullSlots) out[slot] = null;
                return out;
              }
            }
            current = outer.next();
            if (current === null) return null;
            matched = false;
            inner = right.open(current);
          }
        },
        close: () => {
          inner?.close();
          outer.close();
        },
      };
    },
  };
}
