import type { Expression } from '../ast/expressions.js';
import type { Clause, Projection, ProjectionItem, Query, Return, SingleQuery } from '../ast/statements.js';

/**
 * Cypher 25's composed queries, `NEXT` (sequential) and `WHEN … THEN … ELSE` (conditional), rewritten
 * into the clauses they mean, so that analysis, planning and execution need nothing new:
 *
 * - `Q1 NEXT Q2` hands Q1's whole result table to Q2: `CALL (*) { Q1 } Q2`. Q2 sees the columns Q1
 *   returns (and whatever was in scope around the composed query), and aggregates over all of Q1's rows.
 *   When Q2 is a UNION, each arm gets the whole table: Q1's rows are collected once and unwound at the
 *   start of each arm.
 * - `WHEN c1 THEN B1 WHEN c2 THEN B2 ELSE B3` runs, for each incoming row, the first branch whose
 *   condition is true (none: no rows): `CALL (*) { WITH * WHERE c1 B1 UNION ALL WITH * WHERE NOT
 *   coalesce(c1, false) AND c2 B2 UNION ALL … }`, the branches' columns renamed so that a branch may
 *   return an incoming variable (`RETURN customer, …`), and named back after the CALL.
 *
 * A branch or the query before NEXT must end in RETURN with named columns (`RETURN *` cannot be renamed
 * here), as Neo4j requires before NEXT.
 */

/** A parsed segment between NEXT keywords: a query (UNION arms included) or a conditional. */
export type Segment =
  | { readonly kind: 'query'; readonly query: Query }
  | { readonly kind: 'when'; readonly pos: number; readonly branches: readonly WhenBranch[] };

/** `WHEN condition THEN query`; the ELSE branch has no condition. */
export interface WhenBranch {
  readonly condition: Expression | undefined;
  readonly query: Query;
}

/** Thrown for a composition the rewrite cannot express; the parser reports it as a syntax error. */
export class CompositionError extends Error {
  readonly pos: number;

  constructor(message: string, pos: number) {
    super(message);
    this.pos = pos;
  }
}

function single(pos: number, clauses: readonly Clause[]): Query {
  return { kind: 'Query', pos, parts: [{ kind: 'SingleQuery', pos, clauses }], unions: [] };
}

/** A query's first and last parts (a query always has one). */
function firstPart(query: Query): SingleQuery {
  return query.parts[0] ?? { kind: 'SingleQuery', pos: query.pos, clauses: [] };
}

function lastPart(query: Query): SingleQuery {
  return query.parts[query.parts.length - 1] ?? firstPart(query);
}

function variable(pos: number, name: string): Expression {
  return { kind: 'Variable', pos, name };
}

function projection(items: readonly ProjectionItem[], star = false): Projection {
  return { distinct: false, star, items, orderBy: undefined, skip: undefined, limit: undefined };
}

function item(pos: number, expression: Expression, alias: string): ProjectionItem {
  return { pos, expression, alias: { kind: 'Variable', pos, name: alias }, text: alias };
}

/** The column names of a part's final RETURN. @throws CompositionError without one, or for `RETURN *`. */
function returnedColumns(part: SingleQuery, where: string): string[] {
  const last = part.clauses[part.clauses.length - 1];
  if (last?.kind !== 'Return') throw new CompositionError(`A query ${where} must end with RETURN`, part.pos);
  if (last.projection.star) {
    throw new CompositionError(`RETURN * is not supported ${where}; name the columns`, last.pos);
  }
  return last.projection.items.map((each) => each.alias?.name ?? each.text);
}

/** `CALL (*) { query }`, as a clause. */
function callAll(pos: number, query: Query): Clause {
  return { kind: 'CallSubquery', pos, query, optional: false, scope: '*', inTransactions: undefined };
}

/** Folds the segments of `S1 NEXT S2 NEXT …` into one query. */
export function composeSegments(segments: readonly Segment[]): Query {
  const [first, ...rest] = segments.map(segmentQuery);
  let query = first ?? single(0, []);
  for (const next of rest) query = sequence(query, next);
  return query;
}

function segmentQuery(segment: Segment): Query {
  return segment.kind === 'query' ? segment.query : conditional(segment.pos, segment.branches);
}

/**
 * `before NEXT after`: `CALL (*) { before } WITH <its columns>` then `after`. The columns travel under
 * hidden names through the CALL, so `before` may return a variable that is already in scope (`RETURN
 * customer AS customer` in a WHEN branch), and `after` sees exactly the columns `before` returned.
 */
function sequence(before: Query, after: Query): Query {
  const pos = after.pos;
  const columns = returnedColumns(lastPart(before), 'before NEXT');
  const head: Clause[] = [
    callAll(pos, renameReturns(before, columns, nextColumn, 'before NEXT')),
    {
      kind: 'With',
      pos,
      projection: projection(columns.map((name, index) => item(pos, variable(pos, nextColumn(index)), name))),
      where: undefined,
    },
  ];
  if (after.parts.length === 1) return single(pos, [...head, ...firstPart(after).clauses]);
  // A UNION after NEXT: every arm starts from the whole table, collected once.
  const rows = '  next rows';
  const row = '  next row';
  const collect: Expression = {
    kind: 'FunctionCall',
    pos,
    name: 'collect',
    distinct: false,
    args: [
      {
        kind: 'MapLiteral',
        pos,
        entries: columns.map((name) => ({ key: name, value: variable(pos, name) })),
      },
    ],
  };
  const arms: SingleQuery[] = after.parts.map((part) => ({
    kind: 'SingleQuery',
    pos: part.pos,
    clauses: [
      {
        kind: 'Unwind',
        pos: part.pos,
        expression: variable(part.pos, rows),
        variable: { kind: 'Variable', pos: part.pos, name: row },
      },
      {
        kind: 'With',
        pos: part.pos,
        projection: projection(
          columns.map((name) =>
            item(
              part.pos,
              { kind: 'PropertyAccess', pos: part.pos, subject: variable(part.pos, row), key: name },
              name,
            ),
          ),
        ),
        where: undefined,
      },
      ...part.clauses,
    ],
  }));
  const outColumns = returnedColumns(firstPart(after), 'after NEXT');
  const union: Query = { kind: 'Query', pos, parts: arms, unions: after.unions };
  return single(pos, [
    ...head,
    { kind: 'With', pos, projection: projection([item(pos, collect, rows)]), where: undefined },
    {
      kind: 'CallSubquery',
      pos,
      query: union,
      optional: false,
      scope: [{ kind: 'Variable', pos, name: rows }],
      inTransactions: undefined,
    },
    returnClause(
      pos,
      outColumns.map((name) => item(pos, variable(pos, name), name)),
    ),
  ]);
}

/** The hidden name of column `index` of the query before a NEXT. */
function nextColumn(index: number): string {
  return `  next ${String(index)}`;
}

/**
 * A UNION arm written in braces (`{ Q1 NEXT Q2 } UNION …`): `CALL (*) { query } RETURN` its columns, so
 * the arm is a plain part with the columns the query returns.
 */
export function braced(pos: number, query: Query): SingleQuery {
  const last = lastPart(query);
  const columns = returnedColumns(last, 'in braces');
  return {
    kind: 'SingleQuery',
    pos,
    clauses: [
      callAll(pos, query),
      returnClause(
        pos,
        columns.map((name) => item(pos, variable(pos, name), name)),
      ),
    ],
  };
}

function returnClause(pos: number, items: readonly ProjectionItem[]): Return {
  return { kind: 'Return', pos, projection: projection(items) };
}

function not(pos: number, condition: Expression): Expression {
  const known: Expression = {
    kind: 'FunctionCall',
    pos,
    name: 'coalesce',
    distinct: false,
    args: [condition, { kind: 'Literal', pos, value: false }],
  };
  return { kind: 'UnaryOperation', pos, operator: 'NOT', operand: known };
}

function and(pos: number, left: Expression | undefined, right: Expression): Expression {
  return left === undefined ? right : { kind: 'BinaryOperation', pos, operator: 'AND', left, right };
}

/** The hidden name of column `index` of a conditional's branches. */
function branchColumn(index: number): string {
  return `  when ${String(index)}`;
}

/** Renames the final RETURN of every part of `query` (columns `expected`) to `hidden(index)`. */
function renameReturns(
  query: Query,
  expected: readonly string[],
  hidden: (index: number) => string,
  where: string,
): Query {
  const parts = query.parts.map((part): SingleQuery => {
    const columns = returnedColumns(part, where);
    if (columns.length !== expected.length || columns.some((name, index) => name !== expected[index])) {
      throw new CompositionError(`All parts of a query ${where} must return the same columns`, part.pos);
    }
    const last = part.clauses[part.clauses.length - 1] as Return;
    const items = last.projection.items.map((each, index) => ({
      ...each,
      alias: { kind: 'Variable' as const, pos: each.pos, name: hidden(index) },
    }));
    return {
      ...part,
      clauses: [...part.clauses.slice(0, -1), { ...last, projection: { ...last.projection, items } }],
    };
  });
  return { ...query, parts };
}

/** `WHEN … THEN … [ELSE …]` (see the module comment). */
function conditional(pos: number, branches: readonly WhenBranch[]): Query {
  const first = branches[0];
  if (first === undefined) throw new CompositionError('A conditional query needs a WHEN branch', pos);
  const columns = returnedColumns(firstPart(first.query), 'in a WHEN branch');
  let previous: Expression | undefined;
  const arms: SingleQuery[] = [];
  const unions: 'UNION ALL'[] = [];
  for (const branch of branches) {
    const guard = branch.condition === undefined ? previous : and(pos, previous, branch.condition);
    if (branch.condition !== undefined) previous = and(pos, previous, not(pos, branch.condition));
    const renamed = renameReturns(branch.query, columns, branchColumn, 'in a WHEN branch');
    const body: Clause[] =
      renamed.parts.length === 1
        ? [...firstPart(renamed).clauses]
        : [
            callAll(pos, renamed),
            returnClause(
              pos,
              columns.map((_, index) => item(pos, variable(pos, branchColumn(index)), branchColumn(index))),
            ),
          ];
    const filter: Clause[] =
      guard === undefined ? [] : [{ kind: 'With', pos, projection: projection([], true), where: guard }];
    if (arms.length > 0) unions.push('UNION ALL');
    arms.push({ kind: 'SingleQuery', pos, clauses: [...filter, ...body] });
  }
  const union: Query = { kind: 'Query', pos, parts: arms, unions };
  return single(pos, [
    callAll(pos, union),
    returnClause(
      pos,
      columns.map((name, index) => item(pos, variable(pos, branchColumn(index)), name)),
    ),
  ]);
}
