import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  compareProtocolVersions,
  formatProtocolVersion,
  isProtocolAtLeast,
  isSameProtocolVersion,
  PENDING_PROTOCOL_VERSIONS,
  protocolVersion,
  QUIVER_PROTOCOL_VERSIONS,
} from './protocol-version.js';

test('versions format as major.minor', () => {
  assert.equal(formatProtocolVersion(protocolVersion(5, 8)), '5.8');
  assert.equal(formatProtocolVersion(protocolVersion(3, 0)), '3.0');
});

test('versions compare by major first, then minor', () => {
  assert.ok(compareProtocolVersions(protocolVersion(4, 4), protocolVersion(5, 0)) < 0);
  assert.ok(compareProtocolVersions(protocolVersion(5, 10), protocolVersion(5, 8)) > 0);
  assert.equal(compareProtocolVersions(protocolVersion(6, 0), protocolVersion(6, 0)), 0);
  assert.ok(isProtocolAtLeast(protocolVersion(4, 1), 4, 1));
  assert.ok(isProtocolAtLeast(protocolVersion(5, 0), 4, 1));
  assert.ok(!isProtocolAtLeast(protocolVersion(4, 0), 4, 1));
  assert.ok(!isProtocolAtLeast(protocolVersion(3, 0), 4, 1));
  assert.ok(isSameProtocolVersion(protocolVersion(5, 8), { major: 5, minor: 8 }));
});

test('Quiver negotiates Bolt 1 to 6.0, oldest first, without 5.5 or 6.1', () => {
  assert.deepEqual(QUIVER_PROTOCOL_VERSIONS.map(formatProtocolVersion), [
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
  ]);
  assert.deepEqual(
    PENDING_PROTOCOL_VERSIONS.map((entry) => formatProtocolVersion(entry.version)),
    ['6.1'],
  );
  assert.ok(Object.isFrozen(QUIVER_PROTOCOL_VERSIONS));
});
