import type { Expression } from '../../cypher/index.js';
import { DatabaseError, Status } from '../../errors/index.js';
import type { CypherMap, CypherValue } from '../../values/index.js';

/** Evaluates the names or ids after SHOW keywords: literals, parameters and lists of them. */
export function evaluateTarget(expression: Expression, parameters: CypherMap): CypherValue {
  if (expression.kind === 'Literal') return expression.value;
  if (expression.kind === 'Parameter') return parameters[expression.name] ?? null;
  if (expression.kind === 'ListLiteral') {
    return expression.elements.map((element) => evaluateTarget(element, parameters));
  }
  throw new DatabaseError(Status.SyntaxError, 'Expected a name, a string, a parameter or a list of them');
}

/** The target as a list of strings (TERMINATE/SHOW TRANSACTIONS ids), or undefined when absent. */
export function targetStrings(
  expression: Expression | undefined,
  parameters: CypherMap,
): string[] | undefined {
  if (expression === undefined) return undefined;
  const value = evaluateTarget(expression, parameters);
  // `'a', 'b'`, `$ids` holding a list, or a mix: one flat list of ids.
  const flatten = (item: CypherValue): readonly CypherValue[] =>
    Array.isArray(item) ? (item as readonly CypherValue[]).flatMap(flatten) : [item];
  return flatten(value).map((item) => {
    if (typeof item !== 'string') {
      throw new DatabaseError(Status.TypeError, 'Expected a string or a list of strings');
    }
    return item;
  });
}
