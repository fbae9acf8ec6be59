import type { CaseExpression } from '../../planner/index.js';
import { equals } from '../../values/index.js';
import type { CompileScope, Evaluator } from './compile-scope.js';
import type { Compile } from './comprehension.js';
import { truthValue } from './logic.js';

/**
 * `CASE`: the simple form picks the first alternative whose value equals the subject (`=`, so a null
 * subject matches nothing); the generic form the first whose condition is true. Otherwise `ELSE` or null.
 */
export function compileCase(expression: CaseExpression, scope: CompileScope, compile: Compile): Evaluator {
  const alternatives = expression.alternatives.map((alternative) => ({
    when: compile(alternative.when, scope),
    then: compile(alternative.then, scope),
  }));
  const otherwise = expression.otherwise === undefined ? undefined : compile(expression.otherwise, scope);
  if (expression.subject === undefined) {
    return (row, context) => {
      for (const alternative of alternatives) {
        if (truthValue(alternative.when(row, context)) === true) return alternative.then(row, context);
      }
      return otherwise === undefined ? null : otherwise(row, context);
    };
  }
  const subject = compile(expression.subject, scope);
  return (row, context) => {
    const value = subject(row, context);
    for (const alternative of alternatives) {
      if (equals(value, alternative.when(row, context)) === true) return alternative.then(row, context);
    }
    return otherwise === undefined ? null : otherwise(row, context);
  };
}
