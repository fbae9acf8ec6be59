import type { ShortestPathOp } from '../../planner/index.js';
import { isCypherMap, Path, type CypherValue } from '../../values/index.js';
import type { Evaluator } from '../expressions/compile-scope.js';
import type { ExecutionContext } from '../runtime/context.js';
import { MemoryScope } from '../runtime/memory-scope.js';
import type { MemoryTracker } from '../runtime/memory-tracker.js';
import type { Row } from '../runtime/row.js';
import { nodeRef } from './entity-refs.js';
import type { BuildContext, Operator } from './operator.js';
import { BidirectionalSearch } from './shortest-path-bidirectional.js';
import { ExhaustiveSearch } from './shortest-path-exhaustive.js';
import { splitPathPredicate } from './shortest-path-predicates.js';
import { StepRules, type CompiledStep } from './shortest-path-rules.js';
import { StreamCursor } from './stream-cursor.js';
import { TypeTokens } from './type-tokens.js';

/** The compiled expressions of one ShortestPath operator. */
interface Compiled {
  readonly properties: Evaluator | undefined;
  readonly steps: readonly CompiledStep[];
  /** The conjuncts of the path predicate that need whole paths. */
  readonly whole: Evaluator | undefined;
}

/**
 * shortestPath / allShortestPaths between two bound nodes. Without a predicate on whole paths and with a
 * minimum length of 0 or 1 (Neo4j's only allowed ones), a bidirectional breadth-first search over node refs
 * finds the shortest paths; step predicates (`all`/`none` over `nodes(p)` or `relationships(p)`) and the
 * relationship property map prune it as it goes, as in Neo4j. Otherwise the exhaustive search over trails
 * checks the whole-path predicate on each candidate, shortest first (Neo4j's fallback plan does the same).
 * Equal end nodes give only the zero-length path, when `min` is 0 (Neo4j refuses them otherwise, or gives
 * no row when configured not to). Entity values are built only for result rows.
 */
class ShortestPathCursor extends StreamCursor {
  private readonly plan: ShortestPathOp;
  private readonly context: ExecutionContext;
  private readonly types: TypeTokens;
  private readonly compiled: Compiled;
  private results: Row[] = [];
  private index = 0;
  /** What one search holds (frontier, visited nodes, trails); released when the search ends. */
  private readonly memory: MemoryScope;
  private bidirectional: BidirectionalSearch | undefined;
  private exhaustive: ExhaustiveSearch | undefined;

  constructor(
    input: StreamCursor['input'],
    plan: ShortestPathOp,
    context: ExecutionContext,
    compiled: Compiled,
    memory: MemoryTracker,
  ) {
    super(input);
    this.memory = new MemoryScope(memory);
    this.plan = plan;
    this.context = context;
    this.types = new TypeTokens(plan.types, context.tokens.relationshipTypes);
    this.compiled = compiled;
  }

  protected begin(row: Row): void {
    this.results = [];
    this.index = 0;
    const from = nodeRef(row[this.plan.from]);
    const to = nodeRef(row[this.plan.to]);
    if (from === undefined || to === undefined) return;
    try {
      this.search(row, from, to);
    } finally {
      this.memory.releaseAll();
    }
  }

  protected produce(): Row | null {
    return this.results[this.index++] ?? null;
  }

  private search(row: Row, from: number, to: number): void {
    const { plan, context, compiled } = this;
    const { tx } = context;
    // An end deleted earlier in the statement is on no path (as in VarLengthExpand).
    if (!tx.nodeExists(from, 'NEW') || !tx.nodeExists(to, 'NEW')) return;
    const rules = this.rules(row);
    if (!rules.acceptsNode(from) || !rules.acceptsNode(to)) return;
    const judge = (nodes: readonly number[], relationships: readonly number[]): boolean => {
      const out = this.accept(row, nodes, relationships);
      if (out !== undefined) this.results.push(out);
      return out !== undefined;
    };
    const max = plan.max ?? Number.POSITIVE_INFINITY;
    if (from === to) {
      if (plan.min === 0) judge([from], []);
      // A GQL selector's trails may come back to their start; the functions' paths may not.
      else if (plan.selector && !rules.traversesNothing) {
        this.exhaustive ??= new ExhaustiveSearch();
        this.exhaustive.run(context, this.memory, rules, from, to, plan.min, max, plan.all, judge);
      }
      return;
    }
    if (rules.traversesNothing) return;
    if (compiled.whole === undefined && plan.min <= 1) {
      this.bidirectional ??= new BidirectionalSearch();
      this.bidirectional.run(context, this.memory, rules, from, to, max, plan.all, (nodes, relationships) => {
        this.results.push(this.build(row, nodes, relationships));
        return !plan.all;
      });
      return;
    }
    this.exhaustive ??= new ExhaustiveSearch();
    this.exhaustive.run(context, this.memory, rules, from, to, plan.min, max, plan.all, judge);
  }

  /** The step rules for this row. */
  private rules(row: Row): StepRules {
    const types = this.types.get();
    // No relationship can match when no wanted type or property key exists yet (the zero-length path can).
    let traversable = types === undefined || types.length > 0;
    const required: [number, CypherValue][] = [];
    const properties = this.compiled.properties;
    const map = properties === undefined ? undefined : properties(row, this.context);
    if (map !== undefined && isCypherMap(map)) {
      for (const key of Object.keys(map)) {
        const token = this.context.tokens.propertyKeys.idOf(key);
        if (token === undefined) traversable = false;
        else required.push([token, map[key] ?? null]);
      }
    }
    const { direction, path, relationship } = this.plan;
    const slots = { path, relationship };
    return new StepRules(
      this.context,
      row,
      direction,
      types,
      required,
      this.compiled.steps,
      slots,
      traversable,
    );
  }

  /** The result row of a candidate path, or undefined when the whole-path predicate rejects it. */
  private accept(row: Row, nodes: readonly number[], relationships: readonly number[]): Row | undefined {
    const out = this.build(row, nodes, relationships);
    const whole = this.compiled.whole;
    if (whole !== undefined && whole(out, this.context) !== true) return undefined;
    return out;
  }

  private build(row: Row, nodes: readonly number[], relationships: readonly number[]): Row {
    const entities = this.context.entities;
    const out = row.slice();
    const list = relationships.map((id) => entities.relationship(id));
    if (this.plan.relationship >= 0) out[this.plan.relationship] = list;
    out[this.plan.path] = new Path(
      nodes.map((id) => entities.node(id)),
      list,
    );
    return out;
  }
}

export function buildShortestPath(plan: ShortestPathOp, build: BuildContext): Operator {
  const source = build.build(plan.source);
  const split = splitPathPredicate(plan);
  const compiled: Compiled = {
    properties: plan.properties === undefined ? undefined : build.compile(plan.properties),
    steps: split.steps.map((step) => ({ binding: step.binding, evaluate: build.compile(step.expression) })),
    whole: split.whole === undefined ? undefined : build.compile(split.whole),
  };
  return {
    open: (argument) =>
      new ShortestPathCursor(source.open(argument), plan, build.context, compiled, build.memory),
  };
}
