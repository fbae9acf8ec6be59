import { PackStreamError } from '../../errors/index.js';
import { Structure } from '../../packstream/index.js';
import { Vector, type VectorElementType, type VectorValues } from '../../values/index.js';
import { StructFields } from './fields.js';
import { VECTOR } from './struct-tags.js';

/**
 * Vector `56` = `[type_marker::Bytes(1), data::Bytes]` (Bolt 6.0, bolt-spec-digest §5.4). The type marker
 * reuses PackStream's marker bytes for the element type; the data is the elements back to back in
 * big-endian form, without per-element markers. Float32 [1.0, 2.0] is `B2 56 CC 01 C6 CC 08 3F 80 00 00
 * 40 00 00 00`.
 */

interface ElementCodec {
  readonly marker: number;
  readonly size: number;
  readonly decode: (view: DataView, count: number) => VectorValues;
  readonly encode: (values: VectorValues, view: DataView) => void;
}

type NumberValues = Exclude<VectorValues, BigInt64Array>;

function numberCodec(
  marker: number,
  size: number,
  create: (count: number) => NumberValues,
  get: (view: DataView, offset: number) => number,
  set: (view: DataView, offset: number, value: number) => void,
): ElementCodec {
  return {
    marker,
    size,
    decode: (view, count) => {
      const values = create(count);
      for (let index = 0; index < count; index++) values[index] = get(view, index * size);
      return values;
    },
    encode: (values, view) => {
      for (let index = 0; index < values.length; index++) set(view, index * size, Number(values[index]));
    },
  };
}

const INT64_CODEC: ElementCodec = {
  marker: 0xcb,
  size: 8,
  decode: (view, count) => {
    const values = new BigInt64Array(count);
    for (let index = 0; index < count; index++) values[index] = view.getBigInt64(index * 8);
    return values;
  },
  encode: (values, view) => {
    for (let index = 0; index < values.length; index++)
      view.setBigInt64(index * 8, BigInt(values[index] ?? 0));
  },
};

/** Element types with the PackStream marker byte that names them in the type marker. */
const CODECS: Readonly<Record<VectorElementType, ElementCodec>> = {
  INT8: numberCodec(
    0xc8,
    1,
    (count) => new Int8Array(count),
    (view, offset) => view.getInt8(offset),
    (view, offset, value) => {
      view.setInt8(offset, value);
    },
  ),
  INT16: numberCodec(
    0xc9,
    2,
    (count) => new Int16Array(count),
    (view, offset) => view.getInt16(offset),
    (view, offset, value) => {
      view.setInt16(offset, value);
    },
  ),
  INT32: numberCodec(
    0xca,
    4,
    (count) => new Int32Array(count),
    (view, offset) => view.getInt32(offset),
    (view, offset, value) => {
      view.setInt32(offset, value);
    },
  ),
  INT64: INT64_CODEC,
  FLOAT32: numberCodec(
    0xc6,
    4,
    (count) => new Float32Array(count),
    (view, offset) => view.getFloat32(offset),
    (view, offset, value) => {
      view.setFloat32(offset, value);
    },
  ),
  FLOAT64: numberCodec(
    0xc1,
    8,
    (count) => new Float64Array(count),
    (view, offset) => view.getFloat64(offset),
    (view, offset, value) => {
      view.setFloat64(offset, value);
    },
  ),
};

const TYPE_BY_MARKER = new Map<number, VectorElementType>(
  (Object.keys(CODECS) as VectorElementType[]).map((type) => [CODECS[type].marker, type]),
);

export function dehydrateVector(vector: Vector): Structure {
  const codec = CODECS[vector.elementType];
  const data = new Uint8Array(vector.values.length * codec.size);
  codec.encode(vector.values, new DataView(data.buffer));
  return new Structure(VECTOR, [Uint8Array.of(codec.marker), data]);
}

export function hydrateVector(fields: readonly unknown[]): Vector {
  const read = new StructFields('Vector', fields, 2);
  const marker = read.bytes(0);
  const type = marker.length === 1 ? TYPE_BY_MARKER.get(marker[0] ?? 0) : undefined;
  if (type === undefined) {
    throw new PackStreamError(
      'INVALID_STRUCTURE',
      'A Vector type marker must be one byte of C8, C9, CA, CB, C6 or C1',
    );
  }
  const codec = CODECS[type];
  const data = read.bytes(1);
  if (data.length % codec.size !== 0) {
    throw new PackStreamError(
      'INVALID_STRUCTURE',
      `Vector data of ${data.length} bytes is not a whole number of ${type}`,
    );
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return new Vector(codec.decode(view, data.length / codec.size));
}
