import type { UnwindOp } from '../../planner/index.js';
import type { CypherValue } from '../../values/index.js';
import type { Evaluator } from '../expressions/compile-scope.js';
import type { ExecutionContext } from '../runtime/context.js';
import type { Row, RowCursor } from '../runtime/row.js';
import type { BuildContext, Operator } from './operator.js';
import { StreamCursor } from './stream-cursor.js';

/** `range(from, to[, step])` with integer arguments, iterated without building the list. */
interface LazyRange {
  readonly args: readonly Evaluator[];
}

/**
 * UNWIND: one row per list element; null or an empty list gives none, any other value one row. An
 * UNWIND of `range(…)` with INTEGER bounds walks the range lazily (`UNWIND range(1, 1e8) … LIMIT 3` does
 * three steps); other argument types fall back to the range function.
 */
class UnwindCursor extends StreamCursor {
  private readonly slot: number;
  private readonly list: Evaluator;
  private readonly range: LazyRange | undefined;
  private readonly context: ExecutionContext;
  private values: readonly CypherValue[] = [];
  private index = 0;
  private next_ = 0n;
  private end = 0n;
  private step = 0n;
  private lazy = false;

  constructor(
    input: RowCursor,
    slot: number,
    list: Evaluator,
    range: LazyRange | undefined,
    context: ExecutionContext,
  ) {
    super(input);
    this.slot = slot;
    this.list = list;
    this.range = range;
    this.context = context;
  }

  protected begin(row: Row): void {
    this.index = 0;
    this.lazy = false;
    if (this.range !== undefined && this.beginRange(row, this.range)) return;
    const value = this.list(row, this.context);
    this.values = value === null ? [] : Array.isArray(value) ? (value as readonly CypherValue[]) : [value];
  }

  private beginRange(row: Row, range: LazyRange): boolean {
    const values = range.args.map((arg) => arg(row, this.context));
    const [from, to, step = 1n] = values;
    if (typeof from !== 'bigint' || typeof to !== 'bigint' || typeof step !== 'bigint' || step === 0n)
      return false;
    this.next_ = from;
    this.end = to;
    this.step = step;
    this.lazy = true;
    return true;
  }

  protected produce(row: Row): Row | null {
    if (this.lazy) {
      const value = this.next_;
      if (this.step > 0n ? value > this.end : value < this.end) return null;
      this.next_ = value + this.step;
      if ((++this.index & 1023) === 0) this.context.checkInterrupt();
      const out = row.slice();
      out[this.slot] = value;
      return out;
    }
    if (this.index >= this.values.length) return null;
    if ((this.index & 1023) === 1023) this.context.checkInterrupt();
    const out = row.slice();
    out[this.slot] = this.values[this.index++] ?? null;
    return out;
  }
}

export function buildUnwind(plan: UnwindOp, build: BuildContext): Operator {
  const source = build.build(plan.source);
  const list = build.compile(plan.list);
  const expression = plan.list.expression;
  const range =
    expression.kind === 'FunctionCall' &&
    expression.name.toLowerCase() === 'range' &&
    (expression.args.length === 2 || expression.args.length === 3)
      ? { args: expression.args.map((arg) => build.compile({ expression: arg, scope: plan.list.scope })) }
      : undefined;
  return {
    open: (argument) => new UnwindCursor(source.open(argument), plan.slot, list, range, build.context),
  };
}
