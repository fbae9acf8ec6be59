/**
 * A typed adapter around the official JS driver's PackStream codec (neo4j-driver-bolt-connection 6.3.0,
 * `lib/packstream/packstream-v1.js`), used by the cross-check tests and the benchmarks. The package ships no
 * types for these internals, so the few members we use are declared here.
 *
 * The driver's Packer writes into a "channel" buffer and its Unpacker reads from one. We give the packer a
 * plain ChannelBuffer (a Node Buffer with a position), which is the driver's cheapest sink: its real Chunker
 * adds per-write chunk bookkeeping on top, so the comparison favours the driver.
 */
import { createRequire } from 'node:module';
import { Structure } from '../../src/packstream/index.js';

/** The driver's 64-bit integer (`neo4j.int`). */
export interface DriverInteger {
  readonly low: number;
  readonly high: number;
  toBigInt(): bigint;
}

/** The driver's generic structure (its field is called `signature`, ours `tag`). */
export interface DriverStructure {
  readonly signature: number;
  readonly fields: unknown[];
}

interface ChannelBuffer {
  position: number;
  readonly length: number;
  readonly _buffer: Buffer;
  reset(): void;
}

interface DriverPacker {
  packable(value: unknown, dehydrate?: (value: unknown) => unknown): () => void;
}

interface DriverUnpacker {
  unpack(buffer: ChannelBuffer, hydrate?: (structure: DriverStructure) => unknown): unknown;
}

/** The driver's value hydration of one Bolt version (struct ⇄ Node, DateTime, …). */
interface DriverTransformer {
  readonly fromStructure: (structure: DriverStructure) => unknown;
  readonly toStructure: (value: unknown) => unknown;
}

interface PackstreamModule {
  readonly v1: {
    readonly Packer: new (channel: ChannelBuffer) => DriverPacker;
    readonly Unpacker: new (disableLosslessIntegers: boolean, useBigInt: boolean) => DriverUnpacker;
  };
  readonly structure: { readonly Structure: new (signature: number, fields: unknown[]) => DriverStructure };
}

interface CoreModule {
  readonly int: (value: bigint | number | string) => DriverInteger;
  readonly isInt: (value: unknown) => value is DriverInteger;
  readonly DateTime: new (
    ...fields: [number, number, number, number, number, number, number, number]
  ) => object;
}

type ProtocolConstructor = new (
  server: null,
  chunker: null,
  packstreamConfig: { readonly disableLosslessIntegers: boolean; readonly useBigInt: boolean },
) => { readonly transformer: DriverTransformer };

const rootRequire = createRequire(import.meta.url);
const connectionRequire = createRequire(rootRequire.resolve('neo4j-driver-bolt-connection'));
const packstream = connectionRequire('./packstream/index.js') as PackstreamModule;
const channelBufferModule = connectionRequire('./channel/channel-buf.js') as {
  readonly default: new (arg: Buffer | number) => ChannelBuffer;
};
/** neo4j-driver-core as the connection package itself resolves it (same copy, so `isInt` agrees). */
const core = connectionRequire('neo4j-driver-core') as CoreModule;

export const driverInt = core.int;
export const isDriverInt = core.isInt;
/** The driver's DateTime (year, month, day, hour, minute, second, nanosecond, offset seconds). */
export const DriverDateTime = core.DateTime;

/** The value hydration of the driver's Bolt 5.0 protocol (Node with element id, UTC DateTime, …). */
export function boltV5Transformer(useBigInt: boolean): DriverTransformer {
  const protocol = connectionRequire('./bolt/bolt-protocol-v5x0.js') as {
    readonly default: ProtocolConstructor;
  };
  return new protocol.default(null, null, { disableLosslessIntegers: false, useBigInt }).transformer;
}

/** Builds a driver structure. */
export function driverStructure(signature: number, fields: unknown[]): DriverStructure {
  return new packstream.structure.Structure(signature, fields);
}

/** True for a structure produced by the driver's unpacker. */
export function isDriverStructure(value: unknown): value is DriverStructure {
  return value instanceof packstream.structure.Structure;
}

/** The driver's packer over a fixed-size, reusable buffer (it cannot grow: size it for the largest value). */
export class DriverEncoder {
  private readonly sink: ChannelBuffer;
  private readonly packer: DriverPacker;

  constructor(capacity = 4 * 1024 * 1024) {
    this.sink = new channelBufferModule.default(capacity);
    this.packer = new packstream.v1.Packer(this.sink);
  }

  /** Packs `value` at the start of the buffer and returns the byte count (no copy: the benchmark path). */
  encodeInPlace(value: unknown, dehydrate?: (value: unknown) => unknown): number {
    this.sink.reset();
    this.packer.packable(value, dehydrate)();
    return this.sink.position;
  }

  /** Packs `value` (optionally dehydrating driver types with a transformer) and returns a copy of the bytes. */
  encode(value: unknown, transformer?: DriverTransformer): Uint8Array {
    const length = this.encodeInPlace(value, transformer?.toStructure);
    return new Uint8Array(this.sink._buffer.subarray(0, length));
  }
}

/** The driver's unpacker; `useBigInt` makes it return `bigint` like Quiver, else driver Integers. */
export class DriverDecoder {
  private readonly unpacker: DriverUnpacker;

  constructor(options: { readonly useBigInt: boolean }) {
    this.unpacker = new packstream.v1.Unpacker(false, options.useBigInt);
  }

  /** Wraps bytes once so a benchmark can decode them repeatedly with {@link decodeFrom}. */
  static wrap(bytes: Uint8Array): ChannelBuffer {
    return new channelBufferModule.default(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }

  /** Decodes one value; with a transformer, structures are hydrated into driver types. */
  decode(bytes: Uint8Array, transformer?: DriverTransformer): unknown {
    return this.unpacker.unpack(DriverDecoder.wrap(bytes), transformer?.fromStructure);
  }

  /** Decodes one value from the start of a wrapped buffer; `consumed` tells how many bytes were read. */
  decodeFrom(buffer: ChannelBuffer): { readonly value: unknown; readonly consumed: number } {
    buffer.reset();
    const value = this.unpacker.unpack(buffer);
    return { value, consumed: buffer.position };
  }

  /** Decodes from the start of a wrapped buffer (benchmark path: no result object). */
  decodeFromStart(buffer: ChannelBuffer): unknown {
    buffer.reset();
    return this.unpacker.unpack(buffer);
  }
}

/**
 * Converts a Quiver PackStream value into what the driver packs the same way: bigint → driver Integer,
 * Uint8Array → Int8Array (the driver packs only Int8Array as BYTES), Structure → driver Structure.
 */
export function toDriverValue(value: unknown): unknown {
  if (typeof value === 'bigint') return driverInt(value);
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(toDriverValue);
  if (value instanceof Uint8Array) return new Int8Array(value.buffer, value.byteOffset, value.byteLength);
  if (value instanceof Structure) return driverStructure(value.tag, value.fields.map(toDriverValue));
  return mapEntries(value as Record<string, unknown>, toDriverValue);
}

/** Converts a value decoded by the driver into Quiver's model (the inverse of {@link toDriverValue}). */
export function fromDriverValue(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (isDriverInt(value)) return value.toBigInt();
  if (Array.isArray(value)) return value.map(fromDriverValue);
  if (value instanceof Int8Array) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (isDriverStructure(value)) return new Structure(value.signature, value.fields.map(fromDriverValue));
  return mapEntries(value as Record<string, unknown>, fromDriverValue);
}

function mapEntries(
  map: Record<string, unknown>,
  convert: (value: unknown) => unknown,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(map)) {
    Object.defineProperty(out, key, {
      value: convert(map[key]),
      writable: true,
      enumerable: true,
      configurable: true,
    });
  }
  return out;
}
