import type { UnionOp } from '../../planner/index.js';
import type { Row, RowCursor } from '../runtime/row.js';
import type { BuildContext, Operator } from './operator.js';

/** Union (ALL): the rows of the left part, then of the right part, both run with the same argument. */
export function buildUnion(plan: UnionOp, build: BuildContext): Operator {
  const left = build.build(plan.left);
  const right = build.build(plan.right);
  return {
    open(argument: Row): RowCursor {
      let current = left.open(argument);
      let onRight = false;
      return {
        next: () => {
          const row = current.next();
          if (row !== null || onRight) return row;
          onRight = true;
          current = right.open(argument);
          return current.next();
        },
        close: () => {
          current.close();
        },
      };
    },
  };
}
