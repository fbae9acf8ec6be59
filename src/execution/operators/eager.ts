import type { EagerOp } from '../../planner/index.js';
import type { Row, RowCursor } from '../runtime/row.js';
import type { BuildContext, Operator } from './operator.js';

/** Pulls every row of the input before yielding the first (a barrier between reads and writes). */
export function materialize(input: RowCursor): Row[] {
  const rows: Row[] = [];
  for (let row = input.next(); row !== null; row = input.next()) rows.push(row);
  input.close();
  return rows;
}

/** Eager. */
export function buildEager(plan: EagerOp, build: BuildContext): Operator {
  const source = build.build(plan.source);
  return {
    open(argument: Row): RowCursor {
      let rows: Row[] | undefined;
      let index = 0;
      return {
        next: () => {
          rows ??= materialize(source.open(argument));
          return rows[index++] ?? null;
        },
        close: () => {
          rows = [];
        },
      };
    },
  };
}
