import type { RelationshipIndexSeekOp } from '../../planner/index.js';
import type { RelationshipCursor } from '../../storage/index.js';
import type { CypherValue } from '../../values/index.js';
import type { ExecutionContext } from '../runtime/context.js';
import type { Row, RowCursor } from '../runtime/row.js';
import { holdsRelationship } from './entity-refs.js';
import { compileIndexQuery, type IndexQueryMaker } from './index-query.js';
import type { BuildContext, Operator } from './operator.js';
import { StreamCursor } from './stream-cursor.js';

/**
 * Directed/UndirectedRelationshipIndexSeek: per input row, the relationships of an online index matching
 * the evaluated query, each bound with its end nodes. The store's seek reads through the transaction (its
 * snapshot plus its own writes) and records the index read for serializable validation, as a node seek
 * does; the end nodes are read through the transaction too. An undirected seek yields a relationship with
 * its ends both ways round, a self-loop once (as Expand in direction BOTH does).
 */
class RelationshipSeekCursor extends StreamCursor {
  private readonly plan: RelationshipIndexSeekOp;
  private readonly context: ExecutionContext;
  private readonly query: IndexQueryMaker;
  private relationships: RelationshipCursor | undefined;
  /** The reversed row of an undirected seek, returned on the next call. */
  private pending: Row | null = null;
  private count = 0;

  constructor(
    input: RowCursor,
    plan: RelationshipIndexSeekOp,
    context: ExecutionContext,
    query: IndexQueryMaker,
  ) {
    super(input);
    this.plan = plan;
    this.context = context;
    this.query = query;
  }

  protected begin(row: Row): void {
    const query = this.query(row, this.context);
    this.pending = null;
    this.relationships =
      query === undefined ? undefined : this.context.tx.seekRelationships(this.plan.index, query, 'NEW');
  }

  protected produce(row: Row): Row | null {
    const pending = this.pending;
    if (pending !== null) {
      this.pending = null;
      return pending;
    }
    const cursor = this.relationships;
    if (cursor === undefined) return null;
    const { plan, context } = this;
    for (let id = cursor.next(); id !== -1; id = cursor.next()) {
      if ((++this.count & 1023) === 0) context.checkInterrupt();
      if (this.excluded(row, id)) continue;
      const start = context.tx.relationshipStart(id);
      const end = context.tx.relationshipEnd(id);
      if (plan.start === plan.end && start !== end) continue;
      const relationship = context.entities.relationship(id);
      const out = this.bind(row, relationship, start, end);
      if (plan.direction === 'BOTH' && start !== end) this.pending = this.bind(row, relationship, end, start);
      return out;
    }
    this.relationships = undefined;
    return null;
  }

  private bind(row: Row, relationship: CypherValue, start: number, end: number): Row {
    const { plan, context } = this;
    const out = row.slice();
    out[plan.relationship] = relationship;
    out[plan.start] = context.entities.node(start);
    out[plan.end] = context.entities.node(end);
    return out;
  }

  private excluded(row: Row, id: number): boolean {
    for (const slot of this.plan.distinctFrom) if (holdsRelationship(row[slot], id)) return true;
    return false;
  }
}

/** Builds a relationship index seek (see RelationshipSeekCursor). */
export function buildRelationshipIndexSeek(plan: RelationshipIndexSeekOp, build: BuildContext): Operator {
  const source = build.build(plan.source);
  const context = build.context;
  const query = compileIndexQuery(plan.query, build);
  return {
    open: (argument) => new RelationshipSeekCursor(source.open(argument), plan, context, query),
  };
}
