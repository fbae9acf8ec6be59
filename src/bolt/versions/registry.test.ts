import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { wireProfileOf } from '../hydration/index.js';
import { GQL_FAILURE_SINCE } from '../messages/failure.js';
import { formatProtocolVersion, isProtocolAtLeast } from '../protocol-version.js';
import { BOLT_VERSIONS, findBoltVersion, getBoltVersion, SUPPORTED_PROTOCOL_VERSIONS } from './index.js';

/**
 * What changes at which version (bolt-spec-digest §7), written as "since" facts so that every descriptor
 * can be checked against them independently of the diff chain.
 */
const SINCE: readonly [fact: string, major: number, minor: number][] = [
  ['temporal and spatial structs', 2, 0],
  ['HELLO/BEGIN/GOODBYE, t_first/t_last, connection_id', 3, 0],
  ['PULL/DISCARD with n and qid, db in summaries', 4, 0],
  ['HELLO routing', 4, 1],
  ['ROUTE, hints, utc patch', 4, 3],
  ['imp_user, rt.db', 4, 4],
  ['element ids, UTC DateTime', 5, 0],
  ['LOGON/LOGOFF, AUTHENTICATION', 5, 1],
  ['notification filters', 5, 2],
  ['bolt_agent', 5, 3],
  ['TELEMETRY', 5, 4],
  ['statuses', 5, 6],
  ['GQL FAILURE, protocol_version', 5, 7],
  ['db in BEGIN/RUN SUCCESS, ssr hint', 5, 8],
  ['vectors', 6, 0],
  ['UUIDs (PackStream v2)', 6, 1],
];

describe('the version registry', () => {
  test('offers the versions the handshake negotiates, oldest first', () => {
    assert.ok(Object.isFrozen(SUPPORTED_PROTOCOL_VERSIONS));
    assert.deepEqual(SUPPORTED_PROTOCOL_VERSIONS.map(formatProtocolVersion), [
      '1.0',
      '2.0',
      '3.0',
      '4.0',
      '4.1',
      '4.2',
      '4.3',
      '4.4',
      '5.0',
      '5.1',
      '5.2',
      '5.3',
      '5.4',
      '5.6',
      '5.7',
      '5.8',
      '6.0',
      '6.1',
    ]);
  });

  test('never knows Bolt 5.5', () => {
    assert.equal(findBoltVersion({ major: 5, minor: 5 }), undefined);
    assert.throws(() => getBoltVersion({ major: 5, minor: 5 }), /Bolt 5.5 is not supported/);
  });

  test('finds every descriptor by its version', () => {
    for (const descriptor of BOLT_VERSIONS)
      assert.equal(getBoltVersion({ ...descriptor.version }), descriptor);
  });

  test('freezes every descriptor, nested records included', () => {
    for (const descriptor of BOLT_VERSIONS) {
      for (const part of [
        descriptor,
        descriptor.version,
        descriptor.requests,
        descriptor.features,
        descriptor.helloSuccess,
        descriptor.hydration,
      ]) {
        assert.ok(Object.isFrozen(part), formatProtocolVersion(descriptor.version));
      }
    }
  });
});

describe('each version descriptor', () => {
  for (const descriptor of BOLT_VERSIONS) {
    const version = descriptor.version;
    const has = (fact: string): boolean => {
      const entry = SINCE.find(([name]) => name === fact);
      assert.ok(entry, fact);
      return isProtocolAtLeast(version, entry[1], entry[2]);
    };
    test(`Bolt ${formatProtocolVersion(version)} states the facts of its version`, () => {
      const v3 = has('HELLO/BEGIN/GOODBYE, t_first/t_last, connection_id');
      const v51 = has('LOGON/LOGOFF, AUTHENTICATION');
      assert.equal(descriptor.hydration.temporalSpatial, has('temporal and spatial structs'));
      assert.equal(descriptor.authentication, v51 ? 'LOGON' : v3 ? 'HELLO' : 'INIT');
      assert.equal(descriptor.initialState, v51 ? 'NEGOTIATION' : 'CONNECTED');
      assert.equal(descriptor.transactions, v3 ? 'messages' : 'pseudo-statements');
      assert.equal(descriptor.timing.first, v3 ? 't_first' : 'result_available_after');
      assert.equal(descriptor.timing.last, v3 ? 't_last' : 'result_consumed_after');
      assert.equal(descriptor.helloSuccess.connectionId, v3);
      const v40 = has('PULL/DISCARD with n and qid, db in summaries');
      assert.equal(descriptor.streaming, v40 ? 'batches' : 'all');
      assert.equal(descriptor.multipleResults, v40);
      assert.equal(descriptor.dbInSummary, v40);
      assert.equal(descriptor.features.database, v40);
      assert.equal(descriptor.features.helloRouting, has('HELLO routing'));
      const v43 = has('ROUTE, hints, utc patch');
      const v50 = has('element ids, UTC DateTime');
      assert.equal(descriptor.helloSuccess.hints, v43);
      assert.equal(descriptor.helloSuccess.patchBolt, v43 && !v50);
      assert.equal(descriptor.features.patchBolt, v43 && !v50);
      assert.equal(descriptor.features.impersonation, has('imp_user, rt.db'));
      assert.equal(descriptor.dbInRoutingTable, has('imp_user, rt.db'));
      assert.equal(descriptor.hydration.elementIds, v50);
      const dateTime = !has('temporal and spatial structs')
        ? 'none'
        : v50
          ? 'utc'
          : v43
            ? 'legacy-or-utc-patch'
            : 'legacy';
      assert.equal(descriptor.hydration.dateTime, dateTime);
      assert.equal(descriptor.features.authInHello, v3 && !v51);
      assert.equal(descriptor.features.notificationConfig, has('notification filters'));
      assert.equal(descriptor.features.boltAgent, has('bolt_agent'));
      assert.equal(descriptor.helloSuccess.telemetryHint, has('TELEMETRY'));
      assert.equal(descriptor.notifications, has('statuses') ? 'statuses' : 'notifications');
      assert.equal(descriptor.failure, has('GQL FAILURE, protocol_version') ? 'gql' : 'legacy');
      assert.equal(
        descriptor.failure === 'gql',
        isProtocolAtLeast(version, GQL_FAILURE_SINCE.major, GQL_FAILURE_SINCE.minor),
        'the descriptor and failure.ts agree',
      );
      assert.equal(descriptor.helloSuccess.protocolVersion, has('GQL FAILURE, protocol_version'));
      assert.equal(descriptor.dbInBeginAndRun, has('db in BEGIN/RUN SUCCESS, ssr hint'));
      assert.equal(descriptor.helloSuccess.ssrHint, has('db in BEGIN/RUN SUCCESS, ssr hint'));
      assert.equal(descriptor.hydration.vectors, has('vectors'));
      assert.equal(descriptor.hydration.uuids, has('UUIDs (PackStream v2)'));
    });
  }
});

describe('the hydration shape of each descriptor', () => {
  test('agrees with the wire profile the hydration module derives', () => {
    for (const { version, hydration } of BOLT_VERSIONS) {
      const name = formatProtocolVersion(version);
      for (const utcPatch of [false, true]) {
        const profile = wireProfileOf(version, utcPatch, 'server');
        assert.equal(hydration.elementIds, profile.hasElementIds, name);
        assert.equal(hydration.temporalSpatial, profile.hasTemporalAndSpatial, name);
        assert.equal(hydration.vectors, profile.hasVectorAndUnsupportedType, name);
        assert.equal(hydration.uuids, profile.hasUuid, name);
        const utc =
          hydration.dateTime === 'utc' || (hydration.dateTime === 'legacy-or-utc-patch' && utcPatch);
        assert.equal(utc, profile.sendsUtcDateTime, `${name} utcPatch=${utcPatch}`);
      }
    }
  });
});
