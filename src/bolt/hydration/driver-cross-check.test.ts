/**
 * Cross-check with the official JavaScript driver (neo4j-driver-bolt-connection 6.3.0, the internals of
 * neo4j-driver 6.x), offline: its protocol classes are built around a fake channel, so the same bytes pass
 * through the driver's PackStream codec and hydration transformers as over a socket.
 *   server → driver: we encode a value, the driver's `unpack` must read the same value;
 *   driver → server: the driver packs its value into chunks, our ChunkDecoder + Unpacker must read ours.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import fc from 'fast-check';
import { decode, encode } from '../../packstream/index.js';
import {
  civilFromEpochDay,
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
  type VectorValues,
} from '../../values/index.js';
import { formatProtocolVersion, protocolVersion, type ProtocolVersion } from '../protocol-version.js';
import { ChunkDecoder } from '../transport/index.js';
import { createHydration, type HydrationOptions } from './create-hydration.js';
import * as values from '../../../test/support/value-arbitraries.js';
import { asStoredPath, revisitingPath } from './revisiting-path.fixture.js';

// ---- the driver, loaded untyped and described by the little we use ----

interface DriverProtocol {
  unpack(buffer: unknown): unknown;
  packable(value: unknown): () => void;
  _applyUtcPatch(): void;
}
type DriverProtocolClass = new (
  server: null,
  chunker: unknown,
  packstreamConfig: { readonly useBigInt: boolean },
  createResponseHandler: undefined,
  log: unknown,
  onProtocolError: () => void,
) => DriverProtocol;
interface DriverChunker {
  messageBoundary(): void;
  flush(): void;
}
interface DriverChannelBuffer {
  readonly _buffer: Uint8Array;
  readonly length: number;
}
type Constructor = new (...args: never[]) => object;
type AnyConstructor = new (...args: unknown[]) => object;

const load = createRequire(import.meta.url);
const boltConnection = load('neo4j-driver-bolt-connection') as {
  channel: {
    Chunker: new (channel: { write(buffer: DriverChannelBuffer): void }) => DriverChunker;
    alloc(buffer: Uint8Array): unknown;
  };
};
type DriverTypeName =
  | 'Node'
  | 'Relationship'
  | 'Path'
  | 'Date'
  | 'Time'
  | 'LocalTime'
  | 'LocalDateTime'
  | 'DateTime'
  | 'Duration'
  | 'Point'
  | 'Vector';
const core = load('neo4j-driver-core') as Record<DriverTypeName, AnyConstructor> & {
  internal: { logger: { Logger: { noOp(): unknown } } };
};

function driverProtocolClass(file: string): DriverProtocolClass {
  return (load(`neo4j-driver-bolt-connection/lib/bolt/${file}.js`) as { default: DriverProtocolClass })
    .default;
}

const PROTOCOL_FILES: Readonly<Record<string, string>> = {
  '3.0': 'bolt-protocol-v3',
  '4.4': 'bolt-protocol-v4x4',
  '5.0': 'bolt-protocol-v5x0',
  '5.8': 'bolt-protocol-v5x8',
  '6.0': 'bolt-protocol-v6x0',
};

/** A driver protocol for `options`, writing what it packs into `written`. */
function driverFor(
  options: HydrationOptions,
  written: Uint8Array[],
): { protocol: DriverProtocol; chunker: DriverChunker } {
  const file = PROTOCOL_FILES[formatProtocolVersion(options.version)];
  assert.ok(file !== undefined);
  const chunker = new boltConnection.channel.Chunker({
    write: (buffer) => written.push(Uint8Array.from(buffer._buffer.subarray(0, buffer.length))),
  });
  const Protocol = driverProtocolClass(file);
  const protocol = new Protocol(
    null,
    chunker,
    { useBigInt: true },
    undefined,
    core.internal.logger.Logger.noOp(),
    () => {
      assert.fail('the driver reported a protocol error');
    },
  );
  if (options.utcPatch === true) protocol._applyUtcPatch();
  return { protocol, chunker };
}

// ---- neutral shapes to compare our values with the driver's ----

type Shape = Readonly<Record<string, unknown>>;

function field(value: object, name: string): unknown {
  return (value as Record<string, unknown>)[name];
}

function wallClock(localSeconds: bigint, nanosecond: number): Shape {
  const day = localSeconds >= 0n ? localSeconds / 86_400n : -((-localSeconds + 86_399n) / 86_400n);
  const second = Number(localSeconds - day * 86_400n);
  const { year, month, day: dayOfMonth } = civilFromEpochDay(Number(day));
  return {
    year: BigInt(year),
    month: BigInt(month),
    day: BigInt(dayOfMonth),
    hour: BigInt(Math.floor(second / 3600)),
    minute: BigInt(Math.floor(second / 60) % 60),
    second: BigInt(second % 60),
    nanosecond: BigInt(nanosecond),
  };
}

function timeOfDay(nanosecondOfDay: number): Shape {
  const nanos = BigInt(nanosecondOfDay);
  return {
    hour: nanos / 3_600_000_000_000n,
    minute: (nanos / 60_000_000_000n) % 60n,
    second: (nanos / 1_000_000_000n) % 60n,
    nanosecond: nanos % 1_000_000_000n,
  };
}

/** Lists and maps as they are, with every class instance inside replaced by its shape. */
function deepShape(value: unknown, shape: (instance: object) => Shape): unknown {
  if (Array.isArray(value)) return value.map((item) => deepShape(item, shape));
  if (typeof value !== 'object' || value === null) return value;
  if (Object.getPrototypeOf(value) !== Object.prototype) return shape(value);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, deepShape(item, shape)]));
}

function nodeShape(node: Node, hasElementIds: boolean): Shape {
  const elementId = hasElementIds ? node.elementId : String(node.id);
  const properties = deepShape(node.properties, (value) => ourShape(value, hasElementIds));
  return { id: node.id, labels: [...node.labels], properties, elementId };
}

function relationshipShape(relationship: Relationship, hasElementIds: boolean): Shape {
  const { id, startNodeId, endNodeId, type, properties } = relationship;
  const ids = hasElementIds
    ? [relationship.elementId, relationship.startNodeElementId, relationship.endNodeElementId]
    : [String(id), String(startNodeId), String(endNodeId)];
  const shaped = deepShape(properties, (value) => ourShape(value, hasElementIds));
  return { id, startNodeId, endNodeId, type, properties: shaped, elementIds: ids };
}

/** Our value as the driver should see it. */
function ourShape(value: object, hasElementIds: boolean): Shape {
  if (value instanceof Node) return nodeShape(value, hasElementIds);
  if (value instanceof Relationship) return relationshipShape(value, hasElementIds);
  if (value instanceof Path) {
    const segments = value.relationships.map((relationship, hop) => ({
      start: nodeShape(value.nodes[hop]!, hasElementIds),
      relationship: relationshipShape(relationship, hasElementIds),
      end: nodeShape(value.nodes[hop + 1]!, hasElementIds),
    }));
    return { start: nodeShape(value.start, hasElementIds), segments };
  }
  if (value instanceof CypherDate)
    return { year: BigInt(value.year), month: BigInt(value.month), day: BigInt(value.day) };
  if (value instanceof LocalTime) return timeOfDay(value.nanosecondOfDay);
  if (value instanceof Time)
    return { ...timeOfDay(value.nanosecondOfDay), offset: BigInt(value.offsetSeconds) };
  if (value instanceof LocalDateTime) return wallClock(value.epochSeconds, value.nanoseconds);
  if (value instanceof DateTime) {
    return {
      ...wallClock(value.localEpochSeconds, value.nanoseconds),
      offset: BigInt(value.offsetSeconds),
      zoneId: value.zoneId,
    };
  }
  if (value instanceof Duration) {
    const { months, days, seconds, nanoseconds } = value;
    return { months, days, seconds, nanoseconds: BigInt(nanoseconds) };
  }
  if (value instanceof Point) return { srid: BigInt(value.srid), x: value.x, y: value.y, z: value.z };
  if (value instanceof Vector) return { type: value.elementType, values: value.values };
  return assert.fail(`no shape for ${value.constructor.name}`);
}

function driverNodeShape(node: object): Shape {
  const pick = (name: string): unknown => field(node, name);
  return {
    id: pick('identity'),
    labels: pick('labels'),
    properties: deepShape(pick('properties'), driverShape),
    elementId: pick('elementId'),
  };
}

function driverRelationshipShape(relationship: object): Shape {
  const pick = (name: string): unknown => field(relationship, name);
  const elementIds = [pick('elementId'), pick('startNodeElementId'), pick('endNodeElementId')];
  const [id, startNodeId, endNodeId, type] = ['identity', 'start', 'end', 'type'].map(pick);
  return {
    id,
    startNodeId,
    endNodeId,
    type,
    properties: deepShape(pick('properties'), driverShape),
    elementIds,
  };
}

/** The driver's value reduced to the same shape. */
function driverShape(value: object): Shape {
  const pick = (name: string): unknown => field(value, name);
  const is = (name: DriverTypeName): boolean => value instanceof (core[name] as Constructor);
  if (is('Node')) return driverNodeShape(value);
  if (is('Relationship')) return driverRelationshipShape(value);
  if (is('Path')) {
    const segments = (pick('segments') as object[]).map((segment) => ({
      start: driverNodeShape(field(segment, 'start') as object),
      relationship: driverRelationshipShape(field(segment, 'relationship') as object),
      end: driverNodeShape(field(segment, 'end') as object),
    }));
    return { start: driverNodeShape(pick('start') as object), segments };
  }
  const clock = (names: readonly string[]): Shape =>
    Object.fromEntries(names.map((name) => [name, pick(name)]));
  const DATE = ['year', 'month', 'day'];
  const TIME = ['hour', 'minute', 'second', 'nanosecond'];
  if (is('Date')) return clock(DATE);
  if (is('LocalTime')) return clock(TIME);
  if (is('Time')) return { ...clock(TIME), offset: pick('timeZoneOffsetSeconds') };
  if (is('LocalDateTime')) return clock([...DATE, ...TIME]);
  if (is('DateTime')) {
    return {
      ...clock([...DATE, ...TIME]),
      offset: pick('timeZoneOffsetSeconds'),
      zoneId: pick('timeZoneId') ?? null,
    };
  }
  if (is('Duration')) return clock(['months', 'days', 'seconds', 'nanoseconds']);
  if (is('Point')) return { srid: pick('srid'), x: pick('x'), y: pick('y'), z: pick('z') };
  if (is('Vector')) {
    const vector = value as { getType(): string; asTypedArray(): VectorValues };
    return { type: vector.getType(), values: vector.asTypedArray() };
  }
  return assert.fail(`no shape for the driver's ${value.constructor.name}`);
}

// ---- driver values built from ours, for the driver → server direction ----

function toDriver(value: object): object {
  const make = (name: DriverTypeName, ...args: unknown[]): object => new core[name](...args);
  const shape = ourShape(value, true);
  const clock = (names: readonly string[]): unknown[] => names.map((name) => shape[name]);
  const DATE = ['year', 'month', 'day'];
  const TIME = ['hour', 'minute', 'second', 'nanosecond'];
  if (value instanceof CypherDate) return make('Date', ...clock(DATE));
  if (value instanceof LocalTime) return make('LocalTime', ...clock(TIME));
  if (value instanceof Time) return make('Time', ...clock([...TIME, 'offset']));
  if (value instanceof LocalDateTime) return make('LocalDateTime', ...clock([...DATE, ...TIME]));
  // Offset and zone id together: the driver then packs the exact instant even in a DST fold.
  if (value instanceof DateTime) return make('DateTime', ...clock([...DATE, ...TIME, 'offset', 'zoneId']));
  if (value instanceof Duration)
    return make('Duration', ...clock(['months', 'days', 'seconds', 'nanoseconds']));
  if (value instanceof Point) return make('Point', ...clock(['srid', 'x', 'y', 'z']));
  if (value instanceof Vector) return make('Vector', value.values);
  return assert.fail(`no driver value for ${value.constructor.name}`);
}

// ---- the checks ----

const CONNECTIONS: readonly HydrationOptions[] = [
  { version: protocolVersion(3, 0) },
  { version: protocolVersion(4, 4) },
  { version: protocolVersion(4, 4), utcPatch: true },
  { version: protocolVersion(5, 0) },
  { version: protocolVersion(5, 8) },
  { version: protocolVersion(6, 0) },
];

function label(options: HydrationOptions): string {
  return `Bolt ${formatProtocolVersion(options.version)}${options.utcPatch === true ? ' + utc' : ''}`;
}

function valuesFor(version: ProtocolVersion): fc.Arbitrary<object> {
  const kinds: fc.Arbitrary<object>[] = [
    values.dateValue(),
    values.localTimeValue(),
    values.timeValue(),
    values.localDateTimeValue(),
    values.dateTimeValue(),
    values.durationValue(),
    values.pointValue(),
  ];
  if (version.major >= 6) kinds.push(values.vectorValue());
  return fc.oneof(...kinds);
}

const graphValues: fc.Arbitrary<object> = fc.oneof(
  values.nodeValue(),
  values.relationshipValue(),
  values.pathValue().map(asStoredPath),
  revisitingPath,
);

/** JS `Date` covers ±8.64e15 ms; the driver resolves zone ids through `Intl` on such dates. */
const JS_DATE_LIMIT_SECONDS = 8_640_000_000_000n - 2n * 86_400n;

/**
 * What the driver itself cannot represent, so the comparison would test the driver: a `__proto__` map
 * key (its unpacker assigns keys with `obj[key] = value`, which sets the prototype instead), and zone-id
 * DateTimes beyond the range of JS `Date` (its time-zone code throws `RangeError: Invalid time value`).
 */
function isBeyondTheDriver(value: unknown): boolean {
  if (value instanceof DateTime) {
    const seconds = value.epochSeconds;
    return value.zoneId !== null && (seconds > JS_DATE_LIMIT_SECONDS || seconds < -JS_DATE_LIMIT_SECONDS);
  }
  if (Array.isArray(value)) return value.some(isBeyondTheDriver);
  if (value instanceof Node || value instanceof Relationship) return isBeyondTheDriver(value.properties);
  if (value instanceof Path) return [...value.nodes, ...value.relationships].some(isBeyondTheDriver);
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype)
    return false;
  return Object.hasOwn(value, '__proto__') || Object.values(value).some(isBeyondTheDriver);
}

for (const options of CONNECTIONS) {
  const hasElementIds = options.version.major >= 5;

  test(`the driver reads the values we send over ${label(options)}`, () => {
    const { protocol } = driverFor(options, []);
    const { dehydrate } = createHydration(options);
    fc.assert(
      fc.property(fc.oneof(graphValues, valuesFor(options.version)), (value) => {
        fc.pre(!isBeyondTheDriver(value));
        const bytes = encode(value, { dehydrate });
        const seen = protocol.unpack(boltConnection.channel.alloc(Buffer.from(bytes)));
        assert.ok(typeof seen === 'object' && seen !== null);
        const expected = ourShape(value, hasElementIds);
        const actual = driverShape(seen);
        // The driver omits the offset of legacy zone-id DateTimes; everything else must match.
        if (value instanceof DateTime && value.zoneId !== null && actual['offset'] === undefined) {
          assert.deepEqual({ ...actual, offset: expected['offset'] }, expected);
        } else {
          assert.deepEqual(actual, expected);
        }
      }),
      { numRuns: 150 },
    );
  });

  test(`we read the values the driver sends over ${label(options)}`, () => {
    const written: Uint8Array[] = [];
    const { protocol, chunker } = driverFor(options, written);
    const { hydrate } = createHydration(options);
    const sendsUtc = hasElementIds || options.utcPatch === true;
    fc.assert(
      fc.property(valuesFor(options.version), (value) => {
        fc.pre(!isBeyondTheDriver(value));
        written.length = 0;
        protocol.packable(toDriver(value))();
        chunker.messageBoundary();
        chunker.flush();
        const bodies: Uint8Array[] = [];
        const decoder = new ChunkDecoder();
        for (const bytes of written)
          decoder.push(bytes, (body, start, end) => bodies.push(body.subarray(start, end)));
        assert.equal(bodies.length, 1);
        const decoded = decode(bodies[0]!, { hydrate });
        if (value instanceof DateTime && value.zoneId !== null && !sendsUtc) {
          // Legacy zone-id form: local seconds only; a DST fold resolves to the earlier offset.
          assert.ok(decoded instanceof DateTime);
          assert.deepEqual(
            [decoded.localEpochSeconds, decoded.nanoseconds, decoded.zoneId],
            [value.localEpochSeconds, value.nanoseconds, value.zoneId],
          );
        } else {
          assert.deepEqual(decoded, value);
        }
      }),
      { numRuns: 150 },
    );
  });
}
