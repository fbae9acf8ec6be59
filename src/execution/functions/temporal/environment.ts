import type { ZoneSpec } from '../../../values/index.js';
import type { ExecutionContext } from '../../runtime/context.js';
import type { TemporalEnvironment } from './kinds.js';
import { parseZone } from './zone.js';

/** Which clock reading a function uses: the statement's start, the transaction's start, or now. */
export type ClockKind = 'statement' | 'transaction' | 'realtime';

const parsedZones = new Map<string, ZoneSpec>();

/** The context's default zone, parsed once per distinct setting. */
function defaultZoneOf(context: ExecutionContext): ZoneSpec {
  const cached = parsedZones.get(context.defaultTimeZone);
  if (cached !== undefined) return cached;
  const zone = parseZone(context.defaultTimeZone);
  parsedZones.set(context.defaultTimeZone, zone);
  return zone;
}

/** The temporal environment of a function call, reading the given clock. */
export function environmentOf(
  context: ExecutionContext,
  clock: ClockKind = 'statement',
): TemporalEnvironment {
  const nowEpochNanos =
    clock === 'statement'
      ? context.clock.statementEpochNanos
      : clock === 'transaction'
        ? context.clock.transactionEpochNanos
        : context.clock.realtimeEpochNanos();
  return { defaultZone: defaultZoneOf(context), nowEpochNanos };
}
