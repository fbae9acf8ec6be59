import type {
  Expression,
  LabelExpression,
  NodePattern,
  PathSelector,
  PatternConnection,
  PatternPart,
  QuantifiedPathPattern,
  RelationshipPattern,
} from '../../cypher/index.js';
import type { PhysicalPlan, ProjectPathOp } from '../plan/physical-plan.js';
import { referencedVariables, splitConjuncts, variable } from './expression-tools.js';
import { chooseLeaf } from './plan-leaf.js';
import type { PlanState, PlannerContext, Scope } from './planner-context.js';
import { planRelationshipSeek } from './plan-relationship-seek.js';
import { planShortestPart } from './plan-shortest.js';
import { pathSelection, shortestFunction } from './plan-selector.js';
import { groupNames, hasDynamicLabels, planTrail, reverseDirection } from './plan-trail.js';

/** A predicate waiting for the pattern variables it reads (`needs`) to be bound. */
export interface PendingPredicate {
  readonly expression: Expression;
  readonly needs: ReadonlySet<string>;
  applied: boolean;
  /** From the MATCH's WHERE (not from inside the pattern): a GQL path selector applies it afterwards. */
  readonly where?: boolean;
}

/** One pattern part with its elements named (anonymous ones get hidden names). */
export interface NamedPart {
  readonly part: PatternPart;
  readonly nodes: readonly string[];
  readonly relationships: readonly string[];
}

/**
 * The planning of one MATCH (or the pattern of OPTIONAL MATCH, MERGE, a pattern predicate…): names and
 * slots for the pattern's elements, the leaf of each connected part, expands along the chains, named paths,
 * shortest paths, and WHERE conjuncts pushed to the earliest point where their variables are bound.
 */
export class MatchPlanner {
  private readonly context: PlannerContext;
  private plan: PhysicalPlan;
  private readonly scope: Map<string, number>;
  private readonly bound: Set<string>;
  /** Names this pattern introduces. */
  private readonly introduced = new Set<string>();
  readonly predicates: PendingPredicate[] = [];
  /** Relationship slots expanded by this pattern (relationship isomorphism across all its parts). */
  private readonly relationshipSlots: number[] = [];

  constructor(context: PlannerContext, state: PlanState) {
    this.context = context;
    this.plan = state.plan;
    this.scope = new Map(state.scope);
    this.bound = new Set(state.scope.keys());
  }

  /** Plans `parts` with `where`; returns the new state (scope extended by every named element). */
  run(parts: readonly PatternPart[], where: Expression | undefined): PlanState {
    const named = parts.map((part) => this.name(part));
    for (const conjunct of splitConjuncts(where)) this.addPredicate(conjunct, true);
    this.applyReady();
    for (const part of named)
      if (part.part.selector === undefined && part.part.shortest === undefined) this.planPart(part);
    for (const part of named) {
      const selector = part.part.selector;
      const shortest = shortestFunction(part.part);
      if (shortest === undefined) {
        if (selector !== undefined) this.planSelected(part, selector);
        continue;
      }
      for (const name of [part.nodes[0], part.nodes.at(-1)]) {
        if (name !== undefined && !this.bound.has(name)) this.leaf(name);
      }
      // A GQL selector searches with the pattern's own predicates; the WHERE then filters what it selected.
      const pending = this.predicates.filter(
        (p) => !p.applied && !(selector !== undefined && p.where === true),
      );
      const effective = { ...part, part: { ...part.part, shortest } };
      this.plan = planShortestPart(this.context, this.plan, this.scope, effective, pending);
      for (const name of [part.relationships[0], part.part.variable?.name])
        if (name !== undefined) this.bind(name);
      this.applyReady();
    }
    for (const predicate of this.predicates) {
      if (!predicate.applied) this.filter(predicate);
    }
    return { plan: this.plan, scope: this.scope };
  }

  /**
   * A part with a GQL selector the ShortestPath operator does not run: its paths for each input row (an
   * Apply's right side, over the row), then the selection. The MATCH's WHERE conjuncts that look inside
   * the path wait until after the selection, as GQL orders them.
   */
  private planSelected(named: NamedPart, selector: PathSelector): void {
    const pathName = named.part.variable?.name ?? this.declare(undefined);
    const part: PatternPart =
      named.part.variable === undefined
        ? { ...named.part, variable: { kind: 'Variable', pos: named.part.pos, name: pathName } }
        : named.part;
    const inside = new Set([...named.nodes.slice(1, -1), ...named.relationships, pathName]);
    for (const rel of part.element.relationships) {
      if (rel.kind === 'QuantifiedPathPattern') for (const name of groupNames(rel)) inside.add(name);
    }
    const held = this.predicates.filter(
      (p) => p.where === true && !p.applied && [...p.needs].some((name) => inside.has(name)),
    );
    for (const predicate of held) predicate.applied = true;
    const left = this.plan;
    this.plan = { kind: 'Argument' };
    this.planPart({ ...named, part });
    const right = pathSelection(this.context, this.plan, this.slot(pathName), selector, this.scope);
    this.plan = { kind: 'Apply', left, right, mode: 'INNER', nullSlots: [], label: 'Apply' };
    for (const predicate of held) predicate.applied = false;
    this.applyReady();
  }

  private name(part: PatternPart): NamedPart {
    const nodes = part.element.nodes.map((node) => this.declare(node.variable?.name));
    const relationships = part.element.relationships.map((rel) =>
      this.declare(rel.kind === 'RelationshipPattern' ? rel.variable?.name : undefined),
    );
    part.element.nodes.forEach((node, index) => {
      this.nodePredicates(node, nodes[index] ?? '');
    });
    part.element.relationships.forEach((rel, index) => {
      if (rel.kind === 'QuantifiedPathPattern') this.groupVariables(rel, nodes[index], nodes[index + 1]);
      else if (shortestFunction(part) === undefined)
        this.relationshipPredicates(rel, relationships[index] ?? '');
    });
    if (part.variable !== undefined) this.declare(part.variable.name);
    return { part, nodes, relationships };
  }

  /**
   * Declares the group variables of a quantified path pattern. With at least one iteration, the outer
   * nodes are its first and last inner nodes, so their static labels also hold for them (a better leaf).
   */
  private groupVariables(
    quantified: QuantifiedPathPattern,
    left: string | undefined,
    right: string | undefined,
  ): void {
    const { nodes, relationships } = quantified.element;
    for (const node of nodes) if (node.variable !== undefined) this.declare(node.variable.name);
    for (const rel of relationships) {
      if (rel.kind === 'RelationshipPattern' && rel.variable !== undefined) this.declare(rel.variable.name);
    }
    if (quantified.min === 0) return;
    for (const [outer, inner] of [
      [left, nodes[0]],
      [right, nodes.at(-1)],
    ] as const) {
      if (outer === undefined || inner?.labels === undefined || hasDynamicLabels(inner.labels)) continue;
      this.addPredicate({
        kind: 'LabelCheck',
        pos: inner.pos,
        subject: variable(outer, inner.pos),
        labels: inner.labels,
      });
    }
  }

  private declare(name: string | undefined): string {
    const actual = name ?? this.context.anonymousName();
    if (!this.scope.has(actual)) {
      this.scope.set(actual, this.context.newSlot());
      this.introduced.add(actual);
    }
    return actual;
  }

  private nodePredicates(node: NodePattern, name: string): void {
    if (node.labels !== undefined) {
      this.addPredicate({
        kind: 'LabelCheck',
        pos: node.pos,
        subject: variable(name, node.pos),
        labels: node.labels,
      });
    }
    this.propertyPredicates(node.properties, name, node.pos);
    for (const conjunct of splitConjuncts(node.where)) this.addPredicate(conjunct);
  }

  private relationshipPredicates(rel: RelationshipPattern, name: string): void {
    if (rel.length === undefined) this.propertyPredicates(rel.properties, name, rel.pos);
    const types = dynamicTypeCheck(rel);
    if (types !== undefined) {
      // The expand takes every type and this check keeps the relationships of the types asked for.
      const each = rel.length === undefined ? name : '  type';
      const check: Expression = {
        kind: 'LabelCheck',
        pos: rel.pos,
        subject: variable(each, rel.pos),
        labels: types,
      };
      this.addPredicate(
        rel.length === undefined
          ? check
          : {
              kind: 'Quantifier',
              pos: rel.pos,
              quantifier: 'all',
              variable: { kind: 'Variable', pos: rel.pos, name: each },
              list: variable(name, rel.pos),
              where: check,
            },
      );
    }
    for (const conjunct of splitConjuncts(rel.where)) this.addPredicate(conjunct);
  }

  private propertyPredicates(properties: Expression | undefined, name: string, pos: number): void {
    if (properties === undefined) return;
    if (properties.kind !== 'MapLiteral') {
      // `(n $map)`: every entry of the map must equal the property.
      const key = variable('  key', pos);
      this.addPredicate({
        kind: 'Quantifier',
        pos,
        quantifier: 'all',
        variable: { kind: 'Variable', pos, name: '  key' },
        list: { kind: 'FunctionCall', pos, name: 'keys', distinct: false, args: [properties] },
        where: {
          kind: 'BinaryOperation',
          pos,
          operator: '=',
          left: { kind: 'Subscript', pos, subject: variable(name, pos), index: key },
          right: { kind: 'Subscript', pos, subject: properties, index: key },
        },
      });
      return;
    }
    for (const entry of properties.entries) {
      this.addPredicate({
        kind: 'BinaryOperation',
        pos,
        operator: '=',
        left: { kind: 'PropertyAccess', pos, subject: variable(name, pos), key: entry.key },
        right: entry.value,
      });
    }
  }

  addPredicate(expression: Expression, where = false): void {
    const needs = new Set([...referencedVariables(expression)].filter((name) => this.introduced.has(name)));
    this.predicates.push({ expression, needs, applied: false, where });
  }

  private isReady(predicate: PendingPredicate): boolean {
    for (const name of predicate.needs) if (!this.bound.has(name)) return false;
    return true;
  }

  private applyReady(): void {
    for (const predicate of this.predicates) {
      if (!predicate.applied && this.isReady(predicate)) this.filter(predicate);
    }
  }

  private filter(predicate: PendingPredicate): void {
    predicate.applied = true;
    this.plan = {
      kind: 'Filter',
      source: this.plan,
      predicate: this.context.expr(predicate.expression, this.scope),
    };
  }

  private bind(name: string): void {
    this.bound.add(name);
  }

  private slot(name: string): number {
    return this.scope.get(name) ?? -1;
  }

  /** The predicates not applied yet that wait for `name` alone. */
  private pendingOf(name: string): PendingPredicate[] {
    return this.predicates.filter((p) => !p.applied && p.needs.size === 1 && p.needs.has(name));
  }

  private leaf(name: string): void {
    const pending = this.pendingOf(name);
    this.plan = chooseLeaf(this.context, this.plan, this.scope, name, this.slot(name), pending);
    this.bind(name);
    this.applyReady();
  }

  private planPart(named: NamedPart): void {
    const { part, nodes, relationships } = named;
    let start = nodes.findIndex((name) => this.bound.has(name));
    // Expansions run right from `start` and left from `back` (a relationship seek binds both its ends).
    let back = start - 1;
    if (start === -1) {
      const seek = this.relationshipSeek(named);
      if (seek === undefined) {
        start = this.cheapestNode(part, nodes);
        this.leaf(nodes[start] ?? '');
        back = start - 1;
      } else {
        start = seek + 1;
        back = seek - 1;
      }
    }
    for (let index = start; index < relationships.length; index++) {
      this.expand(
        part.element.relationships[index],
        nodes[index],
        relationships[index],
        nodes[index + 1],
        false,
      );
    }
    for (let index = back; index >= 0; index--) {
      this.expand(
        part.element.relationships[index],
        nodes[index + 1],
        relationships[index],
        nodes[index],
        true,
      );
    }
    if (part.variable !== undefined) {
      this.plan = namedPath(
        this.plan,
        part.variable.name,
        this.slot(part.variable.name),
        nodes,
        relationships,
        part,
        this.scope,
      );
      this.bind(part.variable.name);
      this.applyReady();
    }
  }

  /** Starts `named` at a relationship index seek if that is its best leaf; returns the relationship's position. */
  private relationshipSeek(named: NamedPart): number | undefined {
    const leaf = planRelationshipSeek(this.context, {
      source: this.plan,
      scope: this.scope,
      part: named,
      bound: this.bound,
      pendingOf: (name) => this.pendingOf(name),
      distinctFrom: [...this.relationshipSlots],
    });
    if (leaf === undefined) return undefined;
    this.plan = leaf.plan;
    this.relationshipSlots.push(leaf.plan.relationship);
    for (const name of leaf.plan.names) this.bind(name);
    this.applyReady();
    return leaf.position;
  }

  private cheapestNode(part: PatternPart, nodes: readonly string[]): number {
    let best = 0;
    let bestCost = Number.POSITIVE_INFINITY;
    part.element.nodes.forEach((node, index) => {
      const cost = nodeCost(this.context, node);
      if (cost < bestCost) {
        best = index;
        bestCost = cost;
      }
    });
    return nodes.length > 0 ? best : 0;
  }

  /** A quantified path pattern from the bound `from` to `to` (see planTrail). */
  private trail(
    quantified: QuantifiedPathPattern,
    from: string,
    listName: string,
    to: string,
    reversed: boolean,
  ): void {
    const earlier = new Map([...this.scope].filter(([name]) => !this.introduced.has(name)));
    this.plan = planTrail(this.context, {
      source: this.plan,
      quantified,
      earlier,
      scope: this.scope,
      names: [from, listName, to],
      into: this.bound.has(to),
      reversed,
      distinctFrom: [...this.relationshipSlots],
      planInner: (state, parts, where) => new MatchPlanner(this.context, state).run(parts, where),
    });
    this.relationshipSlots.push(this.slot(listName));
    for (const name of [listName, ...groupNames(quantified), to]) this.bind(name);
    this.applyReady();
  }

  private expand(
    rel: PatternConnection | undefined,
    from: string | undefined,
    relName: string | undefined,
    to: string | undefined,
    reversed: boolean,
  ): void {
    if (rel === undefined || from === undefined || relName === undefined || to === undefined) return;
    if (rel.kind === 'QuantifiedPathPattern') {
      this.trail(rel, from, relName, to, reversed);
      return;
    }
    const direction = reversed ? reverseDirection(rel.direction) : rel.direction;
    const into = this.bound.has(to);
    const common = {
      source: this.plan,
      from: this.slot(from),
      relationship: this.slot(relName),
      to: this.slot(to),
      names: [from, relName, to] as const,
      direction,
      types: rel.dynamicTypes.length > 0 ? [] : rel.types,
      into,
      distinctFrom: [...this.relationshipSlots],
    };
    if (rel.length === undefined) {
      this.plan = { kind: 'Expand', ...common, relationshipBound: this.bound.has(relName) };
    } else {
      const properties =
        rel.properties === undefined ? undefined : this.context.expr(rel.properties, this.scope);
      this.plan = {
        kind: 'VarLengthExpand',
        ...common,
        min: rel.length.min ?? 1,
        max: rel.length.max,
        properties,
        reversed,
        relationshipBound: this.bound.has(relName),
      };
    }
    if (!this.bound.has(relName)) this.relationshipSlots.push(this.slot(relName));
    this.bind(relName);
    this.bind(to);
    this.applyReady();
  }
}

/** A rough cost of starting at `node`: the count of its cheapest label, or of all nodes. */
function nodeCost(context: PlannerContext, node: NodePattern): number {
  const labels = conjunctiveLabels(node);
  if (labels.length === 0) return context.catalog.nodeCount() + 1;
  return Math.min(...labels.map((label) => context.catalog.nodeCount(label)));
}

/** The labels a node pattern requires (`:A:B`, `:A&B`); empty for other label expressions. */
export function conjunctiveLabels(node: NodePattern): string[] {
  const labels = node.labels;
  if (labels === undefined) return [];
  if (labels.kind === 'LabelName') return [labels.name];
  if (labels.kind !== 'LabelAnd') return [];
  const names: string[] = [];
  for (const operand of labels.operands) {
    if (operand.kind !== 'LabelName') return [];
    names.push(operand.name);
  }
  return names;
}

/** The ProjectPath operator for a named part `p = (a)-[r]->(b)…`. */
export function namedPath(
  source: PhysicalPlan,
  name: string,
  slot: number,
  nodes: readonly string[],
  relationships: readonly string[],
  part: PatternPart,
  scope: Scope,
): ProjectPathOp {
  return {
    kind: 'ProjectPath',
    source,
    slot,
    variable: name,
    start: scope.get(nodes[0] ?? '') ?? -1,
    steps: relationships.map((rel, index) => ({
      relationship: scope.get(rel) ?? -1,
      list: isList(part.element.relationships[index]),
      node: scope.get(nodes[index + 1] ?? '') ?? -1,
    })),
  };
}

/** `r:A|$(e)…` for a relationship with dynamic types (its static ones as alternatives), else undefined. */
function dynamicTypeCheck(rel: RelationshipPattern): LabelExpression | undefined {
  if (rel.dynamicTypes.length === 0) return undefined;
  const operands: LabelExpression[] = [
    ...rel.types.map((name): LabelExpression => ({ kind: 'LabelName', name })),
    ...rel.dynamicTypes,
  ];
  const [first] = operands;
  return operands.length === 1 && first !== undefined ? first : { kind: 'LabelOr', operands };
}

/** Whether a connection binds a list of relationships (variable-length, quantified path pattern). */
function isList(connection: PatternConnection | undefined): boolean {
  if (connection === undefined) return false;
  return connection.kind === 'QuantifiedPathPattern' || connection.length !== undefined;
}

/** Plans a MATCH pattern over `state` (see MatchPlanner). */
export function planPattern(
  context: PlannerContext,
  state: PlanState,
  parts: readonly PatternPart[],
  where: Expression | undefined,
): PlanState {
  return new MatchPlanner(context, state).run(parts, where);
}
