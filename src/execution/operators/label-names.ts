import { CypherArgumentError } from '../../errors/index.js';
import type { PlanExpression } from '../../planner/index.js';
import { dynamicLabelNames } from '../expressions/label-check.js';
import type { Row } from '../runtime/row.js';
import type { BuildContext } from './operator.js';

/**
 * The labels a write gives a node: the static names, then those the `$(…)` expressions evaluate to on the
 * row (a STRING or LIST<STRING> each, Neo4j 5.26 dynamic labels). Without dynamic labels it always returns
 * the same array.
 * @throws CypherTypeError for a value that is not a STRING or LIST<STRING>; CypherArgumentError for an
 * empty label name.
 */
export function compileLabelNames(
  labels: readonly string[],
  dynamic: readonly PlanExpression[],
  build: BuildContext,
): (row: Row) => readonly string[] {
  if (dynamic.length === 0) return () => labels;
  const evaluators = dynamic.map((expression) => build.compile(expression));
  const context = build.context;
  return (row) => {
    const names = [...labels];
    for (const evaluate of evaluators) {
      for (const name of dynamicLabelNames(evaluate(row, context))) {
        if (name === '') throw new CypherArgumentError('A label name cannot be the empty string');
        names.push(name);
      }
    }
    return names;
  };
}
