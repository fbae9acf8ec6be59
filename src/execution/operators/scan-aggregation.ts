import type { AggregationOp } from '../../planner/index.js';
import type { NodeCursor } from '../../storage/index.js';
import type { CypherValue } from '../../values/index.js';
import type { Aggregator } from '../functions/function-definition.js';
import type { ExecutionContext } from '../runtime/context.js';
import type { Row, RowCursor } from '../runtime/row.js';
import { isLeafScan, scannedProperty, type LeafScan } from './aggregation-input.js';
import type { BuildContext, Operator } from './operator.js';

/** Nodes read per batch: large enough for tight loops, small enough to stay in cache. */
const BATCH = 1024;

/** Aggregates that keep a few numbers whatever the input (nothing to account for memory). */
const CONSTANT_SPACE = new Set(['count', 'sum', 'avg', 'min', 'max', 'stdev', 'stdevp']);

/** What one aggregate reads: the row count (`count(*)`) or a property column. */
type Input = { readonly kind: 'ROWS' } | { readonly kind: 'COLUMN'; readonly column: number };

/**
 * EagerAggregation without grouping keys over a leaf node scan, whose aggregates are all `count(*)` or a
 * constant-space aggregate (count, sum, avg, min, max, stDev, stDevP, without DISTINCT) of a property of
 * the scanned node: `MATCH (n:User) RETURN min(n.age), max(n.age), avg(n.age), count(*)`. The scan and the
 * aggregation run fused and column at a time, the way columnar engines run it: a batch of node ids from the
 * store cursor, then each property read once per node into a column, then each aggregator fed the whole
 * column (`addValues`). No row, Node value or per-row call through the generic operator loop. EXPLAIN still
 * shows EagerAggregation over the scan (what the plan computes is unchanged); PROFILE runs unfused.
 * Returns undefined when the plan does not have this shape (the general EagerAggregation runs it).
 */
export function buildScanAggregation(plan: AggregationOp, build: BuildContext): Operator | undefined {
  const scan = plan.source;
  if (build.profiling === true || plan.groupings.length > 0 || !isLeafScan(scan)) return undefined;
  const keys: string[] = [];
  const inputs: Input[] = [];
  for (const call of plan.aggregates) {
    const name = call.name.toLowerCase();
    if (call.distinct || !CONSTANT_SPACE.has(name)) return undefined;
    if (name === 'count' && call.args.length === 0) {
      inputs.push({ kind: 'ROWS' });
      continue;
    }
    const [argument] = call.args;
    const key =
      argument === undefined || call.args.length !== 1 ? undefined : scannedProperty(argument, scan);
    if (key === undefined || build.aggregate(call.name) === undefined) return undefined;
    if (!keys.includes(key)) keys.push(key);
    inputs.push({ kind: 'COLUMN', column: keys.indexOf(key) });
  }
  const context = build.context;
  const create = (): (Aggregator | undefined)[] =>
    plan.aggregates.map((call, index) =>
      inputs[index]?.kind === 'ROWS' ? undefined : build.aggregate(call.name)?.create(false),
    );
  return {
    open(argument: Row): RowCursor {
      let done = false;
      return {
        next: () => {
          if (done) return null;
          done = true;
          const results = aggregateScan(context, scan, keys, inputs, create());
          const out = argument.slice();
          plan.aggregates.forEach((call, index) => (out[call.slot] = results[index] ?? null));
          return out;
        },
        close: () => {
          done = true;
        },
      };
    },
  };
}

function openScan(context: ExecutionContext, scan: LeafScan): NodeCursor | undefined {
  if (scan.kind === 'AllNodesScan') return context.tx.scanNodes('NEW');
  const token = context.tokens.labels.idOf(scan.label);
  return token === undefined ? undefined : context.tx.scanNodesByLabel(token, 'NEW');
}

/** Runs the fused loop and returns each aggregate's result, in order. */
function aggregateScan(
  context: ExecutionContext,
  scan: LeafScan,
  keys: readonly string[],
  inputs: readonly Input[],
  aggregators: readonly (Aggregator | undefined)[],
): CypherValue[] {
  const cursor = openScan(context, scan);
  const tokens = keys.map((key) => context.tokens.propertyKeys.idOf(key));
  const columns = keys.map(() => new Array<CypherValue>(BATCH).fill(null));
  const ids = new Int32Array(BATCH);
  const argument: CypherValue[] = [null];
  let rows = 0;
  while (cursor !== undefined) {
    let count = 0;
    for (let id = count < BATCH ? cursor.next() : -1; id !== -1; id = count < BATCH ? cursor.next() : -1) {
      ids[count++] = id;
    }
    if (count === 0) break;
    context.checkInterrupt();
    rows += count;
    columns.forEach((column, index) => {
      readColumn(context, ids, count, tokens[index], column);
    });
    for (let index = 0; index < inputs.length; index++) {
      const input = inputs[index];
      const aggregator = aggregators[index];
      const values = input?.kind === 'COLUMN' ? columns[input.column] : undefined;
      if (values === undefined || aggregator === undefined) continue;
      if (aggregator.addValues !== undefined) aggregator.addValues(values, count);
      else {
        for (let row = 0; row < count; row++) {
          argument[0] = values[row] ?? null;
          aggregator.add(argument);
        }
      }
    }
    if (count < BATCH) break;
  }
  return inputs.map((input, index) =>
    input.kind === 'ROWS' ? BigInt(rows) : (aggregators[index]?.result() ?? null),
  );
}

/** Property `token` of each node in `ids[0..count)` into `column` (null when absent). */
function readColumn(
  context: ExecutionContext,
  ids: Int32Array,
  count: number,
  token: number | undefined,
  column: CypherValue[],
): void {
  const tx = context.tx;
  if (token === undefined) {
    column.fill(null, 0, count);
    return;
  }
  for (let row = 0; row < count; row++) column[row] = tx.nodeProperty(ids[row] ?? -1, token) ?? null;
}
