import type { MergeOp } from '../../planner/index.js';
import type { Row, RowCursor } from '../runtime/row.js';
import { compileCreate } from './create.js';
import { materialize } from './eager.js';
import type { BuildContext, Operator } from './operator.js';
import { compileSetItems } from './set-items.js';

/**
 * Merge: per input row, the rows of the match subplan (ON MATCH SET applied to each); when there are none,
 * the pattern is created (ON CREATE SET applied). Reads see the NEW view, so a row sees what the MERGE
 * created for earlier rows of the same statement.
 */
export function buildMerge(plan: MergeOp, build: BuildContext): Operator {
  const source = build.build(plan.source);
  const match = build.build(plan.match);
  const create = compileCreate(plan.create, build, true);
  const onMatch = compileSetItems(plan.onMatch, build);
  const onCreate = compileSetItems(plan.onCreate, build);
  return {
    open(argument: Row): RowCursor {
      const input = source.open(argument);
      let pending: Row[] = [];
      let index = 0;
      return {
        next: () => {
          while (index >= pending.length) {
            const row = input.next();
            if (row === null) return null;
            index = 0;
            pending = materialize(match.open(row));
            if (pending.length > 0) {
              for (const matched of pending) onMatch(matched);
            } else {
              const created = create(row);
              onCreate(created);
              pending = [created];
            }
          }
          return pending[index++] ?? null;
        },
        close: () => {
          input.close();
        },
      };
    },
  };
}
