import type {
  AggregationOp,
  AllNodesScanOp,
  Expression,
  NodeByLabelScanOp,
  PlanExpression,
} from '../../planner/index.js';
import type { NodeCursor, TokenRegistries } from '../../storage/index.js';
import type { CypherValue } from '../../values/index.js';
import type { Evaluator } from '../expressions/compile-scope.js';
import type { ExecutionContext } from '../runtime/context.js';
import type { Row, RowCursor } from '../runtime/row.js';
import type { BuildContext, Operator } from './operator.js';

/**
 * What an EagerAggregation reads: a cursor over its input rows and the compiled grouping and argument
 * expressions. The aggregation only evaluates expressions against each row and never keeps a row, which is
 * what allows the fused form below.
 */
export interface AggregationInput {
  readonly source: Operator;
  readonly groupings: readonly Evaluator[];
  readonly args: readonly (readonly Evaluator[])[];
}

/** A node scan that is a leaf (reads the Argument row): what the aggregation may fuse. */
export type LeafScan = AllNodesScanOp | NodeByLabelScanOp;

/** The node the fused cursor is on; `row` counts rows over every cursor so a cached read is never stale. */
interface ScanPosition {
  id: number;
  row: number;
}

/**
 * The input of an EagerAggregation. When it aggregates a leaf node scan directly (AllNodesScan or
 * NodeByLabelScan over Argument, e.g. `MATCH (n:User) RETURN min(n.age), count(*)`), the scan is fused
 * into it, as Neo4j's pipelined runtime fuses the operators of one pipeline while EXPLAIN still shows both:
 * node ids come straight from the store cursor, one scratch row is reused for every node, and `n.key`
 * arguments read the property from the store by id, without a Node value, once per node however many
 * aggregates use it. Other expressions see the node in its slot as usual. Under PROFILE nothing is fused,
 * so that each operator reports its own rows and db hits.
 */
export function buildAggregationInput(plan: AggregationOp, build: BuildContext): AggregationInput {
  const scan = plan.source;
  if (build.profiling !== true && isLeafScan(scan)) return fusedScanInput(plan, scan, build);
  return {
    source: build.build(scan),
    groupings: plan.groupings.map((grouping) => build.compile(grouping.value)),
    args: plan.aggregates.map((call) => call.args.map((arg) => build.compile(arg))),
  };
}

/** Whether `plan` is a leaf node scan (over the Argument row). */
export function isLeafScan(plan: AggregationOp['source']): plan is LeafScan {
  return (plan.kind === 'AllNodesScan' || plan.kind === 'NodeByLabelScan') && plan.source.kind === 'Argument';
}

function fusedScanInput(plan: AggregationOp, scan: LeafScan, build: BuildContext): AggregationInput {
  const position: ScanPosition = { id: -1, row: 0 };
  const readers = new Map<string, Evaluator>();
  let needsNode = false;
  const compile = (expression: PlanExpression): Evaluator => {
    const key = scannedProperty(expression, scan);
    if (key === undefined) {
      needsNode = true;
      return build.compile(expression);
    }
    let reader = readers.get(key);
    if (reader === undefined) {
      reader = propertyReader(position, key);
      readers.set(key, reader);
    }
    return reader;
  };
  const groupings = plan.groupings.map((grouping) => compile(grouping.value));
  const args = plan.aggregates.map((call) => call.args.map(compile));
  const context = build.context;
  const open = (): NodeCursor | undefined => {
    if (scan.kind === 'AllNodesScan') return context.tx.scanNodes('NEW');
    const token = context.tokens.labels.idOf(scan.label);
    return token === undefined ? undefined : context.tx.scanNodesByLabel(token, 'NEW');
  };
  const source: Operator = {
    open: (argument) => new FusedScanCursor(context, argument, scan.slot, open(), position, needsNode),
  };
  return { source, groupings, args };
}

/** The property key of `n.key` when `n` is the scanned node (resolved to the scan's slot). */
export function scannedProperty(plan: PlanExpression, scan: LeafScan): string | undefined {
  const expression: Expression = plan.expression;
  if (expression.kind !== 'PropertyAccess' || expression.subject.kind !== 'Variable') return undefined;
  if (expression.subject.name !== scan.variable) return undefined;
  return plan.scope.slots.get(scan.variable) === scan.slot ? expression.key : undefined;
}

/**
 * Reads `key` of the node at `position` from the store, once per row. The key's token is looked up once
 * per token registry; while no entity has the key it is looked up again (cheap, and nothing the scan
 * reads can create it), and the property is absent.
 */
function propertyReader(position: ScanPosition, key: string): Evaluator {
  let registries: TokenRegistries | undefined;
  let token: number | undefined;
  let row = -1;
  let value: CypherValue = null;
  return (_row: Row, context: ExecutionContext): CypherValue => {
    if (row === position.row) return value;
    if (registries !== context.tokens || token === undefined) {
      registries = context.tokens;
      token = registries.propertyKeys.idOf(key);
    }
    row = position.row;
    value = token === undefined ? null : (context.tx.nodeProperty(position.id, token) ?? null);
    return value;
  };
}

/**
 * The fused scan: returns the same scratch row (the argument row plus, when an expression needs it, the
 * node in its slot) for every node, and moves `position` to the node. Only valid for a consumer that is
 * done with a row before pulling the next, which the aggregation is.
 */
class FusedScanCursor implements RowCursor {
  private readonly context: ExecutionContext;
  private readonly scratch: Row;
  private readonly slot: number;
  private nodes: NodeCursor | undefined;
  private readonly position: ScanPosition;
  private readonly needsNode: boolean;

  constructor(
    context: ExecutionContext,
    argument: Row,
    slot: number,
    nodes: NodeCursor | undefined,
    position: ScanPosition,
    needsNode: boolean,
  ) {
    this.context = context;
    this.scratch = argument.slice();
    this.slot = slot;
    this.nodes = nodes;
    this.position = position;
    this.needsNode = needsNode;
  }

  next(): Row | null {
    const nodes = this.nodes;
    if (nodes === undefined) return null;
    const id = nodes.next();
    if (id === -1) {
      this.nodes = undefined;
      return null;
    }
    const position = this.position;
    position.id = id;
    if ((++position.row & 1023) === 0) this.context.checkInterrupt();
    if (this.needsNode) this.scratch[this.slot] = this.context.entities.node(id);
    return this.scratch;
  }

  close(): void {
    this.nodes = undefined;
  }
}
