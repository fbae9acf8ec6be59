import type { SortKey, SortOp, TopOp } from '../../planner/index.js';
import { orderCompare, type CypherValue } from '../../values/index.js';
import type { ExecutionContext } from '../runtime/context.js';
import { MemoryScope } from '../runtime/memory-scope.js';
import type { Row, RowCursor } from '../runtime/row.js';
import { estimateRowSize, estimateValueSize, SLOT_BYTES } from '../runtime/value-size.js';
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

/** A keyed row's estimated size besides the row: its sort keys, the entry object, slots in two arrays. */
function keysSize(keyed: Keyed): number {
  let bytes = 48 + SLOT_BYTES * (keyed.keys.length + 2);
  for (const key of keyed.keys) bytes += estimateValueSize(key);
  return bytes;
}

function keyedSize(keyed: Keyed): number {
  return estimateRowSize(keyed.row) + keysSize(keyed);
}

/** Yields the rows `rows()` computes on the first pull; the buffer's memory is released at the end. */
function cursorOver(rows: () => Row[], memory: MemoryScope): RowCursor {
  let sorted: Row[] | undefined;
  let index = 0;
  const release = (): void => {
    sorted = [];
    memory.releaseAll();
  };
  return {
    next: () => {
      sorted ??= rows();
      const row = sorted[index++] ?? null;
      if (row === null) release();
      return row;
    },
    close: release,
  };
}

/** Sort (ORDER BY): stable, with the ORDER BY total order of values. */
export function buildSort(plan: SortOp, build: BuildContext): Operator {
  const source = build.build(plan.source);
  const key = keyer(plan.keys, build);
  const compare = comparator(plan.keys);
  return {
    open: (argument) => {
      const memory = new MemoryScope(build.memory);
      return cursorOver(() => {
        // Every row is pulled (and allocated) before any key is computed: keys see the rows' final state.
        const keyed = materialize(source.open(argument), memory).map(key);
        if (memory.isTracking) for (const entry of keyed) memory.allocate(keysSize(entry));
        return keyed.sort(compare).map((entry) => entry.row);
      }, memory);
    },
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
    open: (argument) => {
      const memory = new MemoryScope(build.memory);
      return cursorOver(() => {
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
          if (memory.isTracking) memory.allocate(keyedSize(keyed));
          best.splice(low, 0, keyed);
          const dropped = best.length > keep ? best.pop() : undefined;
          if (dropped !== undefined && memory.isTracking) memory.release(keyedSize(dropped));
        }
        input.close();
        return best.map((keyed) => keyed.row);
      }, memory);
    },
  };
}
