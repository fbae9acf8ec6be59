import type { VarLengthExpandOp } from '../../planner/index.js';
import type { ExpandCursor } from '../../storage/index.js';
import { equals, isCypherMap, type CypherValue } from '../../values/index.js';
import type { Evaluator } from '../expressions/compile-scope.js';
import type { ExecutionContext } from '../runtime/context.js';
import type { Row, RowCursor } from '../runtime/row.js';
import { heldInSlots, relationshipRef, walkEnds } from './entity-refs.js';
import type { BuildContext, Operator } from './operator.js';
import { StreamCursor } from './stream-cursor.js';
import { TypeTokens } from './type-tokens.js';

/**
 * VarLengthExpand: depth-first over trails (no relationship twice) of min..max hops from the node in
 * `from`; binds the relationship list and, for All, the end node. Lazy: each `next()` walks only until the
 * next path. One storage cursor per depth, reused across rows.
 */
class VarLengthCursor extends StreamCursor {
  private readonly plan: VarLengthExpandOp;
  private readonly context: ExecutionContext;
  private readonly types: TypeTokens;
  private readonly properties: Evaluator | undefined;
  private readonly cursors: ExpandCursor[] = [];
  private readonly rels: number[] = [];
  private readonly nodes: number[] = [];
  private depth = 0;
  private active = false;
  private pendingZero = false;
  private target = -1;
  private typeTokens: readonly number[] | undefined;
  private required: [number, CypherValue][] = [];
  private count = 0;
  /** With a bound relationship list: the one row it gives (or null). */
  private boundRow: Row | null = null;

  constructor(
    input: RowCursor,
    plan: VarLengthExpandOp,
    context: ExecutionContext,
    properties: Evaluator | undefined,
  ) {
    super(input);
    this.plan = plan;
    this.context = context;
    this.types = new TypeTokens(plan.types, context.tokens.relationshipTypes);
    this.properties = properties;
  }

  protected begin(row: Row): void {
    this.active = false;
    this.pendingZero = false;
    this.boundRow = null;
    const ends = walkEnds(row, this.plan, this.context.tx);
    if (ends === undefined) return;
    const from = ends.from;
    this.target = ends.target;
    this.rels.length = 0;
    this.nodes.length = 0;
    this.nodes.push(from);
    this.depth = 0;
    this.pendingZero = this.plan.min === 0;
    this.typeTokens = this.types.get();
    if (this.plan.relationshipBound) {
      this.boundRow = this.followBound(row, from);
      return;
    }
    let possible = this.typeTokens === undefined || this.typeTokens.length > 0;
    possible &&= this.resolveProperties(row);
    if (!possible || this.plan.max === 0) return;
    this.cursors[0] = this.context.tx.expand(
      from,
      this.plan.direction,
      this.typeTokens,
      'NEW',
      this.cursors[0],
    );
    this.active = true;
  }

  /** Evaluates the property map; false when a required key does not exist at all (nothing can match). */
  private resolveProperties(row: Row): boolean {
    this.required = [];
    if (this.properties === undefined) return true;
    const map = this.properties(row, this.context);
    if (!isCypherMap(map)) return true;
    for (const key of Object.keys(map)) {
      const token = this.context.tokens.propertyKeys.idOf(key);
      const value = map[key] ?? null;
      if (token === undefined) return false;
      this.required.push([token, value]);
    }
    return true;
  }

  /** The end of the bound relationship list walked from `from`, if it forms a matching path. */
  private followBound(row: Row, from: number): Row | null {
    const value = row[this.plan.relationship];
    if (!Array.isArray(value)) return null;
    const list = (value as readonly CypherValue[]).map((rel) => relationshipRef(rel) ?? -1);
    if (this.plan.reversed) list.reverse();
    if (list.length < this.plan.min || (this.plan.max !== undefined && list.length > this.plan.max))
      return null;
    if (!this.resolveProperties(row)) return null;
    const tx = this.context.tx;
    const types = this.typeTokens;
    let current = from;
    for (const id of list) {
      if (!tx.relationshipExists(id, 'NEW') || this.excluded(row, id) || !this.matches(id)) return null;
      if (types !== undefined && !types.includes(tx.relationshipType(id))) return null;
      const start = tx.relationshipStart(id);
      const end = tx.relationshipEnd(id);
      const direction = this.plan.direction;
      if (start === current && direction !== 'INCOMING') current = end;
      else if (end === current && direction !== 'OUTGOING') current = start;
      else return null;
    }
    if (this.plan.into && current !== this.target) return null;
    const out = row.slice();
    if (!this.plan.into) out[this.plan.to] = this.context.entities.node(current);
    return out;
  }

  protected produce(row: Row): Row | null {
    if (this.plan.relationshipBound) {
      const out = this.boundRow;
      this.boundRow = null;
      return out;
    }
    if (this.pendingZero) {
      this.pendingZero = false;
      const from = this.nodes[0] ?? -1;
      if (!this.plan.into || from === this.target) return this.emit(row, from);
    }
    const plan = this.plan;
    const max = plan.max;
    while (this.active) {
      if (max !== undefined && this.depth >= max) {
        this.pop();
        continue;
      }
      const cursor = this.cursors[this.depth];
      const id = cursor === undefined ? -1 : cursor.next();
      if (id === -1) {
        if (this.depth === 0) this.active = false;
        else this.pop();
        continue;
      }
      if ((++this.count & 1023) === 0) this.context.checkInterrupt();
      if (this.rels.includes(id) || this.excluded(row, id) || !this.matches(id)) continue;
      const other = cursor?.otherNode ?? -1;
      this.rels.push(id);
      this.nodes.push(other);
      this.depth++;
      if (max === undefined || this.depth < max) {
        this.cursors[this.depth] = this.context.tx.expand(
          other,
          plan.direction,
          this.typeTokens,
          'NEW',
          this.cursors[this.depth],
        );
      }
      if (this.depth >= plan.min && (!plan.into || other === this.target)) return this.emit(row, other);
    }
    return null;
  }

  private pop(): void {
    this.depth--;
    this.rels.pop();
    this.nodes.pop();
  }

  private matches(id: number): boolean {
    for (const [key, value] of this.required) {
      if (equals(this.context.tx.relationshipProperty(id, key, 'NEW') ?? null, value) !== true) return false;
    }
    return true;
  }

  private excluded(row: Row, id: number): boolean {
    return heldInSlots(row, this.plan.distinctFrom, id);
  }

  private emit(row: Row, end: number): Row {
    const out = row.slice();
    const entities = this.context.entities;
    const list = this.rels.map((id) => entities.relationship(id));
    if (this.plan.reversed) list.reverse();
    out[this.plan.relationship] = list;
    if (!this.plan.into) out[this.plan.to] = entities.node(end);
    return out;
  }
}

export function buildVarLengthExpand(plan: VarLengthExpandOp, build: BuildContext): Operator {
  const source = build.build(plan.source);
  const properties = plan.properties === undefined ? undefined : build.compile(plan.properties);
  return { open: (argument) => new VarLengthCursor(source.open(argument), plan, build.context, properties) };
}
