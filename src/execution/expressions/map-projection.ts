import { InternalError } from '../../errors/index.js';
import type { MapProjection } from '../../planner/index.js';
import { Node, Relationship, isCypherMap, type CypherMap, type CypherValue } from '../../values/index.js';
import { typeMismatch } from '../functions/type-errors.js';
import type { ExecutionContext } from '../runtime/context.js';
import type { Row } from '../runtime/row.js';
import type { CompileScope, Evaluator } from './compile-scope.js';
import type { Compile } from './comprehension.js';
import { propertyValue } from './property-access.js';
import { setEntry } from '../runtime/map-entry.js';

type ItemWriter = (
  target: Record<string, CypherValue>,
  subject: CypherValue,
  row: Row,
  context: ExecutionContext,
) => void;

export { setEntry };

/**
 * `n {.name, .*, x, key: expr}` on a node, relationship or map; null subject gives null. Items apply in
 * order, so a later item overrides an earlier entry with the same key.
 */
export function compileMapProjection(
  expression: MapProjection,
  scope: CompileScope,
  compile: Compile,
): Evaluator {
  const slot = scope.slotOf(expression.subject.name);
  if (slot === undefined)
    throw new InternalError(`Map projection on unbound variable ${expression.subject.name}`);
  const writers: ItemWriter[] = expression.items.map((item): ItemWriter => {
    switch (item.kind) {
      case 'PropertySelector': {
        const key = item.key;
        return (target, subject, _row, context) => {
          setEntry(target, key, propertyValue(subject, key, context));
        };
      }
      case 'AllPropertiesSelector':
        return (target, subject) => {
          const properties = allProperties(subject);
          for (const key of Object.keys(properties)) setEntry(target, key, properties[key] ?? null);
        };
      case 'VariableSelector': {
        const value = compile(item.variable, scope);
        const key = item.variable.name;
        return (target, _subject, row, context) => {
          setEntry(target, key, value(row, context));
        };
      }
      case 'LiteralEntry': {
        const value = compile(item.value, scope);
        const key = item.key;
        return (target, _subject, row, context) => {
          setEntry(target, key, value(row, context));
        };
      }
    }
  });
  return (row, context) => {
    const subject = row[slot] ?? null;
    if (subject === null) return null;
    const result: Record<string, CypherValue> = {};
    for (const write of writers) write(result, subject, row, context);
    return result;
  };
}

function allProperties(subject: CypherValue): CypherMap {
  if (subject instanceof Node || subject instanceof Relationship) return subject.properties;
  if (isCypherMap(subject)) return subject;
  throw typeMismatch('Map, Node or Relationship', subject);
}
