/**
 * The temporal function table: for each of date, localtime, time, localdatetime and datetime the
 * constructor and its `.statement()`, `.transaction()`, `.realtime()` and `.truncate()` forms; the epoch
 * constructors of datetime; duration and its `.between()`, `.inMonths()`, `.inDays()`, `.inSeconds()`.
 */
import { typeName, type CypherValue, type ZoneSpec } from '../../../values/index.js';
import type { ExecutionContext } from '../../runtime/context.js';
import type { FunctionDefinition } from '../function-definition.js';
import { durationBetween, type BetweenUnit } from './between.js';
import { constructTemporal } from './construct.js';
import { constructDuration } from './construct-duration.js';
import { environmentOf, type ClockKind } from './environment.js';
import { invalidTemporalType } from './errors.js';
import { instantAt, type InstantKind } from './kinds.js';
import { truncateTemporal } from './truncate.js';
import { zoneArgument } from './zone.js';

const TYPE_NAMES: Record<InstantKind, string> = {
  date: 'DATE',
  localtime: 'LOCAL TIME',
  time: 'ZONED TIME',
  localdatetime: 'LOCAL DATETIME',
  datetime: 'ZONED DATETIME',
};

function temporal(
  name: string,
  minArgs: number,
  maxArgs: number,
  signature: string,
  description: string,
  call: (args: readonly CypherValue[], context: ExecutionContext) => CypherValue,
  deterministic = true,
): FunctionDefinition {
  return { name, minArgs, maxArgs, signature, description, category: 'Temporal', deterministic, call };
}

/** The zone argument of a clock function: a zone string or `{timezone: …}`. */
function clockZone(argument: CypherValue): ZoneSpec {
  if (
    typeof argument === 'object' &&
    argument !== null &&
    Object.getPrototypeOf(argument) === Object.prototype
  ) {
    const map = argument as Readonly<Record<string, CypherValue>>;
    const keys = Object.keys(map);
    if (keys.length === 1 && keys[0]?.toLowerCase() === 'timezone') return zoneArgument(map[keys[0]] ?? null);
  }
  if (typeof argument !== 'string') {
    throw invalidTemporalType(`Type mismatch: expected a time zone String but was ${typeName(argument)}`);
  }
  return zoneArgument(argument);
}

function constructor(kind: InstantKind): FunctionDefinition {
  return temporal(
    kind,
    0,
    1,
    `${kind}(input = DEFAULT_TEMPORAL_ARGUMENT :: ANY) :: ${TYPE_NAMES[kind]}`,
    `Creates a ${TYPE_NAMES[kind]} instant.`,
    (args, context) => {
      const env = environmentOf(context);
      if (args.length === 0) return instantAt(kind, env.nowEpochNanos, env.defaultZone);
      const input = args[0] ?? null;
      return input === null ? null : constructTemporal(kind, input, env);
    },
  );
}

function clockFunction(kind: InstantKind, clock: ClockKind): FunctionDefinition {
  return temporal(
    `${kind}.${clock}`,
    0,
    1,
    `${kind}.${clock}(timezone = DEFAULT_TEMPORAL_ARGUMENT :: ANY) :: ${TYPE_NAMES[kind]}`,
    `Returns the current ${TYPE_NAMES[kind]} instant using the ${clock} clock.`,
    (args, context) => {
      const env = environmentOf(context, clock);
      if (args.length === 0) return instantAt(kind, env.nowEpochNanos, env.defaultZone);
      const zone = args[0] ?? null;
      return zone === null ? null : instantAt(kind, env.nowEpochNanos, clockZone(zone));
    },
    clock !== 'realtime',
  );
}

function truncateFunction(kind: InstantKind): FunctionDefinition {
  return temporal(
    `${kind}.truncate`,
    2,
    3,
    `${kind}.truncate(unit :: STRING, input = DEFAULT_TEMPORAL_ARGUMENT :: ANY, fields = null :: MAP) :: ${TYPE_NAMES[kind]}`,
    `Truncates the given temporal value to a ${TYPE_NAMES[kind]} instant using the specified unit.`,
    (args, context) => {
      const [unit = null, input = null, fields = null] = args;
      if (unit === null || input === null) return null;
      return truncateTemporal(kind, unit, input, fields, environmentOf(context));
    },
  );
}

function betweenFunction(name: string, unit: BetweenUnit, description: string): FunctionDefinition {
  return temporal(
    `duration.${name}`,
    2,
    2,
    `duration.${name}(from :: ANY, to :: ANY) :: DURATION`,
    description,
    (args) => {
      const [from = null, to = null] = args;
      return from === null || to === null ? null : durationBetween(from, to, unit);
    },
  );
}

function instantFunctions(kind: InstantKind): FunctionDefinition[] {
  return [
    constructor(kind),
    clockFunction(kind, 'statement'),
    clockFunction(kind, 'transaction'),
    clockFunction(kind, 'realtime'),
    truncateFunction(kind),
  ];
}

function epochInteger(value: CypherValue, what: string): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return BigInt(Math.trunc(value));
  throw invalidTemporalType(`Type mismatch: expected a number for ${what} but was ${typeName(value)}`);
}

const EPOCH_FUNCTIONS: readonly FunctionDefinition[] = [
  temporal(
    'datetime.fromepoch',
    2,
    2,
    'datetime.fromepoch(seconds :: NUMBER, nanoseconds :: NUMBER) :: ZONED DATETIME',
    'Creates a ZONED DATETIME given the seconds and nanoseconds since the start of the epoch.',
    (args) => {
      const [seconds = null, nanos = null] = args;
      if (seconds === null || nanos === null) return null;
      const total = epochInteger(seconds, 'seconds') * 1_000_000_000n + epochInteger(nanos, 'nanoseconds');
      return instantAt('datetime', total, 0);
    },
  ),
  temporal(
    'datetime.fromepochmillis',
    1,
    1,
    'datetime.fromepochmillis(milliseconds :: NUMBER) :: ZONED DATETIME',
    'Creates a ZONED DATETIME given the milliseconds since the start of the epoch.',
    (args) => {
      const millis = args[0] ?? null;
      return millis === null
        ? null
        : instantAt('datetime', epochInteger(millis, 'milliseconds') * 1_000_000n, 0);
    },
  ),
];

const DURATION_FUNCTIONS: readonly FunctionDefinition[] = [
  temporal('duration', 1, 1, 'duration(input :: ANY) :: DURATION', 'Creates a DURATION value.', (args) => {
    const input = args[0] ?? null;
    return input === null ? null : constructDuration(input);
  }),
  betweenFunction('between', 'all', 'Computes the duration between the `from` instant and the `to` instant.'),
  betweenFunction('inMonths', 'months', 'Computes the duration between two instants in whole months.'),
  betweenFunction('inDays', 'days', 'Computes the duration between two instants in whole days.'),
  betweenFunction('inSeconds', 'seconds', 'Computes the duration between two instants in seconds.'),
];

/** Every temporal function. */
export const TEMPORAL_FUNCTIONS: readonly FunctionDefinition[] = [
  ...instantFunctions('date'),
  ...instantFunctions('localtime'),
  ...instantFunctions('time'),
  ...instantFunctions('localdatetime'),
  ...instantFunctions('datetime'),
  ...EPOCH_FUNCTIONS,
  ...DURATION_FUNCTIONS,
];
