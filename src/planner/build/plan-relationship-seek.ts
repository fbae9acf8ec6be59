import type { CatalogIndex } from '../catalog-view.js';
import type { PhysicalPlan, RelationshipIndexSeekOp } from '../plan/physical-plan.js';
import { chooseIndexSeek, peekIndexSeek } from './index-seek-choice.js';
import { estimateNodeLeaf } from './plan-leaf.js';
import type { NamedPart, PendingPredicate } from './plan-match.js';
import type { PlannerContext, Scope } from './planner-context.js';

/** What the match planner knows when a pattern part has no bound node yet. */
export interface RelationshipSeekInput {
  readonly source: PhysicalPlan;
  readonly scope: Scope;
  readonly part: NamedPart;
  /** Names bound before this part (its nodes are not among them). */
  readonly bound: ReadonlySet<string>;
  /** The predicates that wait only for `name`, not yet applied. */
  readonly pendingOf: (name: string) => PendingPredicate[];
  /** Relationship slots the same MATCH bound before: the sought relationship must differ from them. */
  readonly distinctFrom: readonly number[];
}

/** A chosen relationship seek: the leaf, and the position of its relationship in the part. */
export interface RelationshipSeekLeaf {
  readonly plan: RelationshipIndexSeekOp;
  readonly position: number;
}

/**
 * Starts a pattern part at a relationship index seek when that is expected to yield fewer rows than the
 * best node leaf of the part (the leaf `chooseLeaf` would build for its cheapest node): a single-hop
 * relationship of one type, not bound yet, whose predicates an online index of the type can seek (see
 * `chooseIndexSeek`). The seek binds the relationship and both end nodes; the predicates it solves are
 * marked applied. Returns undefined when a node leaf is at least as good.
 */
export function planRelationshipSeek(
  context: PlannerContext,
  input: RelationshipSeekInput,
): RelationshipSeekLeaf | undefined {
  const { part, nodes, relationships } = input.part;
  const catalog = context.catalog;
  let best: { position: number; indexes: CatalogIndex[]; estimate: number } | undefined;
  part.element.relationships.forEach((pattern, position) => {
    const name = relationships[position];
    if (pattern.kind !== 'RelationshipPattern') return;
    const type = pattern.types[0];
    if (name === undefined || type === undefined || pattern.types.length !== 1) return;
    if (pattern.dynamicTypes.length > 0) return;
    if (pattern.length !== undefined || input.bound.has(name)) return;
    const indexes = catalog
      .indexes()
      .filter((index) => index.online && index.entity === 'RELATIONSHIP' && index.label === type);
    const seek = peekIndexSeek(name, indexes, input.pendingOf(name));
    if (seek === undefined) return;
    const estimate = Math.max(1, catalog.relationshipCount(type) * seek.selectivity);
    if (best === undefined || estimate < best.estimate) best = { position, indexes, estimate };
  });
  if (best === undefined) return undefined;
  const chosen: { position: number; indexes: CatalogIndex[]; estimate: number } = best;
  const nodeEstimate = Math.min(
    ...nodes.map((node) => estimateNodeLeaf(context, node, input.pendingOf(node))),
  );
  if (chosen.estimate >= nodeEstimate) return undefined;
  const pattern = part.element.relationships[chosen.position];
  const name = relationships[chosen.position];
  const left = nodes[chosen.position];
  const right = nodes[chosen.position + 1];
  if (
    pattern?.kind !== 'RelationshipPattern' ||
    name === undefined ||
    left === undefined ||
    right === undefined
  )
    return undefined;
  const seek = chooseIndexSeek(context, input.scope, name, chosen.indexes, input.pendingOf(name));
  if (seek === undefined) return undefined;
  for (const predicate of seek.solved) predicate.applied = true;
  const slot = (variable: string): number => input.scope.get(variable) ?? -1;
  const incoming = pattern.direction === 'INCOMING';
  return {
    position: chosen.position,
    plan: {
      kind: 'RelationshipIndexSeek',
      source: input.source,
      relationship: slot(name),
      start: slot(incoming ? right : left),
      end: slot(incoming ? left : right),
      names: [left, name, right],
      direction: pattern.direction,
      index: seek.index.name,
      type: seek.index.label,
      properties: seek.index.properties,
      query: seek.query,
      unique: seek.index.unique,
      ...(seek.index.text === true ? { text: true } : {}),
      distinctFrom: input.distinctFrom,
    },
  };
}
