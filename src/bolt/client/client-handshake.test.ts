import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fromHex, toHex } from '../../util/index.js';
import { protocolVersion } from '../protocol-version.js';
import { SUPPORTED_PROTOCOL_VERSIONS } from '../versions/index.js';
import { ClientHandshake, DEFAULT_PROPOSALS, encodeHandshakeRequest } from './client-handshake.js';

const MODERN = SUPPORTED_PROTOCOL_VERSIONS.filter((version) => version.major >= 3);

describe('client handshake', () => {
  test('the default proposals are those of the newest drivers', () => {
    assert.equal(
      toHex(encodeHandshakeRequest(DEFAULT_PROPOSALS)),
      '60 60 b0 17 00 00 01 ff 00 08 08 05 00 02 04 04 00 00 00 03',
    );
  });

  test('a legacy reply inside a proposed range is agreed', () => {
    const handshake = new ClientHandshake(DEFAULT_PROPOSALS, MODERN);
    assert.deepEqual(handshake.push(fromHex('00 00')), { status: 'PENDING' });
    const step = handshake.push(fromHex('04 05'));
    assert.ok(step.status === 'AGREED');
    assert.deepEqual(step.version, protocolVersion(5, 4));
    assert.equal(step.viaManifest, false);
    assert.equal(step.reply, null);
  });

  test('a version that was not proposed, zero and HTTP replies fail', () => {
    for (const reply of ['00 00 00 07', '00 00 00 00', '48 54 54 50', '00 01 04 04']) {
      const step = new ClientHandshake(DEFAULT_PROPOSALS, MODERN).push(fromHex(reply));
      assert.equal(step.status, 'FAILED', reply);
    }
  });

  test('from a manifest the newest common version is chosen and answered with capabilities 0', () => {
    const handshake = new ClientHandshake(DEFAULT_PROPOSALS, MODERN);
    const manifest = fromHex('00 00 01 FF 05 00 00 00 03 00 04 04 04 00 04 04 05 00 02 08 05 00 01 01 06 00');
    // Fed byte by byte: every prefix is PENDING until the capability varint arrives.
    for (let index = 0; index < manifest.length - 1; index++) {
      assert.equal(handshake.push(manifest.subarray(index, index + 1)).status, 'PENDING');
    }
    const step = handshake.push(manifest.subarray(manifest.length - 1));
    assert.ok(step.status === 'AGREED');
    assert.deepEqual(step.version, protocolVersion(6, 1));
    assert.equal(step.viaManifest, true);
    assert.equal(toHex(step.reply ?? new Uint8Array(0)), '00 00 01 06 00');
  });

  test('a manifest without a common version is answered with 00 00 00 00 00 and fails', () => {
    const handshake = new ClientHandshake(DEFAULT_PROPOSALS, [protocolVersion(3, 0)]);
    const step = handshake.push(fromHex('00 00 01 FF 01 00 02 08 05 00'));
    assert.ok(step.status === 'FAILED');
    assert.equal(toHex(step.reply ?? new Uint8Array(0)), '00 00 00 00 00');
  });
});
