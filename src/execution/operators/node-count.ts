import type { NodeCountFromCountStoreOp } from '../../planner/index.js';
import type { NodeCursor } from '../../storage/index.js';
import type { Row, RowCursor } from '../runtime/row.js';
import type { BuildContext, Operator } from './operator.js';

/**
 * NodeCountFromCountStore: one row per input row with the number of nodes (with the label) the
 * transaction sees in its own-writes view, in every count slot. Counts through the store's scan cursor
 * (the same visibility rule as a scan) without materializing a row or an entity per node.
 */
export function buildNodeCountFromCountStore(plan: NodeCountFromCountStoreOp, build: BuildContext): Operator {
  const source = build.build(plan.source);
  const context = build.context;
  const scan = (): NodeCursor | undefined => {
    if (plan.label === undefined) return context.tx.scanNodes('NEW');
    const token = context.tokens.labels.idOf(plan.label);
    return token === undefined ? undefined : context.tx.scanNodesByLabel(token, 'NEW');
  };
  return {
    open(argument: Row): RowCursor {
      const input = source.open(argument);
      return {
        next: () => {
          const row = input.next();
          if (row === null) return null;
          const nodes = scan();
          let count = 0;
          if (nodes !== undefined) {
            while (nodes.next() !== -1) {
              if ((++count & 0xffff) === 0) context.checkInterrupt();
            }
          }
          const out = row.slice();
          for (const slot of plan.slots) out[slot] = BigInt(count);
          return out;
        },
        close: () => {
          input.close();
        },
      };
    },
  };
}
