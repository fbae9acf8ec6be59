import type { DistinctOp } from '../../planner/index.js';
import { hashKey } from '../../values/index.js';
import { MemoryScope } from '../runtime/memory-scope.js';
import type { Row, RowCursor } from '../runtime/row.js';
import { estimateStringSize } from '../runtime/value-size.js';
import type { BuildContext, Operator } from './operator.js';

/** The grouping key of some slots of a row (values' `hashKey`, equivalence semantics). */
export function rowKey(row: Row, slots: readonly number[]): string {
  if (slots.length === 1) return hashKey(row[slots[0] ?? 0] ?? null);
  let key = '';
  for (const slot of slots) key += `${hashKey(row[slot] ?? null)}|`;
  return key;
}

/** Distinct: the first row of each distinct combination of the projected slots, lazily. */
export function buildDistinct(plan: DistinctOp, build: BuildContext): Operator {
  const source = build.build(plan.source);
  return {
    open(argument: Row): RowCursor {
      const input = source.open(argument);
      let seen = new Set<string>();
      const memory = new MemoryScope(build.memory);
      return {
        next: () => {
          for (let row = input.next(); row !== null; row = input.next()) {
            const key = rowKey(row, plan.slots);
            if (seen.has(key)) continue;
            // A set entry: the key string and about two slots of hash table.
            if (memory.isTracking) memory.allocate(estimateStringSize(key.length) + 16);
            seen.add(key);
            return row;
          }
          seen = new Set();
          memory.releaseAll();
          return null;
        },
        close: () => {
          seen = new Set();
          memory.releaseAll();
          input.close();
        },
      };
    },
  };
}
