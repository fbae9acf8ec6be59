import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CypherArgumentError, PackStreamError, ProtocolError } from '../../errors/index.js';
import { decode, encode, Structure } from '../../packstream/index.js';
import { fromHex, toHex } from '../../util/index.js';
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
import { UnboundRelationship } from './graph.js';
import { UnsupportedType } from './unsupported-type.js';

const V1 = protocolVersion(1, 0);
const V2 = protocolVersion(2, 0);
const V4_2 = protocolVersion(4, 2);
const V4_4 = protocolVersion(4, 4);
const V5_0 = protocolVersion(5, 0);
const V5_8 = protocolVersion(5, 8);
const V6_0 = protocolVersion(6, 0);

/** What a server sends on this connection, as hex. */
function sent(value: unknown, options: HydrationOptions): string {
  return toHex(encode(value, { dehydrate: createHydration(options).dehydrate }));
}

/** What the given side reads from hex. */
function received(hex: string, options: HydrationOptions): unknown {
  return decode(fromHex(hex), { hydrate: createHydration(options).hydrate });
}

function throwsReason(action: () => unknown, reason: string): void {
  assert.throws(action, (error: unknown) => error instanceof PackStreamError && error.reason === reason);
}

const INSTANT = new DateTime(4500n, 42, 3600); // 1970-01-01T02:15:00.000000042+01:00
const UTC_FORM = 'b3 49 c9 11 94 2a c9 0e 10';
const LEGACY_FORM = 'b3 46 c9 1f a4 2a c9 0e 10'; // local seconds 8100

test('DateTime uses the UTC form 0x49 from Bolt 5.0 (the digest example)', () => {
  assert.equal(sent(INSTANT, { version: V5_0 }), UTC_FORM);
  assert.equal(sent(INSTANT, { version: V6_0 }), UTC_FORM);
  assert.deepEqual(received(UTC_FORM, { version: V5_0 }), INSTANT);
});

test('DateTime uses the legacy form 0x46 (local seconds) before 5.0 unless the utc patch is agreed', () => {
  assert.equal(sent(INSTANT, { version: V2 }), LEGACY_FORM);
  assert.equal(sent(INSTANT, { version: V4_4 }), LEGACY_FORM);
  assert.equal(sent(INSTANT, { version: V4_4, utcPatch: true }), UTC_FORM);
  assert.equal(
    sent(INSTANT, { version: V4_2, utcPatch: true }),
    LEGACY_FORM,
    'the patch exists from 4.3 only',
  );
});

test('both DateTime forms are read on any version with temporal types, by their tag', () => {
  for (const version of [V2, V4_4, V5_0, V6_0]) {
    assert.deepEqual(received(UTC_FORM, { version }), INSTANT);
    assert.deepEqual(received(LEGACY_FORM, { version }), INSTANT);
  }
});

test('zone-id DateTimes use 0x69 with UTC seconds and 0x66 with local seconds', () => {
  const london = new DateTime(1_700_000_000n, 5, 'Europe/London'); // winter: offset 0
  const summer = new DateTime(1_690_000_000n, 0, 'Europe/London'); // summer: offset +1h
  assert.deepEqual(
    decode(fromHex(sent(london, { version: V5_0 }))),
    new Structure(0x69, [1_700_000_000n, 5n, 'Europe/London']),
  );
  assert.deepEqual(
    decode(fromHex(sent(summer, { version: V4_4 }))),
    new Structure(0x66, [1_690_003_600n, 0n, 'Europe/London']),
  );
  assert.deepEqual(received(sent(summer, { version: V4_4 }), { version: V4_4 }), summer);
});

test('Node, Date, DateTime and Point2D give the Appendix A bytes', () => {
  const node = new Node({ id: 1n, labels: ['A'], properties: {}, elementId: '1' });
  assert.equal(sent(node, { version: V4_4 }), 'b3 4e 01 91 81 41 a0');
  assert.equal(sent(node, { version: V5_0 }), 'b4 4e 01 91 81 41 a0 81 31');
  assert.equal(sent(new CypherDate(1), { version: V5_8 }), 'b1 44 01');
  assert.equal(
    sent(new Point(7203, 1.0, 2.0), { version: V5_8 }),
    'b3 58 c9 1c 23 c1 3f f0 00 00 00 00 00 00 c1 40 00 00 00 00 00 00 00',
  );
  assert.deepEqual(received('b4 4e 01 91 81 41 a0 81 31', { version: V5_0, role: 'client' }), node);
  assert.deepEqual(received('b3 4e 01 91 81 41 a0', { version: V4_4, role: 'client' }), node);
});

test('relationships carry element ids of themselves and both ends from 5.0', () => {
  const relationship = new Relationship({
    id: 7n,
    elementId: 'r7',
    startNodeId: 1n,
    startNodeElementId: 'n1',
    endNodeId: 2n,
    endNodeElementId: 'n2',
    type: 'T',
  });
  assert.equal(sent(relationship, { version: V4_4 }), 'b5 52 07 01 02 81 54 a0');
  assert.equal(sent(relationship, { version: V5_0 }), 'b8 52 07 01 02 81 54 a0 82 72 37 82 6e 31 82 6e 32');
  assert.deepEqual(
    received(sent(relationship, { version: V5_0 }), { version: V5_0, role: 'client' }),
    relationship,
  );
});

test('the other temporal values have their documented fields', () => {
  const cases: readonly (readonly [value: object, fields: Structure])[] = [
    [new LocalTime(3_600_000_000_001n), new Structure(0x74, [3_600_000_000_001n])],
    [new Time(60_000_000_000, -3600), new Structure(0x54, [60_000_000_000n, -3600n])],
    [new LocalDateTime(-1n, 999_999_999), new Structure(0x64, [-1n, 999_999_999n])],
    [new Duration(14n, -3n, 59n, 1), new Structure(0x45, [14n, -3n, 59n, 1n])],
    [new Point(9157, 1, 2, 3), new Structure(0x59, [9157n, 1, 2, 3])],
  ];
  for (const [value, structure] of cases) {
    assert.deepEqual(decode(fromHex(sent(value, { version: V2 }))), structure);
    assert.deepEqual(received(toHex(encode(structure)), { version: V2 }), value);
  }
});

test('a Bolt 6 vector is a 1-byte type marker and big-endian data (the digest example)', () => {
  const vector = new Vector(new Float32Array([1, 2]));
  assert.equal(sent(vector, { version: V6_0 }), 'b2 56 cc 01 c6 cc 08 3f 80 00 00 40 00 00 00');
  assert.deepEqual(received('b2 56 cc 01 c6 cc 08 3f 80 00 00 40 00 00 00', { version: V6_0 }), vector);
  const int16 = new Vector(new Int16Array([-2, 258]));
  assert.equal(sent(int16, { version: V6_0 }), 'b2 56 cc 01 c9 cc 04 ff fe 01 02');
});

test('malformed vectors are refused', () => {
  throwsReason(() => received('b2 56 cc 01 c7 cc 00', { version: V6_0 }), 'INVALID_STRUCTURE');
  throwsReason(() => received('b2 56 cc 02 c6 c6 cc 00', { version: V6_0 }), 'INVALID_STRUCTURE');
  throwsReason(() => received('b2 56 cc 01 c9 cc 03 00 01 02', { version: V6_0 }), 'INVALID_STRUCTURE');
  assert.throws(() => received('b2 56 cc 01 c9 cc 00', { version: V6_0 }), CypherArgumentError);
});

test('a path lists each node and relationship once, with signed 1-based rel refs and 0-based node indices', () => {
  const n42 = new Node({ id: 42n, elementId: 'n42' });
  const n69 = new Node({ id: 69n, elementId: 'n69' });
  const n1 = new Node({ id: 1n, elementId: 'n1' });
  const bind = (id: bigint, start: Node, end: Node): Relationship =>
    new Relationship({
      id,
      elementId: `r${id}`,
      type: 'KNOWS',
      startNodeId: start.id,
      startNodeElementId: start.elementId,
      endNodeId: end.id,
      endNodeElementId: end.elementId,
    });
  const r1000 = bind(1000n, n42, n69);
  const r1001 = bind(1001n, n1, n69);
  // (42)-[1000]->(69)<-[1001]-(1)-[1001]->(69)<-[1000]-(42)
  const path = new Path([n42, n69, n1, n69, n42], [r1000, r1001, r1001, r1000]);
  const structure = decode(fromHex(sent(path, { version: V5_0 })));
  assert.ok(structure instanceof Structure);
  assert.equal(structure.tag, 0x50);
  const [nodes, rels, indices] = structure.fields as [Structure[], Structure[], bigint[]];
  assert.deepEqual(
    nodes.map((node) => node.fields[0]),
    [42n, 69n, 1n],
  );
  assert.deepEqual(rels, [
    new Structure(0x72, [1000n, 'KNOWS', {}, 'r1000']),
    new Structure(0x72, [1001n, 'KNOWS', {}, 'r1001']),
  ]);
  assert.deepEqual(indices, [1n, 1n, -2n, 2n, 2n, 1n, -1n, 0n]);
  assert.deepEqual(received(sent(path, { version: V5_0 }), { version: V5_0, role: 'client' }), path);
  const legacy = received(sent(path, { version: V4_4 }), { version: V4_4, role: 'client' });
  assert.ok(legacy instanceof Path);
  assert.deepEqual(
    legacy.relationships.map((relationship) => [relationship.startNodeId, relationship.endNodeId]),
    [
      [42n, 69n],
      [1n, 69n],
      [1n, 69n],
      [42n, 69n],
    ],
  );
});

test('a self-loop and a zero-length path round trip', () => {
  const node = new Node({ id: 5n });
  const loop = new Relationship({ id: 9n, startNodeId: 5n, endNodeId: 5n, type: 'SELF' });
  for (const path of [new Path([node], []), new Path([node, node], [loop])]) {
    assert.deepEqual(received(sent(path, { version: V5_8 }), { version: V5_8, role: 'client' }), path);
  }
  const loopIndices = (decode(fromHex(sent(new Path([node, node], [loop]), { version: V5_8 }))) as Structure)
    .fields[2];
  assert.deepEqual(loopIndices, [1n, 0n]);
});

test('malformed paths are refused', () => {
  const client = createHydration({ version: V5_0, role: 'client' });
  const node = new Node({ id: 1n });
  const other = new Node({ id: 2n });
  const unbound = new UnboundRelationship(3n, '3', 'T', {});
  const cases: readonly unknown[][] = [
    [[], [], []],
    [[node, other], [unbound], [1n]],
    [[node, other], [unbound], [0n, 1n]],
    [[node, other], [unbound], [2n, 1n]],
    [[node, other], [unbound], [1n, 2n]],
    [[node, other], ['x'], [1n, 1n]],
  ];
  for (const fields of cases) throwsReason(() => client.hydrate(0x50, fields), 'INVALID_STRUCTURE');
});

test('wrong field counts or field types are INVALID_STRUCTURE', () => {
  const server = createHydration({ version: V5_8 });
  const client = createHydration({ version: V5_8, role: 'client' });
  throwsReason(() => server.hydrate(0x44, [1n, 2n]), 'INVALID_STRUCTURE');
  throwsReason(() => server.hydrate(0x44, ['1']), 'INVALID_STRUCTURE');
  throwsReason(() => server.hydrate(0x58, [7203n, 1n, 2n]), 'INVALID_STRUCTURE');
  throwsReason(() => server.hydrate(0x54, [1n]), 'INVALID_STRUCTURE');
  throwsReason(() => server.hydrate(0x69, [1n, 0n, 3600n]), 'INVALID_STRUCTURE');
  throwsReason(() => client.hydrate(0x4e, [1n, ['A'], {}]), 'INVALID_STRUCTURE');
  throwsReason(() => client.hydrate(0x4e, [1n, [1n], {}, '1']), 'INVALID_STRUCTURE');
  throwsReason(() => client.hydrate(0x4e, [1n, ['A'], [], '1']), 'INVALID_STRUCTURE');
});

test('values out of a type range are refused by the value classes', () => {
  const server = createHydration({ version: V5_8 });
  assert.throws(() => server.hydrate(0x44, [1n << 50n]), CypherArgumentError);
  assert.throws(() => server.hydrate(0x58, [1234n, 1, 2]), CypherArgumentError);
  assert.throws(() => server.hydrate(0x49, [0n, 0n, 1n << 60n]), CypherArgumentError);
  assert.throws(() => server.hydrate(0x69, [0n, 0n, 'Not/AZone']), CypherArgumentError);
});

test('tags unknown to the version are refused', () => {
  throwsReason(() => createHydration({ version: V1 }).hydrate(0x44, [1n]), 'INVALID_STRUCTURE');
  throwsReason(
    () => createHydration({ version: V5_8 }).hydrate(0x56, [Uint8Array.of(0xc1), new Uint8Array(8)]),
    'INVALID_STRUCTURE',
  );
  throwsReason(() => createHydration({ version: V6_0 }).hydrate(0x01, []), 'INVALID_STRUCTURE');
});

test('a server refuses graph entities from clients, a client refuses to send them', () => {
  const server = createHydration({ version: V5_8 });
  throwsReason(() => server.hydrate(0x4e, [1n, [], {}, '1']), 'INVALID_STRUCTURE');
  throwsReason(() => server.hydrate(0x50, [[], [], []]), 'INVALID_STRUCTURE');
  throwsReason(
    () => createHydration({ version: V6_0 }).hydrate(0x3f, ['UUID', 6n, 1n, {}]),
    'INVALID_STRUCTURE',
  );
  const client = createHydration({ version: V5_8, role: 'client' });
  throwsReason(() => client.dehydrate(new Node({ id: 1n })), 'UNENCODABLE_VALUE');
  assert.deepEqual(client.dehydrate(new CypherDate(3)), new Structure(0x44, [3n]));
});

test('values a version cannot carry fail with Request.Invalid naming the version needed', () => {
  const cases: readonly (readonly [
    version: ReturnType<typeof protocolVersion>,
    value: object,
    needed: string,
  ])[] = [
    [V1, new CypherDate(1), '2.0'],
    [V1, INSTANT, '2.0'],
    [V1, new Point(7203, 1, 2), '2.0'],
    [V5_8, new Vector(new Int8Array([1])), '6.0'],
    [V5_8, new UnsupportedType('UUID', protocolVersion(6, 1)), '6.0'],
  ];
  for (const [version, value, needed] of cases) {
    assert.throws(
      () => createHydration({ version }).dehydrate(value),
      (error: unknown) =>
        error instanceof ProtocolError &&
        !(error instanceof PackStreamError) &&
        error.code === 'Neo.ClientError.Request.Invalid' &&
        error.message.includes(`at least protocol version ${needed}`),
    );
  }
  assert.deepEqual(
    createHydration({ version: V1 }).dehydrate(new Node({ id: 1n })),
    new Structure(0x4e, [1n, [], {}]),
  );
});

test('UnsupportedType round trips between a 6.0 server and client', () => {
  const value = new UnsupportedType('UUID', protocolVersion(6, 1), 'needs Bolt 6.1');
  const hex = sent(value, { version: V6_0 });
  assert.equal(hex.slice(0, 5), 'b4 3f');
  assert.deepEqual(received(hex, { version: V6_0, role: 'client' }), value);
  const bare = new UnsupportedType('UUID', protocolVersion(6, 1));
  assert.deepEqual(received(sent(bare, { version: V6_0 }), { version: V6_0, role: 'client' }), bare);
  throwsReason(
    () => createHydration({ version: V6_0, role: 'client' }).hydrate(0x3f, ['X', 6n, 1n, { message: 1n }]),
    'INVALID_STRUCTURE',
  );
});

test('objects that are not Bolt values are unencodable', () => {
  throwsReason(() => createHydration({ version: V5_8 }).dehydrate(new Map()), 'UNENCODABLE_VALUE');
  throwsReason(
    () => createHydration({ version: V5_8 }).dehydrate(new globalThis.Date()),
    'UNENCODABLE_VALUE',
  );
});
