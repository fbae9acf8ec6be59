import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Packer, Structure } from '../../packstream/index.js';
import { fromHex } from '../../util/index.js';
import { writeIgnored } from './ignored.js';
import { writeRecord } from './record.js';
import { writeSuccess, writeSuccessHeader } from './success.js';

function bytesOf(write: (packer: Packer) => void): Uint8Array {
  const packer = new Packer();
  write(packer);
  return packer.takeBytes();
}

describe('response writers', () => {
  test('write SUCCESS, RECORD and IGNORED as in Appendix A', () => {
    assert.deepEqual(
      bytesOf((packer) => {
        writeSuccess(packer, {});
      }),
      fromHex('B1 70 A0'),
    );
    assert.deepEqual(
      bytesOf((packer) => {
        writeRecord(packer, [1n]);
      }),
      fromHex('B1 71 91 01'),
    );
    assert.deepEqual(bytesOf(writeIgnored), fromHex('B0 7E'));
  });

  test('write a SUCCESS map entry by entry after its header', () => {
    const direct = bytesOf((packer) => {
      writeSuccessHeader(packer, 2);
      packer.packString('fields');
      packer.writeListHeader(1);
      packer.packString('n');
      packer.packString('t_first');
      packer.packInteger(0);
    });
    assert.deepEqual(direct, fromHex('B1 70 A2 86 66 69 65 6C 64 73 91 81 6E 87 74 5F 66 69 72 73 74 00'));
  });

  test('keep floats and integers apart in records', () => {
    assert.deepEqual(
      bytesOf((packer) => {
        writeRecord(packer, [1.0, 1n, null, 'x']);
      }),
      fromHex('B1 71 94 C1 3F F0 00 00 00 00 00 00 01 C0 81 78'),
    );
  });

  for (const count of [0, 1, 15, 16, 255, 256]) {
    test(`write a RECORD of ${count} values exactly like the generic struct encoding`, () => {
      const values = Array.from({ length: count }, (_, index) => BigInt(index));
      const generic = bytesOf((packer) => {
        packer.packValue(new Structure(0x71, [values]));
      });
      assert.deepEqual(
        bytesOf((packer) => {
          writeRecord(packer, values);
        }),
        generic,
      );
    });
  }
});
