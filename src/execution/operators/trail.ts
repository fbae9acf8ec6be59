import type { TrailOp } from '../../planner/index.js';
import type { CypherValue } from '../../values/index.js';
import type { ExecutionContext } from '../runtime/context.js';
import type { Row, RowCursor } from '../runtime/row.js';
import { heldInSlots, nodeRef, relationshipRef, walkEnds } from './entity-refs.js';
import type { BuildContext, Operator } from './operator.js';
import { StreamCursor } from './stream-cursor.js';

/**
 * Repeat(Trail), a quantified path pattern: depth first over the iterations of the inner plan, each one
 * opened on the last node of the one before. A frame per depth holds the inner cursor of the choices for
 * the next iteration, so each `next()` walks only until the next trail of min..max iterations.
 */
class TrailCursor extends StreamCursor {
  private readonly plan: TrailOp;
  private readonly inner: Operator;
  private readonly context: ExecutionContext;
  /** frames[k]: the choices for iteration k + 1, after k iterations (one more frame than iterations). */
  private readonly frames: RowCursor[] = [];
  /** The inner rows of the iterations taken so far. */
  private readonly iterations: Row[] = [];
  /** The relationships those iterations walked, in walking order. */
  private readonly used: number[] = [];
  /** The last iteration reached the upper bound: no frame was opened after it. */
  private atMax = false;
  private pendingZero = false;
  private target = -1;
  private count = 0;

  constructor(input: RowCursor, plan: TrailOp, inner: Operator, context: ExecutionContext) {
    super(input);
    this.plan = plan;
    this.inner = inner;
    this.context = context;
  }

  protected begin(row: Row): void {
    this.closeFrames();
    this.iterations.length = 0;
    this.used.length = 0;
    this.atMax = false;
    this.pendingZero = false;
    const ends = walkEnds(row, this.plan, this.context.tx);
    if (ends === undefined) return;
    this.target = ends.target;
    this.pendingZero = this.plan.min === 0;
    if (this.plan.max !== 0) this.open(row, row[this.plan.from] ?? null);
  }

  protected produce(row: Row): Row | null {
    const plan = this.plan;
    if (this.pendingZero) {
      this.pendingZero = false;
      const start = row[plan.from] ?? null;
      if (!plan.into || nodeRef(start) === this.target) return this.emit(row, start);
    }
    for (;;) {
      if (this.atMax) {
        this.atMax = false;
        this.undo();
      }
      const frame = this.frames.at(-1);
      if (frame === undefined) return null;
      const iteration = frame.next();
      if (iteration === null) {
        frame.close();
        this.frames.pop();
        if (this.frames.length > 0) this.undo();
        continue;
      }
      if ((++this.count & 1023) === 0) this.context.checkInterrupt();
      if (!this.take(row, iteration)) continue;
      const end = iteration[plan.innerEnd] ?? null;
      if (plan.max === undefined || this.iterations.length < plan.max) this.open(row, end);
      else this.atMax = true;
      if (this.iterations.length >= plan.min && (!plan.into || nodeRef(end) === this.target)) {
        return this.emit(row, end);
      }
    }
  }

  override close(): void {
    this.closeFrames();
    super.close();
  }

  /** Takes an iteration unless it walks a relationship the trail (or the rest of the MATCH) already has. */
  private take(row: Row, iteration: Row): boolean {
    const mark = this.used.length;
    for (const slot of this.plan.innerRelationships) {
      const id = relationshipRef(iteration[slot]);
      if (id === undefined || this.used.includes(id) || heldInSlots(row, this.plan.distinctFrom, id)) {
        this.used.length = mark;
        return false;
      }
      this.used.push(id);
    }
    this.iterations.push(iteration);
    return true;
  }

  private undo(): void {
    this.iterations.pop();
    this.used.length -= this.plan.innerRelationships.length;
  }

  private open(row: Row, node: CypherValue): void {
    const argument = row.slice();
    argument[this.plan.innerStart] = node;
    this.frames.push(this.inner.open(argument));
  }

  private closeFrames(): void {
    for (const frame of this.frames) frame.close();
    this.frames.length = 0;
  }

  private emit(row: Row, end: CypherValue): Row {
    const plan = this.plan;
    const out = row.slice();
    if (!plan.into) out[plan.to] = end;
    for (const group of plan.groups) {
      const values = this.iterations.map((iteration) => iteration[group.inner] ?? null);
      out[group.outer] = plan.reversed ? values.reverse() : values;
    }
    const relationships = this.iterations.flatMap((iteration) =>
      plan.innerRelationships.map((slot) => iteration[slot] ?? null),
    );
    out[plan.relationships] = plan.reversed ? relationships.reverse() : relationships;
    return out;
  }
}

export function buildTrail(plan: TrailOp, build: BuildContext): Operator {
  const source = build.build(plan.source);
  const inner = build.build(plan.inner);
  return { open: (argument) => new TrailCursor(source.open(argument), plan, inner, build.context) };
}
