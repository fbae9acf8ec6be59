// Every PackStreamErrorReason has a way to be provoked; the Record type makes this list exhaustive, so a
// new reason in src/errors fails to compile here until a test provokes it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PackStreamError, Status, type PackStreamErrorReason } from '../errors/index.js';
import { fromHex } from '../util/index.js';
import { Packer, Structure, Unpacker, decode, encode } from './index.js';

const provokers: Record<PackStreamErrorReason, () => unknown> = {
  UNEXPECTED_END: () => decode(fromHex('D0 05 61')),
  RESERVED_MARKER: () => decode(fromHex('E0')),
  SIZE_LIMIT: () => decode(fromHex('D2 7F FF FF FF')),
  DEPTH_LIMIT: () => new Unpacker({ limits: { maxDepth: 1 } }).unpack(fromHex('91 91 01')),
  INVALID_UTF8: () => decode(fromHex('82 C3 28')),
  INVALID_MAP_KEY: () => decode(fromHex('A1 01 01')),
  INVALID_STRUCTURE: () => encode(new Structure(200, [])),
  TRAILING_BYTES: () => decode(fromHex('C0 C0')),
  UNENCODABLE_VALUE: () => {
    new Packer().packValue(Symbol('x'));
  },
};

for (const [reason, provoke] of Object.entries(provokers)) {
  test(`${reason} is raised as a PackStreamError with status Request.InvalidFormat`, () => {
    assert.throws(provoke, (error: unknown) => {
      assert.ok(error instanceof PackStreamError);
      assert.equal(error.reason, reason);
      assert.equal(error.status, Status.RequestInvalidFormat);
      return true;
    });
  });
}
