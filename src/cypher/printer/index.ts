/**
 * cypher/printer: the AST back to canonical Cypher text. Inputs: `Statement`, `Clause` or `Expression`
 * nodes. Outputs: text that parses back to the same tree, with the fewest parentheses, used by EXPLAIN
 * details, golden tests and error messages.
 * Must not know: tokens or the parser's internals, planning, execution.
 */
import type { Clause, Expression, SortItem, Statement } from '../ast/index.js';
import { StatementPrinter } from './statement-printer.js';

const printer = new StatementPrinter();

/** Canonical Cypher for an expression (`a.x + 1 > 2 AND NOT b`). */
export function printExpression(expression: Expression): string {
  return printer.printExpression(expression);
}

/** Canonical Cypher for one clause, on one line. */
export function printClause(clause: Clause): string {
  return printer.printClause(clause);
}

/** Canonical Cypher for a statement: EXPLAIN/PROFILE and each top-level clause on its own line. */
export function printStatement(statement: Statement): string {
  return printer.printStatement(statement);
}

/** ` ORDER BY … SKIP … LIMIT …` for the parts that are present (empty when none is). */
export function printOrdering(ordering: {
  readonly orderBy?: readonly SortItem[] | undefined;
  readonly skip?: Expression | undefined;
  readonly limit?: Expression | undefined;
}): string {
  return printer.printOrdering(ordering);
}
