/**
 * Temporal and point values of import files, built by the same Cypher functions `date('…')`,
 * `datetime('…')`, `duration('…')` and `point({…})` use, so a value imported from CSV equals the value the
 * function gives for the same text. The functions take an execution context, of which they read only the
 * clock (for fields the text leaves out, never for complete values) and the default time zone; the context
 * built here has those and fails loudly if anything else is touched.
 */
import { InternalError, invariant } from '../../errors/index.js';
import { allFunctions, type ExecutionContext, type FunctionDefinition } from '../../execution/index.js';
import type { CypherMap, CypherValue } from '../../values/index.js';

/** The function-built kinds of import values. */
export type FunctionValueType = 'date' | 'localtime' | 'time' | 'localdatetime' | 'datetime' | 'duration';

const FUNCTIONS = new Map<string, FunctionDefinition>(
  allFunctions().map((definition) => [definition.name.toLowerCase(), definition]),
);

function functionNamed(name: string): FunctionDefinition {
  const definition = FUNCTIONS.get(name);
  invariant(definition !== undefined, `The built-in function ${name}() is missing`);
  return definition;
}

function unavailable(what: string): never {
  throw new InternalError(`Import value conversion must not use the execution context's ${what}`);
}

/** A context with a clock and a default zone only (see the module comment). */
function contextFor(defaultTimeZone: string): ExecutionContext {
  const now = BigInt(Date.now()) * 1_000_000n;
  return {
    get tx(): never {
      return unavailable('transaction');
    },
    get tokens(): never {
      return unavailable('tokens');
    },
    get entities(): never {
      return unavailable('entities');
    },
    get parameters(): never {
      return unavailable('parameters');
    },
    get statistics(): never {
      return unavailable('statistics');
    },
    get procedures(): never {
      return unavailable('procedures');
    },
    clock: { statementEpochNanos: now, transactionEpochNanos: now, realtimeEpochNanos: () => now },
    defaultTimeZone,
    checkInterrupt: () => undefined,
  };
}

/**
 * A converter from text to the temporal value `type` names; text without an offset or zone is read in
 * `defaultTimeZone` (neo4j-admin: `db.temporal.timezone`, UTC unless the column says `{timezone: …}`).
 * @throws the function's own DatabaseError for text it cannot parse.
 */
export function temporalConverter(
  type: FunctionValueType,
  defaultTimeZone = 'Z',
): (text: string) => CypherValue {
  const definition = functionNamed(type);
  const context = contextFor(defaultTimeZone);
  return (text) => definition.call([text], context);
}

/**
 * A converter from a point map (`{x: 1, y: 2}`, `{latitude: …, longitude: …, crs: 'WGS-84'}`) to a point;
 * `defaults` (the column's configuration) fills keys the value leaves out.
 */
export function pointConverter(defaults: CypherMap): (map: CypherMap) => CypherValue {
  const definition = functionNamed('point');
  const context = contextFor('Z');
  return (map) => definition.call([{ ...defaults, ...map }], context);
}
