// Cross-check with the official JS driver's PackStream codec (neo4j-driver-bolt-connection 6.3.0): values
// Quiver encodes decode correctly with the driver, values the driver packs decode correctly with Quiver, and
// for the same value both produce the same bytes (both claim the smallest encodings).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { toHex } from '../util/index.js';
import {
  DriverDateTime,
  DriverDecoder,
  DriverEncoder,
  boltV5Transformer,
  driverInt,
  driverStructure,
  fromDriverValue,
  isDriverInt,
  toDriverValue,
} from '../../bench/support/driver-codec.js';
import { packValueArbitrary, propertyParameters } from '../../test/fuzz/packstream-support.js';
import { Structure, decode, encode } from './index.js';

const driverEncoder = new DriverEncoder();
const bigIntDecoder = new DriverDecoder({ useBigInt: true });
const integerDecoder = new DriverDecoder({ useBigInt: false });

describe('Quiver and the official driver codec agree', () => {
  test('values encoded by Quiver decode to the same values with the driver (bigint mode)', () => {
    fc.assert(
      fc.property(packValueArbitrary, (value) => {
        assert.deepEqual(fromDriverValue(bigIntDecoder.decode(encode(value))), value);
      }),
      propertyParameters(200),
    );
  });

  test('values encoded by Quiver decode to the same values with the driver (lossless Integer mode)', () => {
    fc.assert(
      fc.property(packValueArbitrary, (value) => {
        assert.deepEqual(fromDriverValue(integerDecoder.decode(encode(value))), value);
      }),
      propertyParameters(200),
    );
  });

  test('values packed by the driver decode with Quiver, byte-identical to Quiver’s own encoding', () => {
    fc.assert(
      fc.property(packValueArbitrary, (value) => {
        const driverBytes = driverEncoder.encode(toDriverValue(value));
        assert.deepEqual(decode(driverBytes), value);
        assert.equal(toHex(driverBytes), toHex(encode(value)));
      }),
      propertyParameters(200),
    );
  });

  test('the driver packs JS numbers as floats and its Integers as ints, as Quiver decodes them', () => {
    const bytes = driverEncoder.encode({
      limit: 10,
      big: driverInt('9223372036854775807'),
      small: driverInt(-17),
    });
    assert.deepEqual(decode(bytes), { limit: 10, big: 2n ** 63n - 1n, small: -17n });
    assert.equal(typeof (decode(bytes) as { limit: unknown }).limit, 'number');
  });

  test('integers at every width boundary cross over in both directions', () => {
    for (let bits = 0; bits <= 63; bits++) {
      for (const value of [
        2n ** BigInt(bits) - 1n,
        2n ** BigInt(bits),
        -(2n ** BigInt(bits)),
        -(2n ** BigInt(bits)) - 1n,
      ]) {
        if (value < -(2n ** 63n) || value >= 2n ** 63n) continue;
        const fromDriver = integerDecoder.decode(encode(value));
        assert.ok(isDriverInt(fromDriver));
        assert.equal(fromDriver.toBigInt(), value);
        assert.equal(decode(driverEncoder.encode(driverInt(value))), value);
      }
    }
  });
});

describe('Quiver structures and the driver’s Bolt 5 hydration', () => {
  const transformer = boltV5Transformer(true);

  test('a Node structure encoded by Quiver hydrates into a driver Node', () => {
    const bytes = encode(
      new Structure(0x4e, [42n, ['Person', 'Admin'], { name: 'Zoë', age: 41n, score: 0.5 }, '4:db:42']),
    );
    const node = bigIntDecoder.decode(bytes, transformer) as Record<string, unknown>;
    assert.equal(node.constructor.name, 'Node');
    assert.equal(node['identity'], 42n);
    assert.deepEqual(node['labels'], ['Person', 'Admin']);
    assert.deepEqual(node['properties'], { name: 'Zoë', age: 41n, score: 0.5 });
    assert.equal(node['elementId'], '4:db:42');
  });

  test('a driver DateTime dehydrates to the Appendix A bytes that Quiver decodes as struct 0x49', () => {
    const bytes = driverEncoder.encode(
      new DriverDateTime(1970, 1, 1, 2, 15, 0, 42, 3600),
      boltV5Transformer(false),
    );
    assert.equal(toHex(bytes), 'b3 49 c9 11 94 2a c9 0e 10');
    assert.deepEqual(decode(bytes), new Structure(0x49, [4500n, 42n, 3600n]));
  });

  test('generic driver structures with any tag and fields decode as Quiver structures', () => {
    const bytes = driverEncoder.encode(driverStructure(0x7f, [driverInt(1), 'x', [null, true], { k: 1.5 }]));
    assert.deepEqual(decode(bytes), new Structure(0x7f, [1n, 'x', [null, true], { k: 1.5 }]));
  });
});
