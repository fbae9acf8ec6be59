import type {
  CommitRecord,
  ConstraintDefinition,
  ConstraintKind,
  EntityKind,
  IndexDefinition,
  IndexType,
  PropertyType,
  RecordProperties,
  StorageChange,
  TokenDefinition,
  TokenKind,
  VectorSimilarity,
} from '../../storage/index.js';
import { SCALAR_PROPERTY_TYPES } from '../../storage/index.js';
import type { CypherValue } from '../../values/index.js';
import { ByteReader } from './byte-reader.js';
import { ByteWriter } from './byte-writer.js';
import { storageDamage } from './storage-damage.js';
import { readValue, writeValue } from './value-codec.js';

/*
 * Record layout (all integers little-endian; "var" is LEB128, "zvar" zigzag LEB128 of an int64):
 *   var commitTs
 *   var tokenCount, then per token: u8 kind (0 LABEL, 1 RELATIONSHIP_TYPE, 2 PROPERTY_KEY), var id,
 *       u8 hasName (1: string name follows; 0: the name was defined earlier in the same WAL segment)
 *   var changeCount, then per change: u8 change tag (CHANGE_TAG below) and its fields
 * Properties: var count, then (var key token, tagged value) pairs. An index: string name, u8 entity
 * (0 NODE, 1 RELATIONSHIP), var token, var count + var property tokens. A constraint: string name, u8 kind
 * (CONSTRAINT_KINDS index), u8 entity, var token, properties, u8 hasTypes, then var count + string per type.
 * A RANGE index is logged as CreateIndex (tag 9); a TEXT, POINT or VECTOR index (WAL format 4 and snapshot
 * format 2 on) as CreateTypedIndex (tag 13): the index, u8 type (INDEX_TYPES), and for VECTOR var dimensions
 * (0: unset) and u8 similarity (VECTOR_SIMILARITIES). A FULLTEXT index (WAL format 5 and snapshot format 3
 * on) is a CreateTypedIndex too, with type 4 followed by var count + var token per label or type (the
 * first one is the index's token), string analyzer and u8 eventually consistent (0 or 1).
 */

const TOKEN_KINDS = ['LABEL', 'RELATIONSHIP_TYPE', 'PROPERTY_KEY'] as const satisfies readonly TokenKind[];
const ENTITY_KINDS = ['NODE', 'RELATIONSHIP'] as const satisfies readonly EntityKind[];
/** Index types after RANGE, by their byte: part of the on-disk format; add at the end. */
const INDEX_TYPES = ['RANGE', 'TEXT', 'POINT', 'VECTOR', 'FULLTEXT'] as const satisfies readonly IndexType[];
const VECTOR_SIMILARITIES = ['COSINE', 'EUCLIDEAN'] as const satisfies readonly VectorSimilarity[];
/** The change tag of a CreateIndex whose index is not RANGE. */
const CREATE_TYPED_INDEX_TAG = 13;
const CONSTRAINT_KINDS = [
  'UNIQUENESS',
  'EXISTENCE',
  'KEY',
  'PROPERTY_TYPE',
] as const satisfies readonly ConstraintKind[];

/** Change tags: part of the on-disk format; never renumber, add at the end. */
const CHANGE_TAG = {
  CreateNode: 1,
  CreateRelationship: 2,
  AddLabel: 3,
  RemoveLabel: 4,
  SetNodeProperty: 5,
  SetRelationshipProperty: 6,
  DeleteRelationship: 7,
  DeleteNode: 8,
  CreateIndex: 9,
  DropIndex: 10,
  CreateConstraint: 11,
  DropConstraint: 12,
} as const satisfies Record<StorageChange['kind'], number>;

const CHANGE_KIND_BY_TAG = new Map<number, StorageChange['kind']>(
  Object.entries(CHANGE_TAG).map(([kind, tag]) => [tag, kind as StorageChange['kind']]),
);

const PROPERTY_TYPES: ReadonlySet<string> = new Set<string>([
  ...SCALAR_PROPERTY_TYPES,
  ...SCALAR_PROPERTY_TYPES.map((type) => `LIST<${type} NOT NULL>`),
]);

/** Options of `encodeCommitRecord`. */
export interface EncodeRecordOptions {
  /** Tokens for which this returns true are written without their names (defined earlier in the log). */
  readonly isTokenDefined?: (token: TokenDefinition) => boolean;
}

/** Options of `decodeCommitRecord`. */
export interface DecodeRecordOptions {
  /** The name of a token written without one; `undefined` when unknown (the bytes are then damaged). */
  readonly resolveToken?: (kind: TokenKind, id: number) => string | undefined;
}

/** Encodes a commit record (layout above). */
export function encodeCommitRecord(record: CommitRecord, options: EncodeRecordOptions = {}): Uint8Array {
  const writer = new ByteWriter(64);
  writeCommitRecord(writer, record, options);
  return writer.finish();
}

/** Appends a commit record to `writer` (layout above). */
export function writeCommitRecord(
  writer: ByteWriter,
  record: CommitRecord,
  options: EncodeRecordOptions = {},
): void {
  writer.varUint(record.commitTs);
  writer.varUint(record.tokens.length);
  for (const token of record.tokens) {
    writer.u8(TOKEN_KINDS.indexOf(token.kind));
    writer.varUint(token.id);
    if (options.isTokenDefined?.(token) === true) {
      writer.u8(0);
    } else {
      writer.u8(1);
      writer.string(token.name);
    }
  }
  writer.varUint(record.changes.length);
  for (const change of record.changes) writeChange(writer, change);
}

function writeChange(writer: ByteWriter, change: StorageChange): void {
  if (change.kind === 'CreateIndex' && (change.index.type ?? 'RANGE') !== 'RANGE') {
    writer.u8(CREATE_TYPED_INDEX_TAG);
    writeTypedIndexDefinition(writer, change.index);
    return;
  }
  writer.u8(CHANGE_TAG[change.kind]);
  switch (change.kind) {
    case 'CreateNode':
      writer.varUint(change.id);
      writeTokenList(writer, change.labels);
      writeProperties(writer, change.properties);
      return;
    case 'CreateRelationship':
      writer.varUint(change.id);
      writer.varUint(change.type);
      writer.varUint(change.start);
      writer.varUint(change.end);
      writeProperties(writer, change.properties);
      return;
    case 'AddLabel':
    case 'RemoveLabel':
      writer.varUint(change.id);
      writer.varUint(change.label);
      return;
    case 'SetNodeProperty':
    case 'SetRelationshipProperty':
      writer.varUint(change.id);
      writer.varUint(change.key);
      writeValue(writer, change.value);
      return;
    case 'DeleteRelationship':
    case 'DeleteNode':
      writer.varUint(change.id);
      return;
    case 'CreateIndex':
      writeIndexDefinition(writer, change.index);
      return;
    case 'CreateConstraint':
      writeConstraintDefinition(writer, change.constraint);
      return;
    case 'DropIndex':
    case 'DropConstraint':
      writer.string(change.name);
      return;
  }
}

function writeTokenList(writer: ByteWriter, tokens: readonly number[]): void {
  writer.varUint(tokens.length);
  for (const token of tokens) writer.varUint(token);
}

/** Appends `[key, value]` property pairs (shared with the snapshot format). */
export function writeProperties(writer: ByteWriter, properties: RecordProperties): void {
  writer.varUint(properties.length);
  for (const [key, value] of properties) {
    writer.varUint(key);
    writeValue(writer, value);
  }
}

/** Appends an index definition (shared with the snapshot format). */
export function writeIndexDefinition(writer: ByteWriter, index: IndexDefinition): void {
  writer.string(index.name);
  writer.u8(ENTITY_KINDS.indexOf(index.entity));
  writer.varUint(index.token);
  writeTokenList(writer, index.properties);
}

/** Appends an index definition with its type and vector settings (shared with the snapshot format). */
export function writeTypedIndexDefinition(writer: ByteWriter, index: IndexDefinition): void {
  writeIndexDefinition(writer, index);
  const type = index.type ?? 'RANGE';
  writer.u8(INDEX_TYPES.indexOf(type));
  if (type === 'FULLTEXT') {
    writeTokenList(writer, index.tokens ?? [index.token]);
    writer.string(index.fulltext?.analyzer ?? '');
    writer.u8(index.fulltext?.eventuallyConsistent === true ? 1 : 0);
    return;
  }
  if (type !== 'VECTOR') return;
  writer.varUint(index.vector?.dimensions ?? 0);
  writer.u8(VECTOR_SIMILARITIES.indexOf(index.vector?.similarity ?? 'COSINE'));
}

/** Reads an index definition written by `writeTypedIndexDefinition`. */
export function readTypedIndexDefinition(reader: ByteReader): IndexDefinition {
  const index = readIndexDefinition(reader);
  const type = readEnum(reader, INDEX_TYPES, 'index type');
  if (type === 'RANGE') return index;
  if (type === 'FULLTEXT') {
    const offset = reader.offset;
    const tokens = readTokenList(reader);
    const analyzer = reader.string();
    const eventuallyConsistent = reader.u8();
    if (tokens[0] !== index.token || eventuallyConsistent > 1)
      throw storageDamage(`Malformed record at offset ${offset}: an invalid fulltext index definition`);
    return {
      ...index,
      type,
      tokens,
      fulltext: { analyzer, eventuallyConsistent: eventuallyConsistent === 1 },
    };
  }
  if (type !== 'VECTOR') return { ...index, type };
  const dimensions = reader.varUint();
  const similarity = readEnum(reader, VECTOR_SIMILARITIES, 'vector similarity');
  return { ...index, type, vector: { dimensions: dimensions === 0 ? undefined : dimensions, similarity } };
}

/** Appends a constraint definition (shared with the snapshot format). */
export function writeConstraintDefinition(writer: ByteWriter, constraint: ConstraintDefinition): void {
  writer.string(constraint.name);
  writer.u8(CONSTRAINT_KINDS.indexOf(constraint.kind));
  writer.u8(ENTITY_KINDS.indexOf(constraint.entity));
  writer.varUint(constraint.token);
  writeTokenList(writer, constraint.properties);
  if (constraint.types === undefined) {
    writer.u8(0);
    return;
  }
  writer.u8(1);
  writer.varUint(constraint.types.length);
  for (const type of constraint.types) writer.string(type);
}

/**
 * Decodes a record written by `encodeCommitRecord`; every byte must belong to it.
 * @throws DatabaseError `StorageDamageDetected` when the bytes are not a well-formed record.
 */
export function decodeCommitRecord(bytes: Uint8Array, options: DecodeRecordOptions = {}): CommitRecord {
  const reader = new ByteReader(bytes);
  const record = readCommitRecord(reader, options);
  if (!reader.isAtEnd) {
    throw storageDamage(
      `Malformed record: ${reader.remaining} bytes follow its end at offset ${reader.offset}`,
    );
  }
  return record;
}

/** Reads one record written by `writeCommitRecord`. */
export function readCommitRecord(reader: ByteReader, options: DecodeRecordOptions = {}): CommitRecord {
  const commitTs = reader.varUint();
  const tokenCount = readCount(reader);
  const tokens: TokenDefinition[] = [];
  for (let index = 0; index < tokenCount; index++) tokens.push(readToken(reader, options));
  const changeCount = readCount(reader);
  const changes: StorageChange[] = [];
  for (let index = 0; index < changeCount; index++) changes.push(readChange(reader));
  return { commitTs, tokens, changes };
}

function readToken(reader: ByteReader, options: DecodeRecordOptions): TokenDefinition {
  const offset = reader.offset;
  const kind = readEnum(reader, TOKEN_KINDS, 'token kind');
  const id = reader.varUint();
  const hasName = reader.u8();
  if (hasName === 1) return { kind, id, name: reader.string() };
  const name = hasName === 0 ? options.resolveToken?.(kind, id) : undefined;
  if (name === undefined) {
    throw storageDamage(
      `Malformed record at offset ${offset}: ${kind} token ${id} refers to a definition that is missing`,
    );
  }
  return { kind, id, name };
}

function readChange(reader: ByteReader): StorageChange {
  const offset = reader.offset;
  const tag = reader.u8();
  if (tag === CREATE_TYPED_INDEX_TAG) return { kind: 'CreateIndex', index: readTypedIndexDefinition(reader) };
  const kind = CHANGE_KIND_BY_TAG.get(tag);
  if (kind === undefined)
    throw storageDamage(`Malformed record at offset ${offset}: unknown change tag ${tag}`);
  switch (kind) {
    case 'CreateNode':
      return {
        kind,
        id: reader.varUint(),
        labels: readTokenList(reader),
        properties: readProperties(reader),
      };
    case 'CreateRelationship':
      return {
        kind,
        id: reader.varUint(),
        type: reader.varUint(),
        start: reader.varUint(),
        end: reader.varUint(),
        properties: readProperties(reader),
      };
    case 'AddLabel':
    case 'RemoveLabel':
      return { kind, id: reader.varUint(), label: reader.varUint() };
    case 'SetNodeProperty':
    case 'SetRelationshipProperty':
      return { kind, id: reader.varUint(), key: reader.varUint(), value: readValue(reader) };
    case 'DeleteRelationship':
    case 'DeleteNode':
      return { kind, id: reader.varUint() };
    case 'CreateIndex':
      return { kind, index: readIndexDefinition(reader) };
    case 'CreateConstraint':
      return { kind, constraint: readConstraintDefinition(reader) };
    case 'DropIndex':
    case 'DropConstraint':
      return { kind, name: reader.string() };
  }
}

function readTokenList(reader: ByteReader): number[] {
  const count = readCount(reader);
  const tokens: number[] = [];
  for (let index = 0; index < count; index++) tokens.push(reader.varUint());
  return tokens;
}

/** Reads property pairs written by `writeProperties`. */
export function readProperties(reader: ByteReader): [number, CypherValue][] {
  const count = readCount(reader);
  const properties: [number, CypherValue][] = [];
  for (let index = 0; index < count; index++) properties.push([reader.varUint(), readValue(reader)]);
  return properties;
}

/** Reads an index definition written by `writeIndexDefinition`. */
export function readIndexDefinition(reader: ByteReader): IndexDefinition {
  return {
    name: reader.string(),
    entity: readEnum(reader, ENTITY_KINDS, 'entity kind'),
    token: reader.varUint(),
    properties: readTokenList(reader),
  };
}

/** Reads a constraint definition written by `writeConstraintDefinition`. */
export function readConstraintDefinition(reader: ByteReader): ConstraintDefinition {
  const name = reader.string();
  const kind = readEnum(reader, CONSTRAINT_KINDS, 'constraint kind');
  const entity = readEnum(reader, ENTITY_KINDS, 'entity kind');
  const token = reader.varUint();
  const properties = readTokenList(reader);
  const flagOffset = reader.offset;
  const hasTypes = reader.u8();
  if (hasTypes === 0) return { name, kind, entity, token, properties };
  if (hasTypes !== 1)
    throw storageDamage(`Malformed record at offset ${flagOffset}: bad type flag ${hasTypes}`);
  const count = readCount(reader);
  const types: PropertyType[] = [];
  for (let index = 0; index < count; index++) {
    const offset = reader.offset;
    const type = reader.string();
    if (!PROPERTY_TYPES.has(type)) {
      throw storageDamage(`Malformed record at offset ${offset}: unknown property type "${type}"`);
    }
    types.push(type as PropertyType);
  }
  return { name, kind, entity, token, properties, types };
}

function readEnum<T>(reader: ByteReader, values: readonly T[], what: string): T {
  const offset = reader.offset;
  const index = reader.u8();
  const value = values[index];
  if (value === undefined)
    throw storageDamage(`Malformed record at offset ${offset}: unknown ${what} ${index}`);
  return value;
}

function readCount(reader: ByteReader): number {
  const count = reader.varUint();
  if (count > reader.remaining) {
    throw storageDamage(
      `Malformed record at offset ${reader.offset}: ${count} items cannot fit the data left`,
    );
  }
  return count;
}
