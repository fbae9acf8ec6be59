import type { EmptyResultOp, ProduceResultsOp } from '../../planner/index.js';
import type { Row, RowCursor } from '../runtime/row.js';
import type { BuildContext, Operator } from './operator.js';

/** ProduceResults: output row i holds the value of column i (unbound slots read as null). */
export function buildProduceResults(plan: ProduceResultsOp, build: BuildContext): Operator {
  const source = build.build(plan.source);
  const slots = plan.slots;
  return {
    open(argument: Row): RowCursor {
      const input = source.open(argument);
      return {
        next: () => {
          const row = input.next();
          if (row === null) return null;
          const out: Row = new Array<Row[number]>(slots.length);
          for (let index = 0; index < slots.length; index++) out[index] = row[slots[index] ?? 0] ?? null;
          return out;
        },
        close: () => {
          input.close();
        },
      };
    },
  };
}

/** EmptyResult: runs its input to the end (for its side effects) and yields nothing. */
export function buildEmptyResult(plan: EmptyResultOp, build: BuildContext): Operator {
  const source = build.build(plan.source);
  return {
    open(argument: Row): RowCursor {
      const input = source.open(argument);
      let done = false;
      return {
        next: () => {
          if (done) return null;
          done = true;
          while (input.next() !== null);
          input.close();
          return null;
        },
        close: () => {
          input.close();
        },
      };
    },
  };
}
