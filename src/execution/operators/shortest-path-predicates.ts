import type { Expression, PlanExpression, Quantifier, ShortestPathOp } from '../../planner/index.js';

/**
 * How a step predicate reads the one element it judges: a node through `nodes(p)`, a relationship through
 * `relationships(p)` or through the relationship-list variable of the pattern (`[r*]`, `all(x IN r …)`).
 */
export type StepBinding = 'node' | 'relationship-of-path' | 'relationship-list';

/** A conjunct of the path predicate that holds for a path iff it holds for each of its elements alone. */
export interface StepPredicate {
  readonly binding: StepBinding;
  readonly expression: PlanExpression;
}

/** The path predicate of a shortestPath, split by where it can be checked. */
export interface SplitPathPredicate {
  /** Checked on each node or relationship as the search reaches it (Neo4j does the same). */
  readonly steps: readonly StepPredicate[];
  /** Needs whole paths (`length(p) > 2`, `any(…)`, `reduce(…)`): forces the exhaustive search. */
  readonly whole: PlanExpression | undefined;
}

/**
 * Splits the operator's path predicate into its AND-ed conjuncts and keeps as step predicates those of the
 * forms `all(x IN relationships(p) WHERE pred)`, `none(x IN relationships(p) WHERE pred)`, the same over
 * `nodes(p)` or over the relationship list `r`, where `pred` does not mention `p` or `r`: for those,
 * `all`/`none` over the path is true exactly when it is true over every one-element list, so a step that
 * fails can be pruned and every path the search completes satisfies them. Everything else is `whole`.
 */
export function splitPathPredicate(plan: ShortestPathOp): SplitPathPredicate {
  const predicate = plan.predicate;
  if (predicate === undefined) return { steps: [], whole: undefined };
  const { scope } = predicate;
  const pathName = nameOfSlot(scope.slots, plan.path);
  const listName = nameOfSlot(scope.slots, plan.relationship);
  const steps: StepPredicate[] = [];
  const rest: Expression[] = [];
  for (const conjunct of conjuncts(predicate.expression)) {
    const binding = stepBinding(conjunct, pathName, listName);
    if (binding === undefined) rest.push(conjunct);
    else steps.push({ binding, expression: { expression: conjunct, scope } });
  }
  const whole = rest.reduce<Expression | undefined>(
    (all, next) =>
      all === undefined
        ? next
        : { kind: 'BinaryOperation', pos: next.pos, operator: 'AND', left: all, right: next },
    undefined,
  );
  return { steps, whole: whole === undefined ? undefined : { expression: whole, scope } };
}

function conjuncts(expression: Expression): Expression[] {
  if (expression.kind === 'BinaryOperation' && expression.operator === 'AND')
    return [...conjuncts(expression.left), ...conjuncts(expression.right)];
  return [expression];
}

function stepBinding(
  expression: Expression,
  pathName: string | undefined,
  listName: string | undefined,
): StepBinding | undefined {
  if (expression.kind !== 'Quantifier') return undefined;
  if (expression.quantifier !== 'all' && expression.quantifier !== 'none') return undefined;
  const { where } = expression;
  if (where === undefined || mentions(where, [pathName, listName])) return undefined;
  if (shadows(expression, [pathName, listName])) return undefined;
  return listBinding(expression.list, pathName, listName);
}

function listBinding(
  list: Expression,
  pathName: string | undefined,
  listName: string | undefined,
): StepBinding | undefined {
  if (list.kind === 'Variable') return list.name === listName ? 'relationship-list' : undefined;
  if (list.kind !== 'FunctionCall' || list.args.length !== 1 || list.distinct) return undefined;
  const [argument] = list.args;
  if (argument?.kind !== 'Variable' || argument.name !== pathName) return undefined;
  const name = list.name.toLowerCase();
  if (name === 'nodes') return 'node';
  if (name === 'relationships') return 'relationship-of-path';
  return undefined;
}

/** `all(p IN nodes(p) …)` would rebind the path's own name: left to the whole-path check. */
function shadows(quantifier: Quantifier, names: readonly (string | undefined)[]): boolean {
  return names.includes(quantifier.variable.name);
}

/**
 * Whether a variable named in `names` occurs anywhere below `node`. The walk is over the plain AST data, so
 * it sees every expression kind (subqueries and patterns included) without listing them; a shadowing
 * local of the same name also counts, which only sends a predicate to the (always correct) whole check.
 */
function mentions(node: unknown, names: readonly (string | undefined)[]): boolean {
  if (typeof node !== 'object' || node === null) return false;
  if (Array.isArray(node)) return node.some((item) => mentions(item, names));
  const record = node as Record<string, unknown>;
  if (record['kind'] === 'Variable' && names.includes(record['name'] as string)) return true;
  return Object.values(record).some((value) => mentions(value, names));
}

function nameOfSlot(slots: ReadonlyMap<string, number>, slot: number): string | undefined {
  if (slot < 0) return undefined;
  for (const [name, index] of slots) if (index === slot) return name;
  return undefined;
}
