import { DatabaseError, InternalError, Status } from '../../errors/index.js';
import {
  CypherDate,
  DateTime,
  Duration,
  LocalDateTime,
  LocalTime,
  Point,
  Time,
  Uuid,
  Vector,
  VECTOR_ELEMENT_TYPES,
  kindOf,
  type CypherMap,
  type CypherValue,
  type VectorValues,
} from '../../values/index.js';
import type { ByteReader } from './byte-reader.js';
import type { ByteWriter } from './byte-writer.js';
import { storageDamage } from './storage-damage.js';

/**
 * The tag byte before every encoded value. The numbers are part of the on-disk formats (WAL and snapshot):
 * never renumber one; add new tags at the end.
 */
export const VALUE_TAG = {
  NULL: 0,
  FALSE: 1,
  TRUE: 2,
  /** varInt. */
  INTEGER: 3,
  /** f64. */
  FLOAT: 4,
  /** string. */
  STRING: 5,
  /** varUint length, raw bytes. */
  BYTES: 6,
  /** varUint count, then each element with its own tag. */
  LIST: 7,
  /** varUint count, then (string key, tagged value) pairs. Not storable, kept so the codec is total. */
  MAP: 8,
  /** varInt epoch day. */
  DATE: 9,
  /** varUint nanosecond of day. */
  LOCAL_TIME: 10,
  /** varUint nanosecond of day, varInt offset seconds. */
  ZONED_TIME: 11,
  /** varInt local epoch seconds, varUint nanoseconds. */
  LOCAL_DATETIME: 12,
  /** varInt epoch seconds (UTC), varUint nanoseconds, varInt offset seconds. */
  DATETIME_OFFSET: 13,
  /** varInt epoch seconds (UTC), varUint nanoseconds, string zone id (the offset is derived again). */
  DATETIME_ZONE: 14,
  /** varInt months, varInt days, varInt seconds, varUint nanoseconds. */
  DURATION: 15,
  /** varUint SRID, f64 x, f64 y. */
  POINT_2D: 16,
  /** varUint SRID, f64 x, f64 y, f64 z. */
  POINT_3D: 17,
  /** u8 element type (index in VECTOR_ELEMENT_TYPES), varUint count, elements little-endian at their width. */
  VECTOR: 18,
  /**
   * 16 bytes, most significant first. Added after formats WAL 3 and snapshot 1 were released, as a new tag
   * rather than a new format: no existing byte reads differently, so every older file still reads the same
   * (a build from before the tag stops at it with "unknown value tag 19" instead of guessing).
   */
  UUID: 19,
} as const;

/**
 * Appends `value` with its tag. Covers every storable property value (null, booleans, INTEGER over int64,
 * FLOAT bit-exact, STRING, BYTES, homogeneous lists, the six temporal types, POINT, VECTOR and UUID) and
 * maps.
 * @throws InternalError for nodes, relationships and paths, which storage never hands to durability.
 */
export function writeValue(writer: ByteWriter, value: CypherValue): void {
  // Primitives first, without the prototype look-up of kindOf: they are most property values.
  // eslint-disable-next-line @typescript-eslint/switch-exhaustiveness-check -- objects share the default
  switch (typeof value) {
    case 'boolean':
      writer.u8(value ? VALUE_TAG.TRUE : VALUE_TAG.FALSE);
      return;
    case 'bigint':
      writer.u8(VALUE_TAG.INTEGER);
      writer.varInt(value);
      return;
    case 'number':
      writer.u8(VALUE_TAG.FLOAT);
      writer.f64(value);
      return;
    case 'string':
      writer.u8(VALUE_TAG.STRING);
      writer.string(value);
      return;
    default:
      writeObjectValue(writer, value);
  }
}

function writeObjectValue(writer: ByteWriter, value: CypherValue): void {
  if (value === null) {
    writer.u8(VALUE_TAG.NULL);
    return;
  }
  if (value instanceof Uint8Array) {
    writer.u8(VALUE_TAG.BYTES);
    writer.varUint(value.length);
    writer.bytes(value);
    return;
  }
  if (Array.isArray(value)) {
    const list = value as readonly CypherValue[];
    writer.u8(VALUE_TAG.LIST);
    writer.varUint(list.length);
    for (const element of list) writeValue(writer, element);
    return;
  }
  writeTypedValue(writer, value);
}

function writeTypedValue(writer: ByteWriter, value: CypherValue): void {
  const kind = kindOf(value);
  // eslint-disable-next-line @typescript-eslint/switch-exhaustiveness-check -- primitives, bytes and lists never get here
  switch (kind) {
    case 'MAP':
      writeMap(writer, value as CypherMap);
      return;
    case 'DATE':
      writer.u8(VALUE_TAG.DATE);
      writer.varInt(BigInt((value as CypherDate).epochDay));
      return;
    case 'LOCAL_TIME':
      writer.u8(VALUE_TAG.LOCAL_TIME);
      writer.varUint((value as LocalTime).nanosecondOfDay);
      return;
    case 'ZONED_TIME':
      writer.u8(VALUE_TAG.ZONED_TIME);
      writer.varUint((value as Time).nanosecondOfDay);
      writer.varInt(BigInt((value as Time).offsetSeconds));
      return;
    case 'LOCAL_DATETIME':
      writer.u8(VALUE_TAG.LOCAL_DATETIME);
      writer.varInt((value as LocalDateTime).epochSeconds);
      writer.varUint((value as LocalDateTime).nanoseconds);
      return;
    case 'ZONED_DATETIME':
      writeDateTime(writer, value as DateTime);
      return;
    case 'DURATION':
      writeDuration(writer, value as Duration);
      return;
    case 'POINT':
      writePoint(writer, value as Point);
      return;
    case 'VECTOR':
      writeVector(writer, value as Vector);
      return;
    case 'UUID':
      writer.u8(VALUE_TAG.UUID);
      writer.bytes((value as Uuid).bytes);
      return;
    default:
      throw new InternalError(`A ${kind} value cannot be written to storage files`);
  }
}

function writeMap(writer: ByteWriter, map: CypherMap): void {
  const keys = Object.keys(map);
  writer.u8(VALUE_TAG.MAP);
  writer.varUint(keys.length);
  for (const key of keys) {
    writer.string(key);
    writeValue(writer, map[key] as CypherValue);
  }
}

function writeDateTime(writer: ByteWriter, value: DateTime): void {
  writer.u8(value.zoneId === null ? VALUE_TAG.DATETIME_OFFSET : VALUE_TAG.DATETIME_ZONE);
  writer.varInt(value.epochSeconds);
  writer.varUint(value.nanoseconds);
  if (value.zoneId === null) writer.varInt(BigInt(value.offsetSeconds));
  else writer.string(value.zoneId);
}

function writeDuration(writer: ByteWriter, value: Duration): void {
  writer.u8(VALUE_TAG.DURATION);
  writer.varInt(value.months);
  writer.varInt(value.days);
  writer.varInt(value.seconds);
  writer.varUint(value.nanoseconds);
}

function writePoint(writer: ByteWriter, value: Point): void {
  writer.u8(value.z === undefined ? VALUE_TAG.POINT_2D : VALUE_TAG.POINT_3D);
  writer.varUint(value.srid);
  writer.f64(value.x);
  writer.f64(value.y);
  if (value.z !== undefined) writer.f64(value.z);
}

/** Element widths in bytes, by index in VECTOR_ELEMENT_TYPES. */
const VECTOR_WIDTHS = [1, 2, 4, 8, 4, 8] as const;

function writeVector(writer: ByteWriter, value: Vector): void {
  const typeIndex = VECTOR_ELEMENT_TYPES.indexOf(value.elementType);
  const width = VECTOR_WIDTHS[typeIndex] ?? 8;
  writer.u8(VALUE_TAG.VECTOR);
  writer.u8(typeIndex);
  writer.varUint(value.values.length);
  // Through a DataView so the bytes are little-endian whatever the platform's byte order.
  const bytes = new Uint8Array(value.values.length * width);
  const view = new DataView(bytes.buffer);
  const values = value.values;
  for (let index = 0; index < values.length; index++) {
    const offset = index * width;
    const element = values[index] ?? 0;
    switch (value.elementType) {
      case 'INT8':
        view.setInt8(offset, element as number);
        break;
      case 'INT16':
        view.setInt16(offset, element as number, true);
        break;
      case 'INT32':
        view.setInt32(offset, element as number, true);
        break;
      case 'INT64':
        view.setBigInt64(offset, element as bigint, true);
        break;
      case 'FLOAT32':
        view.setFloat32(offset, element as number, true);
        break;
      case 'FLOAT64':
        view.setFloat64(offset, element as number, true);
        break;
    }
  }
  writer.bytes(bytes);
}

/**
 * Reads one value written by `writeValue`.
 * @throws DatabaseError `StorageDamageDetected` for an unknown tag, truncated bytes or field values no
 * Cypher value can have.
 */
export function readValue(reader: ByteReader): CypherValue {
  const tagOffset = reader.offset;
  const tag = reader.u8();
  switch (tag) {
    case VALUE_TAG.NULL:
      return null;
    case VALUE_TAG.FALSE:
      return false;
    case VALUE_TAG.TRUE:
      return true;
    case VALUE_TAG.INTEGER:
      return reader.varInt();
    case VALUE_TAG.FLOAT:
      return reader.f64();
    case VALUE_TAG.STRING:
      return reader.string();
    case VALUE_TAG.BYTES:
      // A copy as a plain Uint8Array: the source may be a Buffer, whose slice() shares memory.
      return new Uint8Array(reader.bytes(reader.varUint()));
    case VALUE_TAG.LIST:
      return readList(reader);
    case VALUE_TAG.MAP:
      return readMap(reader);
    default:
      return construct(tagOffset, () => readTypedValue(reader, tag, tagOffset));
  }
}

function readList(reader: ByteReader): CypherValue[] {
  const count = readCount(reader);
  const list: CypherValue[] = [];
  for (let index = 0; index < count; index++) list.push(readValue(reader));
  return list;
}

function readMap(reader: ByteReader): CypherMap {
  const count = readCount(reader);
  const map: Record<string, CypherValue> = {};
  for (let index = 0; index < count; index++) {
    const key = reader.string();
    // defineProperty, so a "__proto__" key becomes an entry instead of replacing the prototype.
    Object.defineProperty(map, key, {
      value: readValue(reader),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return map;
}

/** A count of items that each take at least one byte, so a damaged count cannot allocate gigabytes. */
function readCount(reader: ByteReader): number {
  const count = reader.varUint();
  if (count > reader.remaining) {
    throw storageDamage(`Malformed data at offset ${reader.offset}: ${count} items cannot fit the data left`);
  }
  return count;
}

function readTypedValue(reader: ByteReader, tag: number, tagOffset: number): CypherValue {
  switch (tag) {
    case VALUE_TAG.DATE:
      return new CypherDate(reader.varInt());
    case VALUE_TAG.LOCAL_TIME:
      return new LocalTime(reader.varUint());
    case VALUE_TAG.ZONED_TIME:
      return new Time(reader.varUint(), reader.varInt());
    case VALUE_TAG.LOCAL_DATETIME:
      return new LocalDateTime(reader.varInt(), reader.varUint());
    case VALUE_TAG.DATETIME_OFFSET:
      return new DateTime(reader.varInt(), reader.varUint(), Number(reader.varInt()));
    case VALUE_TAG.DATETIME_ZONE:
      return new DateTime(reader.varInt(), reader.varUint(), reader.string());
    case VALUE_TAG.DURATION:
      return new Duration(reader.varInt(), reader.varInt(), reader.varInt(), reader.varUint());
    case VALUE_TAG.POINT_2D:
      return new Point(reader.varUint(), reader.f64(), reader.f64());
    case VALUE_TAG.POINT_3D:
      return new Point(reader.varUint(), reader.f64(), reader.f64(), reader.f64());
    case VALUE_TAG.VECTOR:
      return readVector(reader, tagOffset);
    case VALUE_TAG.UUID:
      return new Uuid(reader.bytes(16));
    default:
      throw storageDamage(`Malformed data at offset ${tagOffset}: unknown value tag ${tag}`);
  }
}

function readVector(reader: ByteReader, tagOffset: number): Vector {
  const typeIndex = reader.u8();
  const elementType = VECTOR_ELEMENT_TYPES[typeIndex];
  const width = VECTOR_WIDTHS[typeIndex];
  if (elementType === undefined || width === undefined) {
    throw storageDamage(`Malformed data at offset ${tagOffset}: unknown vector element type ${typeIndex}`);
  }
  const count = reader.varUint();
  const bytes = reader.bytes(count * width);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let values: VectorValues;
  switch (elementType) {
    case 'INT8':
      values = Int8Array.from({ length: count }, (_, index) => view.getInt8(index));
      break;
    case 'INT16':
      values = Int16Array.from({ length: count }, (_, index) => view.getInt16(index * 2, true));
      break;
    case 'INT32':
      values = Int32Array.from({ length: count }, (_, index) => view.getInt32(index * 4, true));
      break;
    case 'INT64':
      values = BigInt64Array.from({ length: count }, (_, index) => view.getBigInt64(index * 8, true));
      break;
    case 'FLOAT32':
      values = Float32Array.from({ length: count }, (_, index) => view.getFloat32(index * 4, true));
      break;
    case 'FLOAT64':
      values = Float64Array.from({ length: count }, (_, index) => view.getFloat64(index * 8, true));
      break;
  }
  return new Vector(values);
}

/** Runs a value constructor; its validation failing means the stored fields are damaged. */
function construct<T>(offset: number, make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (error instanceof DatabaseError && error.status === Status.StorageDamageDetected) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw storageDamage(`Malformed data at offset ${offset}: ${reason}`, error);
  }
}
