import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toHex } from '../../util/index.js';
import { protocolVersion } from '../protocol-version.js';
import { encodeManifestReply, encodeVersionRanges, manifestVersions } from './version-negotiation.js';
import { SUPPORTED_PROTOCOL_VERSIONS } from '../versions/index.js';

const v = protocolVersion;

test('our versions compress into the canonical ascending ranges of the digest', () => {
  assert.deepEqual(encodeVersionRanges(manifestVersions(SUPPORTED_PROTOCOL_VERSIONS)).map(toHex), [
    '00 00 00 03',
    '00 04 04 04',
    '00 04 04 05',
    '00 02 08 05',
    '00 01 01 06',
  ]);
});

test('the manifest leaves out Bolt 1 and 2', () => {
  const offered = manifestVersions(SUPPORTED_PROTOCOL_VERSIONS);
  assert.ok(offered.every((version) => version.major >= 3));
  assert.equal(offered.length, SUPPORTED_PROTOCOL_VERSIONS.length - 2);
});

test('ranges ignore order and duplicates and break at gaps and majors', () => {
  const versions = [v(5, 2), v(4, 4), v(5, 0), v(5, 1), v(5, 2), v(4, 2), v(7, 0), v(5, 9)];
  assert.deepEqual(encodeVersionRanges(versions).map(toHex), [
    '00 00 02 04',
    '00 00 04 04',
    '00 02 02 05',
    '00 00 09 05',
    '00 00 00 07',
  ]);
  assert.deepEqual(encodeVersionRanges([]), []);
});

test('the manifest reply carries the entry count and the capability mask as varints', () => {
  const many = Array.from({ length: 130 }, (_, index) => v(3 + index, 0));
  const reply = encodeManifestReply(many, 128n);
  assert.equal(toHex(reply.subarray(0, 6)), '00 00 01 ff 82 01');
  assert.equal(reply.length, 4 + 2 + 130 * 4 + 2);
  assert.equal(toHex(reply.subarray(-2)), '80 01');
});

test('a supported list with a version that cannot be written in a proposal is refused', () => {
  assert.throws(() => encodeVersionRanges([v(0xff, 0)]), { name: 'InternalError' });
  assert.throws(() => encodeVersionRanges([v(5, 256)]), { name: 'InternalError' });
});
