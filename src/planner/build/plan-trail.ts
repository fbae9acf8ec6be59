import {
  labelLeaves,
  printClause,
  type Expression,
  type LabelExpression,
  type NodePattern,
  type PatternElement,
  type PatternPart,
  type QuantifiedPathPattern,
  type RelationshipPattern,
} from '../../cypher/index.js';
import type { PhysicalPlan, RelDirection, TrailOp } from '../plan/physical-plan.js';
import type { PlanState, PlannerContext } from './planner-context.js';

/** What the match planner hands over to plan one quantified path pattern. */
export interface TrailInput {
  readonly source: PhysicalPlan;
  readonly quantified: QuantifiedPathPattern;
  /** The variables bound before this MATCH (the inner predicates may read them) and their slots. */
  readonly earlier: ReadonlyMap<string, number>;
  /** The MATCH's scope: the slots of the outer nodes, the relationship list and the group variables. */
  readonly scope: ReadonlyMap<string, number>;
  /** The node the trail starts from (bound), the hidden relationship list, the node it ends at. */
  readonly names: readonly [string, string, string];
  readonly into: boolean;
  /** Planned from the pattern's right end: the inner chain is walked backwards. */
  readonly reversed: boolean;
  readonly distinctFrom: readonly number[];
  /** Plans one iteration: the inner chain from its bound first node, with the pattern's WHERE. */
  planInner(state: PlanState, parts: readonly PatternPart[], where: Expression | undefined): PlanState;
}

/**
 * A quantified path pattern becomes a Trail whose inner plan is one iteration: an ordinary chain of
 * expands and filters from the iteration's first node (a slot of its own, separate from the group
 * variable of the same name), planned by the match planner in the scope of the earlier clauses.
 */
export function planTrail(context: PlannerContext, input: TrailInput): TrailOp {
  const { quantified, scope } = input;
  const walked = input.reversed ? reverseElement(quantified.element) : quantified.element;
  const element = nameAnonymousElements(context, walked);
  const start = element.nodes[0]?.variable?.name ?? '';
  const end = element.nodes.at(-1)?.variable?.name ?? '';
  const innerScope = new Map(input.earlier);
  innerScope.set(start, context.newSlot());
  const part: PatternPart = {
    kind: 'PatternPart',
    pos: quantified.pos,
    variable: undefined,
    shortest: undefined,
    element,
  };
  const inner = input.planInner({ plan: { kind: 'Argument' }, scope: innerScope }, [part], quantified.where);
  const innerSlot = (name: string | undefined): number => inner.scope.get(name ?? '') ?? -1;
  const outerSlot = (name: string): number => scope.get(name) ?? -1;
  const [from, list, to] = input.names;
  return {
    kind: 'Trail',
    source: input.source,
    inner: inner.plan,
    from: outerSlot(from),
    to: outerSlot(to),
    into: input.into,
    innerStart: innerSlot(start),
    innerEnd: innerSlot(end),
    innerRelationships: element.relationships.map((rel) =>
      innerSlot(rel.kind === 'RelationshipPattern' ? rel.variable?.name : undefined),
    ),
    groups: groupNames(quantified).map((name) => ({ name, inner: innerSlot(name), outer: outerSlot(name) })),
    relationships: outerSlot(list),
    min: quantified.min,
    max: quantified.max,
    distinctFrom: input.distinctFrom,
    reversed: input.reversed,
    names: input.names,
    text: quantifiedText(quantified),
  };
}

/** The named variables of a quantified path pattern (its group variables outside it). */
export function groupNames(quantified: QuantifiedPathPattern): string[] {
  const names = new Set<string>();
  for (const node of quantified.element.nodes) if (node.variable !== undefined) names.add(node.variable.name);
  for (const rel of quantified.element.relationships) {
    if (rel.kind === 'RelationshipPattern' && rel.variable !== undefined) names.add(rel.variable.name);
  }
  return [...names];
}

export function reverseDirection(direction: RelDirection): RelDirection {
  if (direction === 'OUTGOING') return 'INCOMING';
  if (direction === 'INCOMING') return 'OUTGOING';
  return 'BOTH';
}

/** Whether a label expression has `$(…)` labels (evaluated per row, so not a static fact about a node). */
export function hasDynamicLabels(labels: LabelExpression): boolean {
  return labelLeaves(labels).some((leaf) => leaf.kind === 'LabelDynamic');
}

/** The chain read right to left: nodes and relationships reversed, each relationship's direction too. */
function reverseElement(element: PatternElement): PatternElement {
  return {
    ...element,
    nodes: [...element.nodes].reverse(),
    relationships: [...element.relationships]
      .reverse()
      .map((rel) =>
        rel.kind === 'RelationshipPattern' ? { ...rel, direction: reverseDirection(rel.direction) } : rel,
      ),
  };
}

/** Gives each anonymous node and relationship of the inner chain a hidden name (its slot is needed). */
function nameAnonymousElements(context: PlannerContext, element: PatternElement): PatternElement {
  const node = (pattern: NodePattern): NodePattern =>
    pattern.variable === undefined
      ? { ...pattern, variable: { kind: 'Variable', pos: pattern.pos, name: context.anonymousName() } }
      : pattern;
  const relationship = (pattern: RelationshipPattern): RelationshipPattern =>
    pattern.variable === undefined
      ? { ...pattern, variable: { kind: 'Variable', pos: pattern.pos, name: context.anonymousName() } }
      : pattern;
  return {
    ...element,
    nodes: element.nodes.map(node),
    relationships: element.relationships.map((rel) =>
      rel.kind === 'RelationshipPattern' ? relationship(rel) : rel,
    ),
  };
}

/** `((a)-[r:R]->(b)){1,3}` as written (for EXPLAIN). */
function quantifiedText(quantified: QuantifiedPathPattern): string {
  const anonymous: NodePattern = {
    kind: 'NodePattern',
    pos: quantified.pos,
    variable: undefined,
    labels: undefined,
    properties: undefined,
    where: undefined,
  };
  const printed = printClause({
    kind: 'Match',
    pos: quantified.pos,
    optional: false,
    where: undefined,
    pattern: {
      kind: 'Pattern',
      pos: quantified.pos,
      parts: [
        {
          kind: 'PatternPart',
          pos: quantified.pos,
          variable: undefined,
          shortest: undefined,
          element: {
            kind: 'PatternElement',
            pos: quantified.pos,
            nodes: [anonymous, anonymous],
            relationships: [quantified],
          },
        },
      ],
    },
  });
  return printed.replace(/^MATCH \(\) /, '').replace(/ \(\)$/, '');
}
