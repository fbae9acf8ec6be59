import type { RequestKind } from '../messages/request.js';
import { isProtocolAtLeast, type ProtocolVersion } from '../protocol-version.js';
import type { BoltState } from './states.js';

/**
 * The transition table of bolt-spec-digest §8.2 as data: state × message → outcome, per version range.
 * A message a version accepts but that has no row for the current state is a protocol violation: the
 * machine answers FAILURE (Request.Invalid) and closes the connection (§8.5). "close" entries of the spec
 * are therefore simply absent.
 *
 * Resolutions where the spec pages disagree (DOC-BUG) or are silent, each marked in `note`:
 * - v1/v2 FAILED + DISCARD_ALL stays FAILED (the appendix says INTERRUPTED; every other source keeps FAILED).
 * - v3 TX_STREAMING + PULL_ALL/DISCARD_ALL leads to TX_READY (the appendix says TX_STREAMING, impossible
 *   with one open result).
 * - 4.0+ TX_STREAMING accepts COMMIT/ROLLBACK like Neo4j 5 (the docs say close); open results are consumed
 *   (COMMIT) or dropped (ROLLBACK).
 * - Any handler's READY/TX_* outcome becomes INTERRUPTED while RESETs are queued (one interrupt per RESET read):
 *   the machine applies this after every handler, so the rows need not list it.
 * - FAILED/INTERRUPTED + TELEMETRY is IGNORED like every other READY-state request (docs silent).
 */

/** What happens to a message in a state. */
export type Outcome =
  /** The handler runs; on success it leads to one of `onSuccess`, on failure to `onFailure`. */
  | {
      readonly kind: 'handle';
      readonly onSuccess: readonly BoltState[];
      readonly onFailure: 'FAILED' | 'DEFUNCT';
    }
  /** IGNORED, no state change. */
  | { readonly kind: 'ignore' }
  /** GOODBYE: no response, roll back, close, DEFUNCT. */
  | { readonly kind: 'disconnect' };

/** One row of the table: `message` in `state`, for versions `since` … `until` (inclusive; open if absent). */
export interface TransitionRow {
  readonly state: BoltState;
  readonly message: RequestKind;
  readonly since: string;
  readonly until?: string;
  readonly outcome: Outcome;
  readonly note?: string;
}

function handle(onSuccess: readonly BoltState[], onFailure: 'FAILED' | 'DEFUNCT'): Outcome {
  return { kind: 'handle', onSuccess, onFailure };
}
const IGNORE: Outcome = { kind: 'ignore' };
const DISCONNECT: Outcome = { kind: 'disconnect' };

function rows(
  states: readonly BoltState[],
  messages: readonly RequestKind[],
  since: string,
  until: string | undefined,
  outcome: Outcome,
  note?: string,
): TransitionRow[] {
  return states.flatMap((state) =>
    messages.map((message) => ({
      state,
      message,
      since,
      ...(until === undefined ? {} : { until }),
      outcome,
      ...(note === undefined ? {} : { note }),
    })),
  );
}

const ANY = undefined;
const FAILED_OR_INTERRUPTED: readonly BoltState[] = ['FAILED', 'INTERRUPTED'];

/** The table. Rows are grouped as in the spec: Bolt 1/2, Bolt 3, Bolt 4.0+, Bolt 5.1+. */
export const TRANSITIONS: readonly TransitionRow[] = [
  // Authentication
  ...rows(['CONNECTED'], ['INIT'], '1.0', '2.0', handle(['READY'], 'DEFUNCT')),
  ...rows(['CONNECTED'], ['HELLO'], '3.0', '5.0', handle(['READY'], 'DEFUNCT')),
  ...rows(['NEGOTIATION'], ['HELLO'], '5.1', ANY, handle(['AUTHENTICATION'], 'DEFUNCT')),
  ...rows(['AUTHENTICATION'], ['LOGON'], '5.1', ANY, handle(['READY'], 'DEFUNCT')),
  ...rows(['READY'], ['LOGOFF'], '5.1', ANY, handle(['AUTHENTICATION'], 'FAILED')),

  // Auto-commit queries and explicit transactions
  ...rows(['READY'], ['RUN'], '1.0', ANY, handle(['STREAMING'], 'FAILED')),
  ...rows(['STREAMING'], ['PULL_ALL', 'DISCARD_ALL'], '1.0', '3.0', handle(['READY'], 'FAILED')),
  ...rows(['STREAMING'], ['PULL', 'DISCARD'], '4.0', ANY, handle(['STREAMING', 'READY'], 'FAILED')),
  ...rows(['READY'], ['BEGIN'], '3.0', ANY, handle(['TX_READY'], 'FAILED')),
  ...rows(['TX_READY'], ['RUN'], '3.0', ANY, handle(['TX_STREAMING'], 'FAILED')),
  ...rows(['TX_STREAMING'], ['RUN'], '4.0', ANY, handle(['TX_STREAMING'], 'FAILED')),
  ...rows(['TX_READY'], ['COMMIT', 'ROLLBACK'], '3.0', ANY, handle(['READY'], 'FAILED')),
  ...rows(
    ['TX_STREAMING'],
    ['PULL_ALL', 'DISCARD_ALL'],
    '3.0',
    '3.0',
    handle(['TX_READY'], 'FAILED'),
    'DOC-BUG: the v3 appendix says TX_STREAMING; with one open result it is TX_READY',
  ),
  ...rows(['TX_STREAMING'], ['PULL', 'DISCARD'], '4.0', ANY, handle(['TX_STREAMING', 'TX_READY'], 'FAILED')),
  ...rows(
    ['TX_STREAMING'],
    ['COMMIT', 'ROLLBACK'],
    '4.0',
    ANY,
    handle(['READY'], 'FAILED'),
    'Neo4j 5 accepts COMMIT/ROLLBACK with open results (the docs say close)',
  ),

  // Other READY-state requests
  ...rows(['READY'], ['ROUTE'], '4.3', ANY, handle(['READY'], 'FAILED')),
  ...rows(['READY'], ['TELEMETRY'], '5.4', ANY, handle(['READY'], 'FAILED')),

  // Failure acknowledgement (v1/v2) and RESET
  ...rows(['FAILED'], ['ACK_FAILURE'], '1.0', '2.0', handle(['READY'], 'DEFUNCT')),
  ...rows(['READY', 'STREAMING', 'FAILED'], ['RESET'], '1.0', ANY, handle(['READY'], 'DEFUNCT')),
  ...rows(['TX_READY', 'TX_STREAMING'], ['RESET'], '3.0', ANY, handle(['READY'], 'DEFUNCT')),
  ...rows(
    ['INTERRUPTED'],
    ['RESET'],
    '1.0',
    ANY,
    handle(['READY'], 'DEFUNCT'),
    'the machine keeps INTERRUPTED while more RESETs are queued (one interrupt per RESET read)',
  ),

  // IGNORED while FAILED or INTERRUPTED
  ...rows(FAILED_OR_INTERRUPTED, ['RUN', 'PULL_ALL'], '1.0', '3.0', IGNORE),
  ...rows(
    FAILED_OR_INTERRUPTED,
    ['DISCARD_ALL'],
    '1.0',
    '3.0',
    IGNORE,
    'DOC-BUG: the v1/v2 appendix moves FAILED + DISCARD_ALL to INTERRUPTED; it stays FAILED',
  ),
  ...rows(['INTERRUPTED'], ['ACK_FAILURE'], '1.0', '2.0', IGNORE),
  ...rows(FAILED_OR_INTERRUPTED, ['BEGIN', 'COMMIT', 'ROLLBACK'], '3.0', ANY, IGNORE),
  ...rows(FAILED_OR_INTERRUPTED, ['RUN', 'PULL', 'DISCARD'], '4.0', ANY, IGNORE),
  ...rows(FAILED_OR_INTERRUPTED, ['ROUTE'], '4.3', ANY, IGNORE),
  ...rows(FAILED_OR_INTERRUPTED, ['LOGOFF'], '5.1', ANY, IGNORE),
  ...rows(FAILED_OR_INTERRUPTED, ['TELEMETRY'], '5.4', ANY, IGNORE, 'docs silent; treated like the others'),

  // GOODBYE in every state (Neo4j handles it before the state machine)
  ...rows(['CONNECTED'], ['GOODBYE'], '3.0', '5.0', DISCONNECT),
  ...rows(['NEGOTIATION', 'AUTHENTICATION'], ['GOODBYE'], '5.1', ANY, DISCONNECT),
  ...rows(
    ['READY', 'STREAMING', 'TX_READY', 'TX_STREAMING', 'FAILED', 'INTERRUPTED'],
    ['GOODBYE'],
    '3.0',
    ANY,
    DISCONNECT,
  ),
];

function parseVersion(text: string): ProtocolVersion {
  const [major = '0', minor = '0'] = text.split('.');
  return { major: Number(major), minor: Number(minor) };
}

function appliesTo(row: TransitionRow, version: ProtocolVersion): boolean {
  const since = parseVersion(row.since);
  if (!isProtocolAtLeast(version, since.major, since.minor)) return false;
  if (row.until === undefined) return true;
  const until = parseVersion(row.until);
  return !isProtocolAtLeast(version, until.major, until.minor + 1);
}

/** The rows of one version, indexed by state and message. */
export type TransitionLookup = ReadonlyMap<BoltState, ReadonlyMap<RequestKind, Outcome>>;

const cache = new Map<string, TransitionLookup>();

/** Builds (once per version) the lookup `state → message → outcome` of `version`. */
export function transitionsFor(version: ProtocolVersion): TransitionLookup {
  const key = `${version.major}.${version.minor}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const lookup = new Map<BoltState, Map<RequestKind, Outcome>>();
  for (const row of TRANSITIONS) {
    if (!appliesTo(row, version)) continue;
    let byMessage = lookup.get(row.state);
    if (byMessage === undefined) {
      byMessage = new Map();
      lookup.set(row.state, byMessage);
    }
    byMessage.set(row.message, row.outcome);
  }
  cache.set(key, lookup);
  return lookup;
}
