import type { AllNodesScanOp, NodeByLabelScanOp } from '../../planner/index.js';
import type { NodeCursor } from '../../storage/index.js';
import type { ExecutionContext } from '../runtime/context.js';
import type { Row, RowCursor } from '../runtime/row.js';
import type { BuildContext, Operator } from './operator.js';
import { StreamCursor } from './stream-cursor.js';

/** Scans nodes for each input row (a leaf over Argument, a cartesian product over anything else). */
class NodeScanCursor extends StreamCursor {
  private readonly context: ExecutionContext;
  private readonly slot: number;
  private readonly open: (row: Row) => NodeCursor | undefined;
  private nodes: NodeCursor | undefined;
  private count = 0;

  constructor(
    input: RowCursor,
    context: ExecutionContext,
    slot: number,
    open: (row: Row) => NodeCursor | undefined,
  ) {
    super(input);
    this.context = context;
    this.slot = slot;
    this.open = open;
  }

  protected begin(row: Row): void {
    this.nodes = this.open(row);
  }

  protected produce(row: Row): Row | null {
    const nodes = this.nodes;
    if (nodes === undefined) return null;
    const id = nodes.next();
    if (id === -1) {
      this.nodes = undefined;
      return null;
    }
    if ((++this.count & 1023) === 0) this.context.checkInterrupt();
    const out = row.slice();
    out[this.slot] = this.context.entities.node(id);
    return out;
  }
}

/** AllNodesScan. */
export function buildAllNodesScan(plan: AllNodesScanOp, build: BuildContext): Operator {
  const source = build.build(plan.source);
  const context = build.context;
  return {
    open: (argument) =>
      new NodeScanCursor(source.open(argument), context, plan.slot, () => context.tx.scanNodes('NEW')),
  };
}

/** NodeByLabelScan: no nodes while the label does not exist yet (its token is looked up per input row). */
export function buildNodeByLabelScan(plan: NodeByLabelScanOp, build: BuildContext): Operator {
  const source = build.build(plan.source);
  const context = build.context;
  const scan = (): NodeCursor | undefined => {
    const token = context.tokens.labels.idOf(plan.label);
    return token === undefined ? undefined : context.tx.scanNodesByLabel(token, 'NEW');
  };
  return { open: (argument) => new NodeScanCursor(source.open(argument), context, plan.slot, scan) };
}

export { NodeScanCursor };
