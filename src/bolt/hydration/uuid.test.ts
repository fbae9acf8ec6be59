import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { PackStreamError, ProtocolError } from '../../errors/index.js';
import { decode, encode } from '../../packstream/index.js';
import { Uuid } from '../../values/index.js';
import { formatProtocolVersion, protocolVersion, type ProtocolVersion } from '../protocol-version.js';
import { createHydration, type Hydration } from './create-hydration.js';
import { UnsupportedType } from './unsupported-type.js';
import { uuidValue } from '../../../test/support/value-arbitraries.js';

const V6_1 = protocolVersion(6, 1);
const UUID_TEXT = '550e8400-e29b-41d4-a716-446655440000';

function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

function encodeWith(hydration: Hydration, value: unknown): Uint8Array {
  return encode(value, { dehydrate: hydration.dehydrate, writeObject: hydration.writeObject });
}

function decodeWith(hydration: Hydration, bytes: Uint8Array): unknown {
  return decode(bytes, { hydrate: hydration.hydrate, readUuid: hydration.readUuid });
}

test('over Bolt 6.1 a UUID is marker E0 and its 16 bytes, most significant first, both ways', () => {
  for (const role of ['server', 'client'] as const) {
    const bytes = encodeWith(createHydration({ version: V6_1, role }), Uuid.parse(UUID_TEXT));
    assert.equal(toHex(bytes), `e0${UUID_TEXT.replaceAll('-', '')}`);
  }
  const inList = encodeWith(createHydration({ version: V6_1 }), [Uuid.parse(UUID_TEXT), null]);
  assert.equal(toHex(inList), `92e0${UUID_TEXT.replaceAll('-', '')}c0`);
  fc.assert(
    fc.property(uuidValue(), fc.constantFrom('server' as const, 'client' as const), (value, from) => {
      const sender = createHydration({ version: V6_1, role: from });
      const receiver = createHydration({ version: V6_1, role: from === 'server' ? 'client' : 'server' });
      const decoded = decodeWith(receiver, encodeWith(sender, { id: value, ids: [value] }));
      assert.deepEqual(decoded, { id: value, ids: [value] });
      assert.ok((decoded as { id: Uuid }).id instanceof Uuid);
    }),
  );
});

test('a UUID that ends early is UNEXPECTED_END', () => {
  const hydration = createHydration({ version: V6_1 });
  assert.throws(
    () => decodeWith(hydration, Buffer.from('e0550e8400e29b41d4a71644665544', 'hex')),
    (error: unknown) => error instanceof PackStreamError && error.reason === 'UNEXPECTED_END',
  );
});

test('before 6.1 the E0 marker stays reserved for both sides', () => {
  const bytes = Buffer.from(`e0${UUID_TEXT.replaceAll('-', '')}`, 'hex');
  for (const version of [protocolVersion(4, 4), protocolVersion(5, 8), protocolVersion(6, 0)]) {
    for (const role of ['server', 'client'] as const) {
      assert.throws(
        () => decodeWith(createHydration({ version, role }), bytes),
        (error: unknown) => error instanceof PackStreamError && error.reason === 'RESERVED_MARKER',
        `${formatProtocolVersion(version)} ${role}`,
      );
    }
  }
});

test('a 6.0 server sends a UUID as the UnsupportedType placeholder naming 6.1', () => {
  const server = createHydration({ version: protocolVersion(6, 0) });
  const client = createHydration({ version: protocolVersion(6, 0), role: 'client' });
  const decoded = decodeWith(client, encodeWith(server, [Uuid.parse(UUID_TEXT)]));
  assert.ok(Array.isArray(decoded));
  const placeholder = decoded[0] as unknown;
  assert.ok(placeholder instanceof UnsupportedType);
  assert.equal(placeholder.name, 'UUID');
  assert.deepEqual(placeholder.minimumVersion, V6_1);
});

test('a UUID cannot be sent before 6.0, nor by a 6.0 client: the query fails, the connection stays', () => {
  const cases: readonly (readonly [ProtocolVersion, 'server' | 'client'])[] = [
    [protocolVersion(3, 0), 'server'],
    [protocolVersion(4, 4), 'server'],
    [protocolVersion(5, 8), 'server'],
    [protocolVersion(5, 8), 'client'],
    [protocolVersion(6, 0), 'client'],
  ];
  for (const [version, role] of cases) {
    assert.throws(
      () => encodeWith(createHydration({ version, role }), Uuid.parse(UUID_TEXT)),
      (error: unknown) =>
        error instanceof ProtocolError &&
        error.message.includes('UUID is not supported in Bolt protocol version'),
      `${formatProtocolVersion(version)} ${role}`,
    );
  }
});
