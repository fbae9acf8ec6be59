import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encode, Packer } from '../../packstream/index.js';
import { toHex } from '../../util/index.js';
import {
  CypherDate,
  DateTime,
  Duration,
  LocalDateTime,
  LocalTime,
  Node,
  Path,
  Point,
  Relationship,
  Time,
  Vector,
} from '../../values/index.js';
import { protocolVersion } from '../protocol-version.js';
import { createHydration, type HydrationOptions } from './create-hydration.js';
import { UnsupportedType } from './unsupported-type.js';

const alice = new Node({
  id: 1n,
  elementId: '4:db:1',
  labels: ['Person', 'Admin'],
  properties: { name: 'Alice', born: new CypherDate(-3n), tags: ['a', 'b'] },
});
const bob = new Node({ id: 2n, labels: ['Person'] });
const knows = new Relationship({
  id: 7n,
  elementId: '5:db:7',
  startNodeId: 1n,
  startNodeElementId: '4:db:1',
  endNodeId: 2n,
  endNodeElementId: '4:db:2',
  type: 'KNOWS',
  properties: { since: 2020n, at: new Point(7203, 1, 2) },
});

/** One value of every kind a server sends, nested the way results nest them. */
const VALUES: readonly unknown[] = [
  alice,
  bob,
  knows,
  new Path([alice, bob], [knows]),
  [alice, { friend: bob, rel: knows }],
  new DateTime(4500n, 42, 3600),
  new DateTime(4500n, 42, 'Europe/Paris'),
  new LocalDateTime(-1n, 999_999_999),
  new LocalTime(3_600_000_000_001n),
  new Time(60_000_000_000, -3600),
  new Duration(14n, -3n, 59n, 1),
  new Point(9157, 1, 2, 3),
  new Vector(new Float32Array([1, 2])),
  new UnsupportedType('UUID', protocolVersion(6, 1)),
  new Map([['not', 'a value']]),
];

const OPTIONS: readonly HydrationOptions[] = [
  { version: protocolVersion(1, 0) },
  { version: protocolVersion(2, 0) },
  { version: protocolVersion(4, 4) },
  { version: protocolVersion(4, 4), utcPatch: true },
  { version: protocolVersion(5, 0) },
  { version: protocolVersion(5, 8) },
  { version: protocolVersion(6, 0) },
  { version: protocolVersion(6, 0), role: 'client' },
];

/** The bytes, or the error's class and message. */
function outcome(pack: () => Uint8Array): string {
  try {
    return toHex(pack());
  } catch (error) {
    return error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error);
  }
}

test('writeObject packs the same bytes, or throws the same error, as dehydrate for every value and version', () => {
  for (const options of OPTIONS) {
    const hydration = createHydration(options);
    for (const value of VALUES) {
      const expected = outcome(() => encode(value, { dehydrate: hydration.dehydrate }));
      const actual = outcome(() => {
        const packer = new Packer({ writeObject: hydration.writeObject });
        packer.packValue(value);
        return packer.takeBytes();
      });
      assert.equal(actual, expected, `${JSON.stringify(options)}: ${String(value)}`);
    }
  }
});

test('a node is sent without element id before 5.0 and with it from 5.0, field by field', () => {
  const pack = (options: HydrationOptions): string => {
    const packer = new Packer({ writeObject: createHydration(options).writeObject });
    packer.packValue(bob);
    return toHex(packer.takeBytes());
  };
  assert.equal(pack({ version: protocolVersion(4, 4) }), 'b3 4e 02 91 86 50 65 72 73 6f 6e a0');
  assert.equal(pack({ version: protocolVersion(5, 0) }), 'b4 4e 02 91 86 50 65 72 73 6f 6e a0 81 32');
});
