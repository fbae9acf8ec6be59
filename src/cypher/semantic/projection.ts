import { DatabaseError } from '../../errors/index.js';
import type { Expression, Projection, ProjectionItem } from '../ast/index.js';
import {
  containsAggregate,
  isAggregate,
  isSimpleGroupingKey,
  substitute,
  syntheticVariable,
} from './aggregation.js';
import type { AnalysisContext } from './context.js';
import { checkExpression, checkPredicate, type ExpressionEnv } from './expressions.js';
import { sameExpression } from './same-expression.js';
import { Scope } from './scope.js';
import { checkSkipLimit } from './skip-limit.js';
import { ANY, type StaticType } from './types.js';

/** What a WITH or RETURN leaves behind: the next scope and its column names in order. */
export interface ProjectionResult {
  readonly scope: Scope;
  readonly columns: readonly string[];
}

/**
 * Checks the body of WITH / RETURN (openCypher TCK With*, Return*, WithOrderBy*, ReturnOrderBy*,
 * ReturnSkipLimit*): `*` needs variables in scope (NoVariablesInScope), column names are unique
 * (ColumnNameConflict), WITH expressions are aliased (NoExpressionAlias), aggregating items only reuse
 * simple grouping keys (AmbiguousAggregationExpression), ORDER BY and WHERE see what the projection
 * allows, SKIP/LIMIT are constant non-negative integers.
 */
export function checkProjection(
  ctx: AnalysisContext,
  projection: Projection,
  where: Expression | undefined,
  scope: Scope,
  clause: 'WITH' | 'RETURN',
  pos: number,
): ProjectionResult {
  // Neo4j accepts `WITH *` on an empty scope (TCK Create3 [2]) but not `RETURN *` (Return7 [2]).
  if (projection.star && scope.size === 0 && clause === 'RETURN') {
    throw ctx.error(
      'NoVariablesInScope',
      `${clause} * is not allowed when there are no variables in scope`,
      pos,
    );
  }
  const env: ExpressionEnv = { ctx, scope, aggregation: 'allowed' };
  const types = projection.items.map((item) => checkExpression(item.expression, env));
  const aggregating = projection.items.some((item) => containsAggregate(item.expression));
  const columns = columnNames(ctx, projection, scope);
  let next = projection.star ? scope : Scope.empty();
  projection.items.forEach((item, i) => {
    next = next.bind(columnName(item), types[i] ?? ANY);
  });
  if (aggregating) checkImplicitGrouping(ctx, projection, scope);
  const restricted = aggregating || projection.distinct;
  const after = new AfterProjection(ctx, projection.items, scope, next, restricted, aggregating);
  for (const sortItem of projection.orderBy ?? []) after.check(sortItem.expression, 'order');
  if (where !== undefined) after.check(where, 'where');
  if (clause === 'WITH') requireAliases(ctx, projection.items);
  checkSkipLimit(ctx, projection.skip, 'SKIP');
  checkSkipLimit(ctx, projection.limit, 'LIMIT');
  return { scope: next, columns };
}

/** The column of an item: its alias, the variable's name, or the expression text as written. */
export function columnName(item: ProjectionItem): string {
  if (item.alias !== undefined) return item.alias.name;
  if (item.expression.kind === 'Variable') return item.expression.name;
  return item.text;
}

function columnNames(ctx: AnalysisContext, projection: Projection, scope: Scope): string[] {
  const columns = projection.star ? scope.names() : [];
  for (const item of projection.items) {
    const name = columnName(item);
    if (columns.includes(name)) {
      throw ctx.error(
        'ColumnNameConflict',
        `Multiple result columns with the same name are not supported`,
        item.alias?.pos ?? item.pos,
      );
    }
    columns.push(name);
  }
  return columns;
}

function requireAliases(ctx: AnalysisContext, items: readonly ProjectionItem[]): void {
  for (const item of items) {
    if (item.alias === undefined && item.expression.kind !== 'Variable') {
      throw ctx.error('NoExpressionAlias', 'Expression in WITH must be aliased (use AS)', item.pos);
    }
  }
}

/**
 * An aggregating item may use the grouping keys only when they are simple (`v`, `v.key`); any other
 * variable or grouping expression outside the aggregates is ambiguous (TCK Return6 [20-21], With6 [8]).
 */
function checkImplicitGrouping(ctx: AnalysisContext, projection: Projection, scope: Scope): void {
  const keys: Expression[] = projection.items
    .filter((item) => !containsAggregate(item.expression))
    .map((item) => item.expression);
  // With `*`, every variable in scope is a grouping key.
  if (projection.star) for (const name of scope.names()) keys.push({ kind: 'Variable', pos: 0, name });
  for (const item of projection.items) {
    if (!containsAggregate(item.expression)) continue;
    const bound = new Map<string, StaticType>();
    let ambiguous: Expression | undefined;
    const rewritten = substitute(item.expression, (e) => {
      if (isAggregate(e)) return synthetic(bound, e);
      const key = keys.find((k) => sameExpression(k, e));
      if (key === undefined) return undefined;
      if (!isSimpleGroupingKey(key)) ambiguous ??= e;
      return synthetic(bound, e);
    });
    if (ambiguous !== undefined) throw ambiguousError(ctx, ambiguous);
    try {
      checkExpression(rewritten, { ctx, scope: new Scope(bound), aggregation: 'forbidden' });
    } catch (error) {
      if (error instanceof DatabaseError && error.detail === 'UndefinedVariable') {
        throw ambiguousError(ctx, item.expression);
      }
      throw error;
    }
  }
}

function ambiguousError(ctx: AnalysisContext, at: Expression): DatabaseError {
  return ctx.error(
    'AmbiguousAggregationExpression',
    'Aggregation column contains implicit grouping expressions. Aggregation expressions must only use ' +
      'variables and property accesses that are also returned as grouping keys',
    at.pos,
  );
}

function synthetic(bound: Map<string, StaticType>, e: Expression): Expression {
  const variable = syntheticVariable(bound.size, e.pos);
  bound.set(variable.name, ANY);
  return variable;
}

/**
 * ORDER BY and WITH … WHERE run after the projection. They see the projected names and, unless the
 * projection aggregates or is DISTINCT, the variables of the previous scope too. After an aggregating or
 * DISTINCT projection, only projected names and expressions equal to projected items may be used.
 */
class AfterProjection {
  readonly #ctx: AnalysisContext;
  readonly #items: readonly ProjectionItem[];
  readonly #before: Scope;
  readonly #after: Scope;
  readonly #restricted: boolean;
  readonly #aggregating: boolean;

  constructor(
    ctx: AnalysisContext,
    items: readonly ProjectionItem[],
    before: Scope,
    after: Scope,
    restricted: boolean,
    aggregating: boolean,
  ) {
    this.#ctx = ctx;
    this.#items = items;
    this.#before = before;
    this.#after = after;
    this.#restricted = restricted;
    this.#aggregating = aggregating;
  }

  check(expression: Expression, place: 'order' | 'where'): void {
    const ctx = this.#ctx;
    const both = this.#before.extend(this.#after);
    const aggregation = place === 'order' && this.#aggregating ? 'allowed' : 'forbidden';
    if (place === 'where') checkPredicate(expression, { ctx, scope: both, aggregation });
    else checkExpression(expression, { ctx, scope: both, aggregation });
    if (!this.#restricted) return;
    const hasAggregate = containsAggregate(expression);
    const bound = new Map<string, StaticType>();
    let ambiguous: Expression | undefined;
    const rewritten = substitute(expression, (e) => {
      if (isAggregate(e)) return synthetic(bound, e);
      const item = this.#items.find((i) => sameExpression(i.expression, e));
      if (item === undefined) return undefined;
      if (hasAggregate && !isSimpleGroupingKey(item.expression) && !containsAggregate(item.expression)) {
        ambiguous ??= e;
      }
      return synthetic(bound, e);
    });
    if (ambiguous !== undefined) throw ambiguousError(ctx, ambiguous);
    checkExpression(rewritten, {
      ctx,
      scope: this.#after.extend(new Scope(bound)),
      aggregation: 'forbidden',
    });
  }
}
