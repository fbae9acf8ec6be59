import type { ForeachOp } from '../../planner/index.js';
import type { CypherValue } from '../../values/index.js';
import type { BuildContext, Operator } from './operator.js';

/** FOREACH: per row and element of the list, runs the body (writes only) to the end; the row passes on. */
export function buildForeach(plan: ForeachOp, build: BuildContext): Operator {
  const source = build.build(plan.source);
  const body = build.build(plan.body);
  const list = build.compile(plan.list);
  const context = build.context;
  return {
    open(argument) {
      const input = source.open(argument);
      return {
        next: () => {
          const row = input.next();
          if (row === null) return null;
          const value = list(row, context);
          const elements =
            value === null ? [] : Array.isArray(value) ? (value as readonly CypherValue[]) : [value];
          for (const element of elements) {
            const inner = row.slice();
            inner[plan.slot] = element;
            const cursor = body.open(inner);
            while (cursor.next() !== null);
            cursor.close();
          }
          return row;
        },
        close: () => {
          input.close();
        },
      };
    },
  };
}
