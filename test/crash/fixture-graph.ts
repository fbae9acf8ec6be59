/**
 * The graph inside the format fixtures (test/crash/fixtures/format-v1/ to format-v4/): a snapshot part and a
 * WAL part, with every storable value type and a schema. make-fixtures.ts wrote the fixtures with these
 * functions and format-fixtures.test.ts builds the expected graph with them, so NEVER CHANGE THE GRAPH: a
 * fixture stands for files a released version wrote. A new format gets a new fixture directory (and its own
 * builder when the graph it needs differs).
 */
import type { GraphStore } from '../../src/storage/index.js';
import {
  CypherDate,
  DateTime,
  Duration,
  INT64_MAX,
  INT64_MIN,
  LocalDateTime,
  LocalTime,
  Point,
  Time,
  Vector,
  type CypherValue,
} from '../../src/values/index.js';

export const FIXTURE_DATABASE_ID = '6a1d5a0e-7c3b-4e55-9b1f-2f8d6c4e9a10';
/** The creation time written into the fixture snapshot header. */
export const FIXTURE_CREATED_AT = 1_767_225_600_000;

/** One property per storable value type (and edge values), by name. */
export function fixtureValues(): [string, CypherValue][] {
  return [
    ['yes', true],
    ['no', false],
    ['int', 42n],
    ['intMin', INT64_MIN],
    ['intMax', INT64_MAX],
    ['float', 1.5],
    ['negativeZero', -0],
    ['notANumber', NaN],
    ['infinity', Infinity],
    ['minusInfinity', -Infinity],
    ['text', 'héllo wörld \u{1f600}'],
    ['loneSurrogate', 'a\ud800b'],
    ['empty', ''],
    ['bytes', Uint8Array.of(0, 1, 254, 255)],
    ['vector', new Vector(Float64Array.of(0.5, -2, 3.25))],
    ['ints', [1n, -2n, 3n]],
    ['floats', [0.25, -0, 1e300]],
    ['strings', ['a', 'b', '']],
    ['booleans', [true, false]],
    ['date', new CypherDate(20_000)],
    ['localTime', new LocalTime(12_345_678_901_234)],
    ['time', new Time(45_296_000_000_001, 3600)],
    ['localDateTime', new LocalDateTime(1_700_000_000n, 123_456_789)],
    ['dateTimeOffset', new DateTime(1_700_000_000n, 5, -18_000)],
    ['dateTimeZone', new DateTime(1_700_000_000n, 999_999_999, 'Europe/London')],
    ['duration', new Duration(14n, -3n, 3_661n, 500)],
    ['cartesian', new Point(7203, 1.5, -2.5)],
    ['cartesian3d', new Point(9157, 1, 2, 3)],
    ['wgs84', new Point(4326, 13.4, 52.5)],
    ['wgs843d', new Point(4979, 13.4, 52.5, 34)],
    ['dates', [new CypherDate(1), new CypherDate(-1)]],
  ];
}

/** What goes into the fixture's snapshot: people with every value, relationships, an index, constraints. */
export async function buildSnapshotPart(store: GraphStore): Promise<void> {
  const person = store.tokens.labels.getOrCreate('Person');
  const city = store.tokens.labels.getOrCreate('City');
  const knows = store.tokens.relationshipTypes.getOrCreate('KNOWS');
  const livesIn = store.tokens.relationshipTypes.getOrCreate('LIVES_IN');
  const name = store.tokens.propertyKeys.getOrCreate('name');
  const tx = store.begin();
  const values = fixtureValues().map(
    ([key, value]) => [store.tokens.propertyKeys.getOrCreate(key), value] as const,
  );
  const alice = tx.createNode([person], [[name, 'Alice'], ...values]);
  const bob = tx.createNode([person], [[name, 'Bob']]);
  const gone = tx.createNode([person], [[name, 'Gone']]);
  const berlin = tx.createNode([city], [[name, 'Berlin']]);
  tx.createRelationship(knows, alice, bob, values);
  tx.createRelationship(livesIn, alice, berlin);
  tx.createRelationship(livesIn, bob, berlin, [[name, 'since 2020']]);
  await tx.commit();
  const remove = store.begin();
  remove.deleteNode(gone);
  await remove.commit();
  await store.createIndex({ name: 'person_name', entity: 'NODE', token: person, properties: [name] });
  await store.createConstraint({
    name: 'city_name',
    kind: 'UNIQUENESS',
    entity: 'NODE',
    token: city,
    properties: [name],
  });
  await store.createConstraint({
    name: 'knows_type',
    kind: 'PROPERTY_TYPE',
    entity: 'RELATIONSHIP',
    token: knows,
    properties: [store.tokens.propertyKeys.getOrCreate('int')],
    types: ['INTEGER'],
  });
}

/**
 * The TEXT, POINT and VECTOR indexes of format-v4 (WAL format 4, snapshot format 2), after the snapshot part
 * (`part` 'snapshot') or the WAL part ('wal'). Older fixtures have none.
 */
export async function buildTypedIndexes(store: GraphStore, part: 'snapshot' | 'wal'): Promise<void> {
  const person = store.tokens.labels.getOrCreate('Person');
  const keys = store.tokens.propertyKeys;
  if (part === 'snapshot') {
    await store.createIndex({
      name: 'person_text',
      entity: 'NODE',
      token: person,
      properties: [keys.getOrCreate('name')],
      type: 'TEXT',
    });
    await store.createIndex({
      name: 'person_vector',
      entity: 'NODE',
      token: person,
      properties: [keys.getOrCreate('vector')],
      type: 'VECTOR',
      vector: { dimensions: 3, similarity: 'COSINE' },
    });
    return;
  }
  await store.createIndex({
    name: 'person_place',
    entity: 'NODE',
    token: person,
    properties: [keys.getOrCreate('cartesian')],
    type: 'POINT',
  });
  await store.createIndex({
    name: 'knows_vector',
    entity: 'RELATIONSHIP',
    token: store.tokens.relationshipTypes.getOrCreate('KNOWS'),
    properties: [keys.getOrCreate('floats')],
    type: 'VECTOR',
    vector: { dimensions: undefined, similarity: 'EUCLIDEAN' },
  });
  await store.dropIndex('person_text');
}

/**
 * The FULLTEXT indexes of format-v5 (WAL format 5, snapshot format 3), after the typed indexes of the
 * snapshot part (`part` 'snapshot') or of the WAL part ('wal'). Older fixtures have none.
 */
export async function buildFulltextIndexes(store: GraphStore, part: 'snapshot' | 'wal'): Promise<void> {
  const labels = store.tokens.labels;
  const keys = store.tokens.propertyKeys;
  if (part === 'snapshot') {
    await store.createIndex({
      name: 'people_fulltext',
      entity: 'NODE',
      token: labels.getOrCreate('Person'),
      tokens: [labels.getOrCreate('Person'), labels.getOrCreate('Admin')],
      properties: [keys.getOrCreate('name'), keys.getOrCreate('text')],
      type: 'FULLTEXT',
      fulltext: { analyzer: 'standard-no-stop-words', eventuallyConsistent: false },
    });
    return;
  }
  const knows = store.tokens.relationshipTypes.getOrCreate('KNOWS');
  await store.createIndex({
    name: 'knows_fulltext',
    entity: 'RELATIONSHIP',
    token: knows,
    tokens: [knows],
    properties: [keys.getOrCreate('text')],
    type: 'FULLTEXT',
    fulltext: { analyzer: 'english', eventuallyConsistent: true },
  });
}

/** What the fixture's WAL holds after the snapshot: every kind of change. */
export async function buildWalPart(store: GraphStore): Promise<void> {
  const person = store.tokens.labels.getOrCreate('Person');
  const admin = store.tokens.labels.getOrCreate('Admin');
  const knows = store.tokens.relationshipTypes.getOrCreate('KNOWS');
  const name = store.tokens.propertyKeys.getOrCreate('name');
  const score = store.tokens.propertyKeys.getOrCreate('score');
  const first = store.begin();
  const carol = first.createNode(
    [person, admin],
    [
      [name, 'Carol'],
      [score, new Duration(0n, 1n, 0n, 0)],
    ],
  );
  first.createRelationship(knows, carol, 0, [[score, 0.5]]);
  first.addLabel(1, admin);
  first.setNodeProperty(0, score, [new LocalTime(1), new LocalTime(2)]);
  await first.commit();
  const second = store.begin();
  second.removeLabel(1, admin);
  second.removeNodeProperty(0, store.tokens.propertyKeys.getOrCreate('float'));
  second.setRelationshipProperty(0, score, new Point(7203, 0, 0));
  second.deleteRelationship(1);
  await second.commit();
  await store.createIndex({ name: 'admin_score', entity: 'NODE', token: admin, properties: [score, name] });
  await store.dropIndex('person_name');
  await store.dropConstraint('knows_type');
  await store.createConstraint({
    name: 'person_key',
    kind: 'EXISTENCE',
    entity: 'NODE',
    token: person,
    properties: [name],
  });
}
