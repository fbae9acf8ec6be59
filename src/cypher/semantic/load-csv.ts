import type { LoadCsv } from '../ast/index.js';
import type { AnalysisContext } from './context.js';
import { checkExpression, expectType } from './expressions.js';
import type { Scope } from './scope.js';
import { listOf, MAP, STRING, TypeBits } from './types.js';

/**
 * `LOAD CSV [WITH HEADERS] FROM url AS row [FIELDTERMINATOR t]` (Neo4j's `LoadCSV.semanticCheck`): the URL
 * must be able to be a STRING, the field terminator is a single character, and `row` is a new variable, a
 * LIST<STRING> without headers or a MAP with them. Returns the scope with `row` bound.
 */
export function analyzeLoadCsv(ctx: AnalysisContext, clause: LoadCsv, scope: Scope): Scope {
  const env = { ctx, scope, aggregation: 'forbidden' } as const;
  expectType(env, checkExpression(clause.url, env), TypeBits.String, clause.url);
  if (clause.fieldTerminator !== undefined && clause.fieldTerminator.length !== 1) {
    throw ctx.error(
      'InvalidArgumentValue',
      'CSV field terminator can only be one character wide',
      clause.pos,
    );
  }
  const name = clause.variable.name;
  if (scope.has(name)) {
    throw ctx.error('VariableAlreadyBound', `Variable \`${name}\` already declared`, clause.variable.pos);
  }
  return scope.bind(name, clause.withHeaders ? MAP : listOf(STRING));
}
