import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { decode, encode } from '../../packstream/index.js';
import { DateTime, Node, Path, Relationship, type CypherMap, type CypherValue } from '../../values/index.js';
import { formatProtocolVersion, protocolVersion } from '../protocol-version.js';
import { createHydration, type HydrationOptions } from './create-hydration.js';
import * as values from '../../../test/support/value-arbitraries.js';
import { asStoredPath, revisitingPath } from './revisiting-path.fixture.js';

/** Connections to check: every DateTime form and both graph entity shapes. */
const CONNECTIONS: readonly HydrationOptions[] = [
  { version: protocolVersion(2, 0) },
  { version: protocolVersion(4, 4) },
  { version: protocolVersion(4, 4), utcPatch: true },
  { version: protocolVersion(5, 0) },
  { version: protocolVersion(5, 8) },
  { version: protocolVersion(6, 0) },
  { version: protocolVersion(6, 1) },
];

function label(options: HydrationOptions): string {
  return `Bolt ${formatProtocolVersion(options.version)}${options.utcPatch === true ? ' + utc' : ''}`;
}

/** Encodes as one side and decodes as the other, through real PackStream bytes. */
function transfer(value: unknown, options: HydrationOptions, from: 'server' | 'client'): unknown {
  const sender = createHydration({ ...options, role: from });
  const receiver = createHydration({ ...options, role: from === 'server' ? 'client' : 'server' });
  return decode(encode(value, { dehydrate: sender.dehydrate, writeObject: sender.writeObject }), {
    hydrate: receiver.hydrate,
    readUuid: receiver.readUuid,
  });
}

function withoutElementIds(node: Node): Node {
  return new Node({ id: node.id, labels: node.labels, properties: node.properties });
}

function relationshipWithoutElementIds(relationship: Relationship): Relationship {
  const { id, startNodeId, endNodeId, type, properties } = relationship;
  return new Relationship({ id, startNodeId, endNodeId, type, properties });
}

/** What a value looks like after a trip over a connection without element ids (before 5.0). */
function asSeenBefore5(value: Node | Relationship | Path): Node | Relationship | Path {
  if (value instanceof Node) return withoutElementIds(value);
  if (value instanceof Relationship) return relationshipWithoutElementIds(value);
  return new Path(value.nodes.map(withoutElementIds), value.relationships.map(relationshipWithoutElementIds));
}

for (const options of CONNECTIONS) {
  const hasElementIds = options.version.major >= 5;
  const sendsUtc = hasElementIds || options.utcPatch === true;

  test(`graph entities survive a server-to-client trip over ${label(options)}`, () => {
    fc.assert(
      fc.property(
        fc.oneof(
          values.nodeValue(),
          values.relationshipValue(),
          values.pathValue().map(asStoredPath),
          revisitingPath,
        ),
        (value) => {
          const expected = hasElementIds ? value : asSeenBefore5(value);
          assert.deepEqual(transfer(value, options, 'server'), expected);
        },
      ),
    );
  });

  test(`temporal and spatial values survive trips both ways over ${label(options)}`, () => {
    const temporalAndSpatial = fc.oneof(
      values.dateValue(),
      values.localTimeValue(),
      values.timeValue(),
      values.localDateTimeValue(),
      values.durationValue(),
      values.pointValue(),
    );
    fc.assert(
      fc.property(
        temporalAndSpatial,
        fc.constantFrom('server' as const, 'client' as const),
        (value, from) => {
          assert.deepEqual(transfer(value, options, from), value);
        },
      ),
    );
  });

  test(`DateTimes survive trips both ways over ${label(options)}`, () => {
    fc.assert(
      fc.property(
        values.dateTimeValue(),
        fc.constantFrom('server' as const, 'client' as const),
        (value, from) => {
          const decoded = transfer(value, options, from);
          assert.ok(decoded instanceof DateTime);
          if (sendsUtc || value.zoneId === null) {
            assert.deepEqual(decoded, value);
            return;
          }
          // Legacy zone-id form: local seconds are ambiguous in a DST fold, where the earlier offset wins.
          // The wall clock and zone always survive, and the value re-encodes to the same bytes.
          assert.equal(decoded.localEpochSeconds, value.localEpochSeconds);
          assert.equal(decoded.zoneId, value.zoneId);
          assert.equal(decoded.nanoseconds, value.nanoseconds);
          const { dehydrate } = createHydration(options);
          assert.deepEqual(encode(decoded, { dehydrate }), encode(value, { dehydrate }));
        },
      ),
    );
  });
}

test('vectors of every element type survive trips both ways over Bolt 6.0', () => {
  fc.assert(
    fc.property(
      values.vectorValue(),
      fc.constantFrom('server' as const, 'client' as const),
      (value, from) => {
        assert.deepEqual(transfer(value, { version: protocolVersion(6, 0) }, from), value);
      },
    ),
  );
});

/** A nested value with each path as a database would produce it (see `asStoredPath`). */
function withStoredPaths(value: CypherValue): CypherValue {
  if (value instanceof Path) return asStoredPath(value);
  if (Array.isArray(value)) return value.map(withStoredPaths);
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    const map: Record<string, CypherValue> = {};
    for (const [key, item] of Object.entries(value as CypherMap)) {
      Object.defineProperty(map, key, {
        value: withStoredPaths(item),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return map;
  }
  return value;
}

test('any value, nested in lists and maps, survives a server-to-client trip over Bolt 6.1', () => {
  const options = { version: protocolVersion(6, 1) };
  fc.assert(
    fc.property(values.cypherValue().map(withStoredPaths), (value) => {
      assert.deepEqual(transfer(value, options, 'server'), value);
    }),
    { numRuns: 300 },
  );
});
