/* Test support: calls a registered function by name with evaluated arguments. Used only by tests. */
import type { CypherValue } from '../../values/index.js';
import { testDatabase } from '../expressions/evaluation.fixture.js';
import type { ExecutionContext } from '../runtime/context.js';
import { lookupFunction } from './registry.js';

const defaultContext = testDatabase().context;

export function callFunction(
  name: string,
  args: readonly CypherValue[],
  context: ExecutionContext = defaultContext,
): CypherValue {
  const definition = lookupFunction(name);
  if (definition === undefined) throw new RangeError(`no function ${name}`);
  return definition.call(args, context);
}
