import type { Expression, Query, Statement } from '../ast/index.js';
import { isConstantLiteral } from '../parser/constant-literals.js';
import { AnalysisContext, type AnalysisHooks, type SubqueryKind } from './context.js';
import { checkExpression } from './expressions.js';
import { bindPattern } from './patterns.js';
import { analyzeQuery } from './query.js';
import { Scope } from './scope.js';

/** The output of semantic analysis: the unchanged AST plus what later stages need to know about it. */
export interface AnalyzedStatement {
  /** The same AST that was analyzed (not rewritten). */
  readonly statement: Statement;
  /** Every `$parameter` the statement refers to (the engine reports missing ones). */
  readonly parameters: ReadonlySet<string>;
  /**
   * Result columns of a query: RETURN items in order (alias, variable name or expression text); `*`
   * expands to the variables in scope sorted by name; for UNION the first part's; `statement` for DUMP
   * DATABASE. [] otherwise.
   */
  readonly columns: readonly string[];
  /** True when the statement contains a write clause (CREATE, MERGE, SET, REMOVE, DELETE, FOREACH). */
  readonly updating: boolean;
}

/**
 * Semantic analysis: scoping, binding, aggregation and static type rules of openCypher, reported with
 * the TCK's error details. The statement is checked, never rewritten.
 * @throws CypherSemanticError (`Neo.ClientError.Statement.SemanticError`, TCK SyntaxError details),
 *   CypherTypeError (compile-time TypeError), CypherSyntaxError (UnexpectedSyntax), with a position.
 */
export function analyze(statement: Statement, text: string): AnalyzedStatement {
  const hooks: AnalysisHooks = {
    subquery: (query: Query, outer: Scope, kind: SubqueryKind) =>
      analyzeQuery(ctx, query, outer, kind).columns,
    pattern: (parts, scope) => bindPattern(ctx, parts, scope, 'expression'),
    predicatePattern: (pattern, scope) => {
      const part = {
        kind: 'PatternPart' as const,
        pos: pattern.pos,
        variable: undefined,
        shortest: undefined,
        element: pattern,
      };
      bindPattern(ctx, [part], scope, 'predicate');
    },
  };
  const ctx = new AnalysisContext(text, hooks);
  let columns: readonly string[] = [];
  if (statement.kind === 'QueryStatement') {
    columns = analyzeQuery(ctx, statement.query, Scope.empty(), 'top').columns;
  } else {
    // DUMP DATABASE's one column: a statement that rebuilds part of the database.
    if (statement.kind === 'DumpDatabase') columns = ['statement'];
    for (const expression of expressionsOf(statement)) {
      checkExpression(expression, { ctx, scope: Scope.empty(), aggregation: 'forbidden' });
    }
  }
  collectParameters(statement, ctx.parameters);
  return { statement, parameters: ctx.parameters, columns, updating: containsUpdate(statement) };
}

/**
 * Commands (schema, SHOW, transactions) only get their free-standing expressions checked (index
 * options, SHOW targets); their YIELD / WHERE / RETURN parts refer to the command's own columns.
 */
function expressionsOf(statement: Exclude<Statement, { kind: 'QueryStatement' }>): Expression[] {
  if (statement.kind === 'CreateIndex' || statement.kind === 'CreateConstraint') {
    return statement.options === undefined ? [] : [statement.options];
  }
  if (statement.kind === 'ShowCommand') return statement.target === undefined ? [] : [statement.target];
  return [];
}

const WRITE_CLAUSES = new Set(['Create', 'Merge', 'Set', 'Remove', 'Delete', 'Foreach']);

/** True when a write clause appears anywhere in the statement, CALL subqueries included. */
function containsUpdate(node: unknown): boolean {
  if (typeof node !== 'object' || node === null) return false;
  if (Array.isArray(node)) {
    for (const item of node) if (containsUpdate(item)) return true;
    return false;
  }
  const kind = (node as { kind?: unknown }).kind;
  if (typeof kind === 'string' && WRITE_CLAUSES.has(kind)) return true;
  // Constant literals hold no clauses (a dump batch is one list of thousands of maps).
  if (isConstantLiteral(node)) return false;
  const record = node as Readonly<Record<string, unknown>>;
  for (const key in record) if (containsUpdate(record[key])) return true;
  return false;
}

/** Adds every parameter name in the statement, including those the checks above never visit. */
function collectParameters(node: unknown, into: Set<string>): void {
  if (typeof node !== 'object' || node === null) return;
  if (Array.isArray(node)) {
    for (const item of node) collectParameters(item, into);
    return;
  }
  const record = node as Readonly<Record<string, unknown>>;
  if (record['kind'] === 'Parameter' && typeof record['name'] === 'string') into.add(record['name']);
  if (isConstantLiteral(node)) return;
  for (const key in record) collectParameters(record[key], into);
}
