import type { Expression } from '../../planner/index.js';
import type { CypherValue } from '../../values/index.js';
import { setEntry } from '../runtime/map-entry.js';

/**
 * Returns the value of a list or map literal made of literals only (at any depth), built once, or
 * undefined when some part of it must be evaluated per row. Compiling such a literal to one shared value
 * saves a closure per element and a fresh copy per evaluation: a dump replay's UNWIND list is a thousand
 * maps of literals. Sharing is safe because values are immutable once built; parameters are shared the
 * same way. Stops at the first part that is not a literal, so a non-constant literal costs little.
 */
export function constantLiteralValue(expression: Expression): CypherValue | undefined {
  const value = fold(expression);
  return value === NOT_CONSTANT ? undefined : value;
}

const NOT_CONSTANT = Symbol('not constant');

function fold(expression: Expression): CypherValue | typeof NOT_CONSTANT {
  if (expression.kind === 'Literal') return expression.value;
  if (expression.kind === 'ListLiteral') {
    const elements = expression.elements;
    const list = new Array<CypherValue>(elements.length);
    for (let index = 0; index < elements.length; index++) {
      const element = elements[index];
      const value = element === undefined ? NOT_CONSTANT : fold(element);
      if (value === NOT_CONSTANT) return NOT_CONSTANT;
      list[index] = value;
    }
    return list;
  }
  if (expression.kind === 'MapLiteral') {
    // Built like a map literal evaluated at run time (compileMapLiteral): entries in order, later keys win.
    const map: Record<string, CypherValue> = {};
    for (const entry of expression.entries) {
      const value = fold(entry.value);
      if (value === NOT_CONSTANT) return NOT_CONSTANT;
      setEntry(map, entry.key, value);
    }
    return map;
  }
  return NOT_CONSTANT;
}
