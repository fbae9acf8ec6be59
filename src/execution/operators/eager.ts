import type { EagerOp } from '../../planner/index.js';
import { MemoryScope } from '../runtime/memory-scope.js';
import type { Row, RowCursor } from '../runtime/row.js';
import type { BuildContext, Operator } from './operator.js';

/**
 * Pulls every row of the input before yielding the first (a barrier between reads and writes). With a
 * memory scope, each buffered row is allocated in it.
 */
export function materialize(input: RowCursor, memory?: MemoryScope): Row[] {
  const rows: Row[] = [];
  if (memory?.isTracking === true) {
    for (let row = input.next(); row !== null; row = input.next()) {
      memory.allocateRow(row);
      rows.push(row);
    }
  } else {
    for (let row = input.next(); row !== null; row = input.next()) rows.push(row);
  }
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
      const memory = new MemoryScope(build.memory);
      const release = (): void => {
        rows = [];
        memory.releaseAll();
      };
      return {
        next: () => {
          rows ??= materialize(source.open(argument), memory);
          const row = rows[index++] ?? null;
          if (row === null) release();
          return row;
        },
        close: release,
      };
    },
  };
}
