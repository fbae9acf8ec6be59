/**
 * Walks the transition table of every Bolt version: for each state of the version and each message the
 * version knows, the real machine is brought into the state, sent the message, and its responses and next
 * state are compared with the spec's lists (bolt-spec-digest §8.2), transcribed here independently of
 * transitions.ts. Expectations: `S <STATE>` (SUCCESS, RECORDs aside), `I` (IGNORED, state kept),
 * `D` (no response, connection closed) and `close` (FAILURE Request.Invalid, connection closed; the
 * default for everything a state does not list).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Harness, wire, type WireRequest } from '../../../test/support/bolt-harness.js';
import type { RequestKind } from '../messages/request.js';
import { formatProtocolVersion, isProtocolAtLeast, type ProtocolVersion } from '../protocol-version.js';
import { BOLT_VERSIONS } from '../versions/index.js';
import type { BoltState } from './states.js';
import { TRANSITIONS, transitionsFor } from './transitions.js';

type Expectation = `S ${BoltState}` | 'I' | 'D' | 'close';
type StateSpec = Partial<Record<RequestKind, Expectation>>;
type VersionSpec = Partial<Record<BoltState, StateSpec>>;

const at = (version: ProtocolVersion, major: number, minor: number): boolean =>
  isProtocolAtLeast(version, major, minor);

/** The messages each version defines (bolt-spec-digest §1.1, §7). */
function specMessages(version: ProtocolVersion): RequestKind[] {
  if (!at(version, 3, 0)) return ['INIT', 'RUN', 'PULL_ALL', 'DISCARD_ALL', 'ACK_FAILURE', 'RESET'];
  const messages: RequestKind[] = ['HELLO', 'GOODBYE', 'RUN', 'BEGIN', 'COMMIT', 'ROLLBACK', 'RESET'];
  messages.push(
    ...(at(version, 4, 0) ? (['PULL', 'DISCARD'] as const) : (['PULL_ALL', 'DISCARD_ALL'] as const)),
  );
  if (at(version, 4, 3)) messages.push('ROUTE');
  if (at(version, 5, 1)) messages.push('LOGON', 'LOGOFF');
  if (at(version, 5, 4)) messages.push('TELEMETRY');
  return messages;
}

/** The spec's transition lists, per version. */
function specTable(version: ProtocolVersion): VersionSpec {
  if (!at(version, 3, 0)) {
    return {
      CONNECTED: { INIT: 'S READY' },
      READY: { RUN: 'S STREAMING', RESET: 'S READY' },
      STREAMING: { PULL_ALL: 'S READY', DISCARD_ALL: 'S READY', RESET: 'S READY' },
      FAILED: { RUN: 'I', PULL_ALL: 'I', DISCARD_ALL: 'I', ACK_FAILURE: 'S READY', RESET: 'S READY' },
      INTERRUPTED: { RUN: 'I', PULL_ALL: 'I', DISCARD_ALL: 'I', ACK_FAILURE: 'I', RESET: 'S READY' },
    };
  }
  const pull = at(version, 4, 0) ? 'PULL' : 'PULL_ALL';
  const discard = at(version, 4, 0) ? 'DISCARD' : 'DISCARD_ALL';
  const ignoredWhenFailed: StateSpec = {
    RUN: 'I',
    [pull]: 'I',
    [discard]: 'I',
    BEGIN: 'I',
    COMMIT: 'I',
    ROLLBACK: 'I',
  };
  if (at(version, 4, 3)) ignoredWhenFailed.ROUTE = 'I';
  if (at(version, 5, 1)) ignoredWhenFailed.LOGOFF = 'I';
  if (at(version, 5, 4)) ignoredWhenFailed.TELEMETRY = 'I';
  const ready: StateSpec = { RUN: 'S STREAMING', BEGIN: 'S TX_READY', RESET: 'S READY', GOODBYE: 'D' };
  if (at(version, 4, 3)) ready.ROUTE = 'S READY';
  if (at(version, 5, 1)) ready.LOGOFF = 'S AUTHENTICATION';
  if (at(version, 5, 4)) ready.TELEMETRY = 'S READY';
  const txStreaming: StateSpec = {
    [pull]: 'S TX_READY',
    [discard]: 'S TX_READY',
    RESET: 'S READY',
    GOODBYE: 'D',
  };
  if (at(version, 4, 0)) {
    // Several open results from 4.0; COMMIT/ROLLBACK with open results as Neo4j 5 accepts them.
    Object.assign(txStreaming, { RUN: 'S TX_STREAMING', COMMIT: 'S READY', ROLLBACK: 'S READY' });
  }
  const spec: VersionSpec = {
    READY: ready,
    STREAMING: { [pull]: 'S READY', [discard]: 'S READY', RESET: 'S READY', GOODBYE: 'D' },
    TX_READY: {
      RUN: 'S TX_STREAMING',
      COMMIT: 'S READY',
      ROLLBACK: 'S READY',
      RESET: 'S READY',
      GOODBYE: 'D',
    },
    TX_STREAMING: txStreaming,
    FAILED: { ...ignoredWhenFailed, RESET: 'S READY', GOODBYE: 'D' },
    INTERRUPTED: { ...ignoredWhenFailed, RESET: 'S READY', GOODBYE: 'D' },
  };
  if (at(version, 5, 1)) {
    spec.NEGOTIATION = { HELLO: 'S AUTHENTICATION', GOODBYE: 'D' };
    spec.AUTHENTICATION = { LOGON: 'S READY', GOODBYE: 'D' };
  } else {
    spec.CONNECTED = { HELLO: 'S READY', GOODBYE: 'D' };
  }
  return spec;
}

/** A valid instance of each message, one that succeeds wherever the spec allows it. */
function exampleOf(bolt: Harness, kind: RequestKind): WireRequest {
  switch (kind) {
    case 'INIT':
      return wire.init();
    case 'HELLO': {
      const [hello] = bolt.loginRequests();
      return hello ?? wire.hello();
    }
    case 'LOGON':
      return wire.logon();
    case 'LOGOFF':
      return wire.logoff();
    case 'GOODBYE':
      return wire.goodbye();
    case 'ACK_FAILURE':
      return wire.ackFailure();
    case 'RESET':
      return wire.reset();
    case 'RUN':
      return bolt.run('RETURN 1 AS x');
    case 'BEGIN':
      return wire.begin();
    case 'COMMIT':
      return wire.commit();
    case 'ROLLBACK':
      return wire.rollback();
    case 'PULL_ALL':
      return wire.pullAll();
    case 'DISCARD_ALL':
      return wire.discardAll();
    case 'PULL':
      return wire.pull(-1n);
    case 'DISCARD':
      return wire.discard(-1n);
    case 'ROUTE':
      return wire.route({ address: 'localhost:7687' }, [], bolt.isAtLeast(4, 4) ? {} : null);
    case 'TELEMETRY':
      return wire.telemetry(2n);
  }
}

const UNWIND = 'UNWIND range(1, $n) AS i RETURN i';

/** Brings a fresh machine into `state` (INTERRUPTED: READY; the interrupt is raised by the walk). */
async function enter(bolt: Harness, state: BoltState): Promise<void> {
  switch (state) {
    case 'CONNECTED':
    case 'NEGOTIATION':
      break;
    case 'AUTHENTICATION':
      await bolt.send(wire.hello());
      break;
    case 'READY':
    case 'INTERRUPTED':
      await bolt.login();
      break;
    case 'STREAMING':
      await bolt.send(...bolt.loginRequests(), bolt.run(UNWIND, { n: 3n }));
      break;
    case 'TX_READY':
      await bolt.send(...bolt.loginRequests(), wire.begin());
      break;
    case 'TX_STREAMING':
      await bolt.send(...bolt.loginRequests(), wire.begin(), wire.run(UNWIND, { n: 3n }));
      break;
    case 'FAILED':
      await bolt.send(...bolt.loginRequests(), bolt.run('FAIL Neo.ClientError.Statement.SyntaxError'));
      break;
    case 'DEFUNCT':
      throw new Error('DEFUNCT is not walked');
  }
  const expected = state === 'INTERRUPTED' ? 'READY' : state;
  assert.equal(bolt.state, expected, `setup for ${state}`);
  bolt.output.clear();
  bolt.transitions.length = 0;
}

/** Sends `kind` in `state` and returns the response kinds (RECORDs left out) and the state it led to. */
async function walk(version: ProtocolVersion, state: BoltState, kind: RequestKind) {
  const bolt = new Harness(version);
  await enter(bolt, state);
  const message = exampleOf(bolt, kind);
  let kinds: string[];
  if (state === 'INTERRUPTED' && kind !== 'RESET') {
    // Queued before a RESET: the RESET's interrupt jumps ahead, so `kind` is processed in INTERRUPTED.
    kinds = await bolt.kinds(message, wire.reset());
    // The RESET itself answers SUCCESS last, unless `kind` closed the connection.
    if (bolt.state !== 'DEFUNCT') assert.equal(kinds.pop(), 'SUCCESS');
  } else {
    kinds = await bolt.kinds(message);
  }
  const transition = bolt.transitions.find((candidate) => candidate.trigger === kind);
  const next = transition?.to ?? bolt.state;
  return { bolt, kinds: kinds.filter((response) => response !== 'RECORD'), next };
}

for (const descriptor of BOLT_VERSIONS) {
  const version = descriptor.version;
  const name = formatProtocolVersion(version);
  const spec = specTable(version);
  const messages = specMessages(version);

  describe(`Bolt ${name} transition table`, () => {
    test('accepts exactly the messages the spec defines for it', () => {
      const accepted = Object.values(descriptor.requests).map((request) => request?.kind);
      assert.deepEqual([...accepted].sort(), [...messages].sort());
    });

    for (const [state, expectations] of Object.entries(spec) as [BoltState, StateSpec][]) {
      test(`in ${state} answers every message as the spec lists`, async () => {
        for (const kind of messages) {
          const expected: Expectation = expectations[kind] ?? 'close';
          const { bolt, kinds, next } = await walk(version, state, kind);
          const where = `${kind} in ${state}`;
          if (expected === 'I') {
            assert.deepEqual(kinds, ['IGNORED'], where);
            assert.equal(next, state, where);
          } else if (expected === 'D') {
            assert.deepEqual(kinds, [], where);
            assert.equal(next, 'DEFUNCT', where);
            assert.equal(bolt.output.closed, true, where);
          } else if (expected === 'close') {
            assert.deepEqual(kinds, ['FAILURE'], where);
            assert.equal(next, 'DEFUNCT', where);
            assert.equal(bolt.output.closed, true, where);
            const failure = bolt.output.responses.find((response) => response.kind === 'FAILURE');
            const code = failure?.metadata['code'] ?? failure?.metadata['neo4j_code'];
            assert.equal(code, 'Neo.ClientError.Request.Invalid', where);
          } else {
            assert.deepEqual(kinds, ['SUCCESS'], where);
            assert.equal(next, expected.slice(2), where);
            assert.equal(bolt.output.closed, false, where);
          }
        }
      });
    }

    test('closes the connection on a message tag it does not define', async () => {
      const known = new Set(Object.keys(descriptor.requests).map(Number));
      const foreign = [0x01, 0x02, 0x0e, 0x11, 0x12, 0x13, 0x54, 0x66, 0x6a, 0x6b, 0x99].filter(
        (tag) => !known.has(tag),
      );
      for (const tag of foreign) {
        const bolt = new Harness(version);
        await bolt.login();
        const responses = await bolt.send({ tag, fields: [] });
        assert.deepEqual(
          responses.map((response) => response.kind),
          ['FAILURE'],
          `tag ${tag}`,
        );
        assert.equal(bolt.state, 'DEFUNCT');
        assert.equal(bolt.output.closed, true);
      }
    });
  });
}

describe('The transition table data', () => {
  test('has at most one row per state and message for every version', () => {
    for (const { version } of BOLT_VERSIONS) {
      const counts = new Map<string, number>();
      for (const row of TRANSITIONS) {
        const [sinceMajor = 0, sinceMinor = 0] = row.since.split('.').map(Number);
        const [untilMajor = 99, untilMinor = 0] = (row.until ?? '99.0').split('.').map(Number);
        const applies = at(version, sinceMajor, sinceMinor) && !at(version, untilMajor, untilMinor + 1);
        if (!applies) continue;
        const key = `${row.state} ${row.message}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      for (const [key, count] of counts) assert.equal(count, 1, `${formatProtocolVersion(version)}: ${key}`);
    }
  });

  test('only names messages the version accepts', () => {
    for (const descriptor of BOLT_VERSIONS) {
      const accepted = new Set(Object.values(descriptor.requests).map((request) => request?.kind));
      for (const [state, byMessage] of transitionsFor(descriptor.version)) {
        for (const message of byMessage.keys()) {
          assert.ok(
            accepted.has(message),
            `${formatProtocolVersion(descriptor.version)}: ${state} ${message}`,
          );
        }
      }
    }
  });

  test('only names states the version has', () => {
    for (const descriptor of BOLT_VERSIONS) {
      const states = new Set(Object.keys(specTable(descriptor.version)));
      for (const state of transitionsFor(descriptor.version).keys()) {
        assert.ok(states.has(state), `${formatProtocolVersion(descriptor.version)}: ${state}`);
      }
    }
  });

  test('marks every spec disagreement it resolves with a note', () => {
    const notes = TRANSITIONS.flatMap((row) => (row.note === undefined ? [] : [row.note]));
    assert.ok(notes.some((note) => note.startsWith('DOC-BUG: the v3 appendix')));
    assert.ok(notes.some((note) => note.startsWith('DOC-BUG: the v1/v2 appendix')));
    assert.ok(notes.some((note) => note.includes('Neo4j 5 accepts COMMIT/ROLLBACK')));
  });
});
