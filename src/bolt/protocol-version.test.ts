import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  compareProtocolVersions,
  formatProtocolVersion,
  isProtocolAtLeast,
  isSameProtocolVersion,
  PENDING_PROTOCOL_VERSIONS,
  protocolVersion,
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

test('no known version is pending (6.1 moved to the negotiated ones)', () => {
  assert.deepEqual(PENDING_PROTOCOL_VERSIONS, []);
});
