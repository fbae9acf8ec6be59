import type { ExpandOp } from '../../planner/index.js';
import type { ExpandCursor } from '../../storage/index.js';
import type { ExecutionContext } from '../runtime/context.js';
import type { Row, RowCursor } from '../runtime/row.js';
import { heldInSlots, nodeRef, relationshipRef } from './entity-refs.js';
import type { BuildContext, Operator } from './operator.js';
import { StreamCursor } from './stream-cursor.js';
import { TypeTokens } from './type-tokens.js';

/**
 * Expand(All) / Expand(Into): the relationships of the node in `from` (direction and types as planned),
 * binding the relationship and, for All, the other node. Relationships already bound in the same MATCH
 * (`distinctFrom`) are skipped (relationship isomorphism). One storage ExpandCursor is reused for every row.
 */
class ExpandRowCursor extends StreamCursor {
  private readonly plan: ExpandOp;
  private readonly context: ExecutionContext;
  private readonly types: TypeTokens;
  private cursor: ExpandCursor | undefined;
  private active = false;
  private target = -1;
  private bound = -1;
  private count = 0;

  constructor(input: RowCursor, plan: ExpandOp, context: ExecutionContext, types: TypeTokens) {
    super(input);
    this.plan = plan;
    this.context = context;
    this.types = types;
  }

  protected begin(row: Row): void {
    this.active = false;
    const from = nodeRef(row[this.plan.from]);
    if (from === undefined) return;
    if (this.plan.into) {
      const to = nodeRef(row[this.plan.to]);
      if (to === undefined) return;
      this.target = to;
    }
    if (this.plan.relationshipBound) {
      const bound = relationshipRef(row[this.plan.relationship]);
      if (bound === undefined) return;
      this.bound = bound;
    }
    const types = this.types.get();
    if (types?.length === 0) return;
    if (!this.context.tx.nodeExists(from, 'NEW')) return;
    this.cursor = this.context.tx.expand(from, this.plan.direction, types, 'NEW', this.cursor);
    this.active = true;
  }

  protected produce(row: Row): Row | null {
    if (!this.active || this.cursor === undefined) return null;
    const cursor = this.cursor;
    const plan = this.plan;
    for (let id = cursor.next(); id !== -1; id = cursor.next()) {
      if ((++this.count & 1023) === 0) this.context.checkInterrupt();
      if (plan.into && cursor.otherNode !== this.target) continue;
      if (plan.relationshipBound && id !== this.bound) continue;
      if (this.excluded(row, id)) continue;
      const out = row.slice();
      if (!plan.relationshipBound) out[plan.relationship] = this.context.entities.relationship(id);
      if (!plan.into) out[plan.to] = this.context.entities.node(cursor.otherNode);
      return out;
    }
    this.active = false;
    return null;
  }

  private excluded(row: Row, id: number): boolean {
    return heldInSlots(row, this.plan.distinctFrom, id);
  }
}

export function buildExpand(plan: ExpandOp, build: BuildContext): Operator {
  const source = build.build(plan.source);
  const context = build.context;
  return {
    open: (argument) =>
      new ExpandRowCursor(
        source.open(argument),
        plan,
        context,
        new TypeTokens(plan.types, context.tokens.relationshipTypes),
      ),
  };
}
