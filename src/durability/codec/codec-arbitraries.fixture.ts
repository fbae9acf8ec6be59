import fc from 'fast-check';
import type {
  CommitRecord,
  ConstraintDefinition,
  IndexDefinition,
  PropertyType,
  StorageChange,
  TokenDefinition,
} from '../../storage/index.js';
import { SCALAR_PROPERTY_TYPES } from '../../storage/index.js';
import {
  CypherDate,
  DateTime,
  Duration,
  INT64_MAX,
  INT64_MIN,
  LocalDateTime,
  LocalTime,
  MAX_EPOCH_DAY,
  MAX_LOCAL_EPOCH_SECONDS,
  MAX_OFFSET_SECONDS,
  MIN_EPOCH_DAY,
  MIN_LOCAL_EPOCH_SECONDS,
  NANOS_PER_DAY,
  NANOS_PER_SECOND,
  Uuid,
  Point,
  Time,
  Vector,
  type CypherValue,
} from '../../values/index.js';

/*
 * Test-only arbitraries for the durability codecs: every storable property value (full ranges: int64 ends,
 * NaN/±Infinity/-0.0, lone surrogates, extreme dates, zone ids) and commit records with every change kind.
 * Kept beside the codec rather than in test/support because product-side fixtures may not import test/.
 */

/** Records as plain objects, like the ones storage builds (fast-check defaults to null prototypes). */
const PLAIN = { noNullPrototype: true } as const;

const int64 = fc.oneof(
  fc.bigInt({ min: -300n, max: 300n }),
  fc.bigInt({ min: INT64_MIN, max: INT64_MAX }),
  fc.constantFrom(INT64_MIN, INT64_MAX, 0n, -1n),
);
const double = fc.oneof(fc.double(), fc.constantFrom(-0, 0, NaN, Infinity, -Infinity, Number.MIN_VALUE));
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({
    unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
    maxLength: 6,
  }),
  fc.constantFrom('', 'name', '\ud800', 'a\udfffb', '\u{1f600}'),
);
const nanos = fc.integer({ min: 0, max: NANOS_PER_SECOND - 1 });
const offset = fc.integer({ min: -MAX_OFFSET_SECONDS, max: MAX_OFFSET_SECONDS });
const margin = BigInt(MAX_OFFSET_SECONDS);
const zoneIds = ['UTC', 'Europe/London', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham'] as const;

const temporalOrSpatial: fc.Arbitrary<CypherValue>[] = [
  fc.integer({ min: MIN_EPOCH_DAY, max: MAX_EPOCH_DAY }).map((day) => new CypherDate(day)),
  fc.integer({ min: 0, max: NANOS_PER_DAY - 1 }).map((value) => new LocalTime(value)),
  fc
    .tuple(fc.integer({ min: 0, max: NANOS_PER_DAY - 1 }), offset)
    .map(([value, zone]) => new Time(value, zone)),
  fc
    .tuple(fc.bigInt({ min: MIN_LOCAL_EPOCH_SECONDS, max: MAX_LOCAL_EPOCH_SECONDS }), nanos)
    .map(([seconds, fraction]) => new LocalDateTime(seconds, fraction)),
  fc
    .tuple(
      fc.bigInt({ min: MIN_LOCAL_EPOCH_SECONDS + margin, max: MAX_LOCAL_EPOCH_SECONDS - margin }),
      nanos,
      fc.oneof(offset, fc.constantFrom(...zoneIds)),
    )
    .map(([seconds, fraction, zone]) => new DateTime(seconds, fraction, zone)),
  fc
    .tuple(int64, int64, fc.bigInt({ min: INT64_MIN + 1n, max: INT64_MAX - 1n }), nanos)
    .map(([months, days, seconds, fraction]) => new Duration(months, days, seconds, fraction)),
  fc.tuple(fc.constantFrom(7203, 4326), double, double).map(([srid, x, y]) => new Point(srid, x, y)),
  fc
    .tuple(fc.constantFrom(9157, 4979), double, double, double)
    .map(([srid, x, y, z]) => new Point(srid, x, y, z)),
];

const uuid = fc.uint8Array({ minLength: 16, maxLength: 16 }).map((bytes) => new Uuid(bytes));

const scalars: fc.Arbitrary<CypherValue>[] = [fc.boolean(), int64, double, text, uuid, ...temporalOrSpatial];

const vector = fc
  .oneof(
    fc.int8Array({ minLength: 1, maxLength: 5 }),
    fc.int16Array({ minLength: 1, maxLength: 5 }),
    fc.int32Array({ minLength: 1, maxLength: 5 }),
    fc.bigInt64Array({ minLength: 1, maxLength: 5 }),
    fc.float32Array({ minLength: 1, maxLength: 5 }),
    fc.float64Array({ minLength: 1, maxLength: 5 }),
  )
  .map((values) => new Vector(values));

/** Any value a property may hold: scalars, bytes, vectors and homogeneous lists of one scalar kind. */
export function storableValue(): fc.Arbitrary<CypherValue> {
  return fc.oneof(
    { arbitrary: fc.oneof(...scalars), weight: 6 },
    fc.uint8Array({ maxLength: 10 }),
    vector,
    fc.oneof(...scalars.map((element) => fc.array(element, { maxLength: 4 }))),
  );
}

const id = fc.oneof(fc.nat({ max: 50 }), fc.nat({ max: Number.MAX_SAFE_INTEGER }));
const tokenId = fc.nat({ max: 20 });
const properties = fc.array(fc.tuple(tokenId, storableValue()), { maxLength: 3 });
const tokenList = fc.array(tokenId, { maxLength: 3 });
const entity = fc.constantFrom('NODE', 'RELATIONSHIP' as const);

const propertyType: fc.Arbitrary<PropertyType> = fc.oneof(
  fc.constantFrom(...SCALAR_PROPERTY_TYPES),
  fc.constantFrom(...SCALAR_PROPERTY_TYPES).map((type): PropertyType => `LIST<${type} NOT NULL>`),
);

const rangeIndexDefinition: fc.Arbitrary<IndexDefinition> = fc.record(
  {
    name: text,
    entity,
    token: tokenId,
    properties: tokenList,
  },
  PLAIN,
);

/** RANGE definitions leave `type` out (as the store logs them); TEXT, POINT, VECTOR and FULLTEXT carry it. */
const indexDefinition: fc.Arbitrary<IndexDefinition> = fc.oneof(
  rangeIndexDefinition,
  fc
    .tuple(rangeIndexDefinition, fc.constantFrom('TEXT' as const, 'POINT' as const))
    .map(([definition, type]) => ({ ...definition, type })),
  fc
    .tuple(
      rangeIndexDefinition,
      fc.option(fc.integer({ min: 1, max: 4096 }), { nil: undefined }),
      fc.constantFrom('COSINE' as const, 'EUCLIDEAN' as const),
    )
    .map(([definition, dimensions, similarity]) => ({
      ...definition,
      type: 'VECTOR' as const,
      vector: { dimensions, similarity },
    })),
  fc
    .tuple(rangeIndexDefinition, fc.array(tokenId, { maxLength: 3 }), text, fc.boolean())
    .map(([definition, more, analyzer, eventuallyConsistent]) => ({
      ...definition,
      type: 'FULLTEXT' as const,
      tokens: [definition.token, ...more],
      fulltext: { analyzer, eventuallyConsistent },
    })),
);

const constraintDefinition: fc.Arbitrary<ConstraintDefinition> = fc.oneof(
  fc.record(
    {
      name: text,
      kind: fc.constantFrom('UNIQUENESS', 'EXISTENCE', 'KEY' as const),
      entity,
      token: tokenId,
      properties: tokenList,
    },
    PLAIN,
  ),
  fc.record(
    {
      name: text,
      kind: fc.constant('PROPERTY_TYPE' as const),
      entity,
      token: tokenId,
      properties: tokenList,
      types: fc.array(propertyType, { minLength: 1, maxLength: 3 }),
    },
    PLAIN,
  ),
);

/** Any storage change, every kind. */
export const storageChange: fc.Arbitrary<StorageChange> = fc.oneof(
  fc.record({ kind: fc.constant('CreateNode' as const), id, labels: tokenList, properties }, PLAIN),
  fc.record(
    {
      kind: fc.constant('CreateRelationship' as const),
      id,
      type: tokenId,
      start: id,
      end: id,
      properties,
    },
    PLAIN,
  ),
  fc.record({ kind: fc.constantFrom('AddLabel', 'RemoveLabel' as const), id, label: tokenId }, PLAIN),
  fc.record(
    {
      kind: fc.constantFrom('SetNodeProperty', 'SetRelationshipProperty' as const),
      id,
      key: tokenId,
      value: fc.oneof({ arbitrary: storableValue(), weight: 4 }, fc.constant(null)),
    },
    PLAIN,
  ),
  fc.record({ kind: fc.constantFrom('DeleteRelationship', 'DeleteNode' as const), id }, PLAIN),
  fc.record({ kind: fc.constant('CreateIndex' as const), index: indexDefinition }, PLAIN),
  fc.record({ kind: fc.constant('CreateConstraint' as const), constraint: constraintDefinition }, PLAIN),
  fc.record({ kind: fc.constantFrom('DropIndex', 'DropConstraint' as const), name: text }, PLAIN),
);

/** A token definition; names are derived from kind and id so that one token never has two names. */
export const tokenDefinition: fc.Arbitrary<TokenDefinition> = fc
  .tuple(fc.constantFrom('LABEL', 'RELATIONSHIP_TYPE', 'PROPERTY_KEY' as const), tokenId)
  .map(([kind, tokenNumber]) => ({ kind, id: tokenNumber, name: `${kind.toLowerCase()}-${tokenNumber}` }));

/** Any commit record with its commit ts drawn from `commitTs`. */
export function commitRecord(commitTs: fc.Arbitrary<number> = id): fc.Arbitrary<CommitRecord> {
  return fc.record(
    {
      commitTs,
      tokens: fc.uniqueArray(tokenDefinition, {
        selector: (token) => `${token.kind}:${token.id}`,
        maxLength: 4,
      }),
      changes: fc.array(storageChange, { maxLength: 5 }),
    },
    PLAIN,
  );
}
