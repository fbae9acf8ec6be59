import type {
  CallProcedure,
  CallSubquery,
  Clause,
  InTransactions,
  Query,
  SingleQuery,
  With,
} from '../ast/index.js';
import { assertNever } from '../../errors/index.js';
import type { AnalysisContext } from './context.js';
import { checkExpression, checkPredicate, type ExpressionEnv } from './expressions.js';
import { bindPattern } from './patterns.js';
import { checkProjection } from './projection.js';
import { Scope } from './scope.js';
import { unexpectedSyntax } from './semantic-error.js';
import { ANY, MAP, elementOf, type StaticType } from './types.js';
import { analyzeLoadCsv } from './load-csv.js';
import { checkDelete, checkRemove, checkSetItems } from './updating-clauses.js';

/**
 * Where a query appears: the statement itself, a `CALL { }` body, or an EXISTS / COUNT / COLLECT
 * subquery; each has its own rules for how it may end and whether it may write.
 */
export type QueryKind = 'top' | 'call' | 'exists' | 'count' | 'collect';

export interface QueryResult {
  readonly columns: readonly string[];
  /** The types of the returned columns (for CALL subqueries, which add them to the outer scope). */
  readonly scope: Scope;
}

const UPDATING = new Set<Clause['kind']>(['Create', 'Merge', 'Set', 'Remove', 'Delete', 'Foreach']);

/**
 * Analyzes a (possibly UNION) query: UNION and UNION ALL are not mixed (InvalidClauseComposition) and
 * every part returns the same columns (DifferentColumnsInUnion). `start` is the scope the first clause
 * sees; `importing` is the outer scope an importing `WITH` at the start of a `CALL { }` body may read.
 */
export function analyzeQuery(
  ctx: AnalysisContext,
  query: Query,
  start: Scope,
  kind: QueryKind,
  importing?: Scope,
): QueryResult {
  if (new Set(query.unions).size > 1) {
    throw ctx.error('InvalidClauseComposition', 'Invalid combination of UNION and UNION ALL', query.pos);
  }
  // CALL { … } IN TRANSACTIONS is allowed only at depth 0, so the analysis counts how deep it is.
  const nested = kind !== 'top';
  if (nested) ctx.subqueryDepth++;
  try {
    let first: QueryResult | undefined;
    for (const part of query.parts) {
      const result = analyzeSingleQuery(ctx, part, start, kind, importing);
      if (first === undefined) first = result;
      else if (!sameColumns(first.columns, result.columns)) {
        throw ctx.error(
          'DifferentColumnsInUnion',
          'All sub queries in an UNION must have the same return column names',
          part.pos,
        );
      }
    }
    return first ?? { columns: [], scope: Scope.empty() };
  } finally {
    if (nested) ctx.subqueryDepth--;
  }
}

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

function analyzeSingleQuery(
  ctx: AnalysisContext,
  query: SingleQuery,
  start: Scope,
  kind: QueryKind,
  importing: Scope | undefined,
): QueryResult {
  let scope = start;
  let columns: readonly string[] = [];
  const standalone = kind === 'top' && query.clauses.length === 1;
  query.clauses.forEach((clause, index) => {
    const last = index === query.clauses.length - 1;
    if (kind !== 'top' && kind !== 'call' && UPDATING.has(clause.kind)) {
      throw ctx.error(
        'InvalidClauseComposition',
        'A subquery expression cannot contain any updates',
        clause.pos,
      );
    }
    if (clause.kind === 'Return' && !last) {
      throw ctx.error(
        'InvalidClauseComposition',
        'RETURN can only be used at the end of the query',
        clause.pos,
      );
    }
    const source = index === 0 && clause.kind === 'With' && importing !== undefined ? importing : scope;
    const result = analyzeClause(ctx, clause, source, standalone);
    scope = result.scope;
    if (clause.kind === 'Return' || (standalone && clause.kind === 'CallProcedure')) columns = result.columns;
  });
  checkEnding(ctx, query, kind, columns);
  return { columns, scope };
}

/** A query must end with RETURN, FINISH, an update, a unit subquery or a procedure call (TCK Call*, Match*). */
function checkEnding(
  ctx: AnalysisContext,
  query: SingleQuery,
  kind: QueryKind,
  columns: readonly string[],
): void {
  const last = query.clauses[query.clauses.length - 1];
  if (last === undefined) return;
  if (kind === 'collect') {
    if (last.kind !== 'Return' || columns.length !== 1) {
      throw ctx.error(
        'InvalidClauseComposition',
        'A Collect Expression must end with a single return column.',
        last.pos,
      );
    }
    return;
  }
  if (kind === 'exists' || kind === 'count') return;
  if (last.kind === 'Match' || last.kind === 'With' || last.kind === 'Unwind' || last.kind === 'LoadCsv') {
    const name =
      last.kind === 'Match'
        ? last.optional
          ? 'OPTIONAL MATCH'
          : 'MATCH'
        : last.kind === 'With' && last.form !== undefined
          ? CYPHER_25_CLAUSE_NAMES[last.form]
          : clauseName(last.kind);
    throw ctx.error(
      'InvalidClauseComposition',
      `Query cannot conclude with ${name} (must be a RETURN clause, a FINISH clause, an update clause, a unit subquery call, or a procedure call with no YIELD).`,
      last.pos,
    );
  }
}

const CYPHER_25_CLAUSE_NAMES = { LET: 'LET', FILTER: 'FILTER', PAGE: 'ORDER BY, SKIP or LIMIT' } as const;

function clauseName(kind: 'With' | 'Unwind' | 'LoadCsv'): string {
  return kind === 'LoadCsv' ? 'LOAD CSV' : kind.toUpperCase();
}

function analyzeClause(ctx: AnalysisContext, clause: Clause, scope: Scope, standalone: boolean): QueryResult {
  const env: ExpressionEnv = { ctx, scope, aggregation: 'forbidden' };
  const same = (next: Scope = scope): QueryResult => ({ columns: [], scope: next });
  switch (clause.kind) {
    case 'Match': {
      const next = bindPattern(ctx, clause.pattern.parts, scope, 'match');
      if (clause.where !== undefined)
        checkPredicate(clause.where, { ctx, scope: next, aggregation: 'forbidden' });
      return same(next);
    }
    case 'Unwind': {
      const list = checkExpression(clause.expression, env);
      return same(declare(ctx, scope, clause.variable.name, elementOf(list), clause.variable.pos));
    }
    case 'With':
      if (clause.form === 'LET') checkLet(ctx, clause, scope);
      return checkProjection(ctx, clause.projection, clause.where, scope, 'WITH', clause.pos);
    case 'Return':
      return checkProjection(ctx, clause.projection, undefined, scope, 'RETURN', clause.pos);
    case 'Create':
      return same(bindPattern(ctx, clause.pattern.parts, scope, 'create'));
    case 'Merge': {
      const next = bindPattern(ctx, [clause.part], scope, 'merge');
      checkSetItems(ctx, clause.onCreate, next);
      checkSetItems(ctx, clause.onMatch, next);
      return same(next);
    }
    case 'Set':
      checkSetItems(ctx, clause.items, scope);
      return same();
    case 'Remove':
      checkRemove(ctx, clause, scope);
      return same();
    case 'Delete':
      checkDelete(ctx, clause, scope);
      return same();
    case 'Foreach': {
      const list = checkExpression(clause.list, env);
      let inner = scope.bind(clause.variable.name, elementOf(list));
      for (const nested of clause.clauses) {
        if (!UPDATING.has(nested.kind)) {
          throw ctx.error(
            'InvalidClauseComposition',
            'Invalid use of non-updating clause in FOREACH',
            nested.pos,
          );
        }
        inner = analyzeClause(ctx, nested, inner, false).scope;
      }
      return same();
    }
    case 'CallProcedure':
      return analyzeProcedureCall(ctx, clause, scope, standalone);
    case 'CallSubquery':
      return same(analyzeCallSubquery(ctx, clause, scope));
    case 'LoadCsv':
      return same(analyzeLoadCsv(ctx, clause, scope));
    case 'Use':
    case 'Finish':
      return same();
    default:
      return assertNever(clause, 'clause');
  }
}

/** LET only binds new variables (none already in scope) to plain expressions (no aggregation). */
function checkLet(ctx: AnalysisContext, clause: With, scope: Scope): void {
  const env: ExpressionEnv = { ctx, scope, aggregation: 'forbidden' };
  for (const item of clause.projection.items) {
    checkExpression(item.expression, env);
    const alias = item.alias;
    if (alias !== undefined && scope.has(alias.name)) {
      throw ctx.error('VariableAlreadyBound', `Variable \`${alias.name}\` already declared`, alias.pos);
    }
  }
}

function declare(ctx: AnalysisContext, scope: Scope, name: string, type: StaticType, pos: number): Scope {
  if (scope.has(name)) throw ctx.error('VariableAlreadyBound', `Variable \`${name}\` already declared`, pos);
  return scope.bind(name, type);
}

/** `CALL p(args) YIELD …`: yielded names are new variables (VariableAlreadyBound otherwise, TCK Call1/Call5). */
function analyzeProcedureCall(
  ctx: AnalysisContext,
  clause: CallProcedure,
  scope: Scope,
  standalone: boolean,
): QueryResult {
  const env: ExpressionEnv = { ctx, scope, aggregation: 'forbidden' };
  for (const arg of clause.args ?? []) checkExpression(arg, env);
  const yieldClause = clause.yield;
  if (yieldClause === undefined) return { columns: [], scope };
  if (yieldClause.star && !standalone) {
    throw unexpectedSyntax(ctx.text, 'YIELD * can only be used in a standalone procedure call', clause.pos);
  }
  let next = scope;
  const columns: string[] = [];
  for (const item of yieldClause.items) {
    const name = item.alias?.name ?? item.field;
    next = declare(ctx, next, name, ANY, item.alias?.pos ?? item.pos);
    columns.push(name);
  }
  if (yieldClause.where !== undefined)
    checkPredicate(yieldClause.where, { ctx, scope: next, aggregation: 'forbidden' });
  return { columns, scope: next };
}

/**
 * The options of `IN TRANSACTIONS`: constant expressions, and REPORT STATUS only where a batch can fail
 * without failing the query (ON ERROR CONTINUE or BREAK), as in Neo4j.
 */
function checkInTransactions(ctx: AnalysisContext, options: InTransactions, pos: number): void {
  const env: ExpressionEnv = { ctx, scope: Scope.empty(), aggregation: 'forbidden' };
  for (const expression of [options.batchSize, options.concurrency, options.retry?.seconds]) {
    if (expression !== undefined) checkExpression(expression, env);
  }
  if (options.reportStatus !== undefined && options.onError === 'FAIL') {
    throw unexpectedSyntax(
      ctx.text,
      'REPORT STATUS can only be used when specifying ON ERROR CONTINUE or ON ERROR BREAK',
      options.reportStatus.pos,
    );
  }
  if (ctx.subqueryDepth > 0) {
    throw unexpectedSyntax(ctx.text, 'Nested CALL { ... } IN TRANSACTIONS is not supported', pos);
  }
}

/**
 * `CALL { … }` and `CALL (vars) { … }`: the body sees only imported variables; its returned columns join
 * the outer scope and must not shadow it (VariableAlreadyBound).
 */
function analyzeCallSubquery(ctx: AnalysisContext, clause: CallSubquery, scope: Scope): Scope {
  let start = Scope.empty();
  let importing: Scope | undefined;
  if (clause.scope === '*') start = scope;
  else if (clause.scope === undefined) importing = scope;
  else {
    const env: ExpressionEnv = { ctx, scope, aggregation: 'forbidden' };
    for (const variable of clause.scope) start = start.bind(variable.name, checkExpression(variable, env));
  }
  if (clause.inTransactions !== undefined) checkInTransactions(ctx, clause.inTransactions, clause.pos);
  const result = analyzeQuery(ctx, clause.query, start, 'call', importing);
  let next = scope;
  for (const name of result.columns) {
    next = declare(ctx, next, name, result.scope.lookup(name) ?? ANY, clause.pos);
  }
  const status = clause.inTransactions?.reportStatus;
  if (status !== undefined) next = declare(ctx, next, status.name, MAP, status.pos);
  return next;
}
