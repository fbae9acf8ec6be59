import { isPoint, orderCompare, Vector, type CypherValue } from '../../values/index.js';
import { hasLabel, type LabelSet } from '../graph/label-sets.js';
import { getProperty, type PropertyMap } from '../graph/property-map.js';
import { fulltextKeys, type FulltextIndexConfig } from './fulltext-keys.js';
import { fulltextAnalyzer, type FulltextAnalyzer } from './fulltext/index.js';
import { SortedEntries } from './sorted-entries.js';

/** Which entities an index or constraint covers. */
export type EntityKind = 'NODE' | 'RELATIONSHIP';

/**
 * POPULATING: being built over existing data (new writes are already indexed, but not every older entity
 * yet), so the planner must not use it. ONLINE: complete. Neo4j shows the same states in `SHOW INDEXES`.
 */
export type IndexState = 'POPULATING' | 'ONLINE';

/**
 * Neo4j's index types over properties. RANGE indexes every value (and serves the planner's seeks); the
 * others index only the values they are for: TEXT strings, POINT points, VECTOR lists of numbers of the
 * configured dimension (non-zero ones for cosine similarity), searched by `db.index.vector.query*`.
 * FULLTEXT indexes the analyzed terms of string values (and lists of strings) of any of several labels or
 * types and properties, searched by `db.index.fulltext.query*` (fulltext-keys.ts).
 */
export type IndexType = 'RANGE' | 'TEXT' | 'POINT' | 'VECTOR' | 'FULLTEXT';

/** The vector similarity of a VECTOR index (`vector.similarity_function`, upper-cased). */
export type VectorSimilarity = 'COSINE' | 'EUCLIDEAN';

/** A VECTOR index's `indexConfig`. */
export interface VectorIndexConfig {
  /** `vector.dimensions`; undefined: any (Neo4j 5.23+ makes it optional). */
  readonly dimensions: number | undefined;
  readonly similarity: VectorSimilarity;
}

/**
 * What defines an index: the entities with `token` (a label or relationship type) and all `properties`.
 * A FULLTEXT index covers the entities with any of its `tokens` (`token` is the first) and indexes each of
 * its properties they have.
 */
export interface IndexDefinition {
  readonly name: string;
  readonly entity: EntityKind;
  /** The label (nodes) or relationship type token. */
  readonly token: number;
  /** Property-key tokens, in index order; more than one makes a composite index. */
  readonly properties: readonly number[];
  /** Default RANGE. */
  readonly type?: IndexType;
  /** VECTOR indexes only. */
  readonly vector?: VectorIndexConfig | undefined;
  /** FULLTEXT indexes only: every label or type, `token` first. */
  readonly tokens?: readonly number[] | undefined;
  /** FULLTEXT indexes only. */
  readonly fulltext?: FulltextIndexConfig | undefined;
}

/** Whether `value` is a vector a VECTOR index with `config` holds: finite numbers, the right count. */
export function isIndexableVector(value: CypherValue, config: VectorIndexConfig): boolean {
  const elements: Iterable<CypherValue> | undefined =
    value instanceof Vector ? Array.from(value.values, Number) : Array.isArray(value) ? value : undefined;
  const length = value instanceof Vector ? value.dimension : Array.isArray(value) ? value.length : 0;
  if (elements === undefined || length === 0) return false;
  if (config.dimensions !== undefined && length !== config.dimensions) return false;
  let nonZero = false;
  for (const element of elements) {
    const number = typeof element === 'bigint' ? Number(element) : element;
    if (typeof number !== 'number' || !Number.isFinite(number)) return false;
    if (number !== 0) nonZero = true;
  }
  return nonZero || config.similarity === 'EUCLIDEAN';
}

/**
 * A range index over `(label or type, properties)` (Neo4j RANGE index): entries `(key, entity id)` where the
 * key is the property value, or the tuple of values for a composite index, kept sorted in `orderCompare`
 * order. An entity is indexed only when it has every property. Like the token index, entries cover every
 * version not yet garbage-collected, and readers re-check visibility for entities with pending changes.
 */
export class PropertyIndex implements IndexDefinition {
  readonly id: number;
  readonly name: string;
  readonly entity: EntityKind;
  readonly token: number;
  readonly properties: readonly number[];
  readonly type: IndexType;
  readonly vector: VectorIndexConfig | undefined;
  /** The labels or types in scope: `[token]`, or a FULLTEXT index's list. */
  readonly tokens: readonly number[];
  readonly fulltext: FulltextIndexConfig | undefined;
  /** A FULLTEXT index's analyzer. */
  readonly analyzer: FulltextAnalyzer | undefined;
  state: IndexState;
  /** The constraint this index backs (uniqueness, key), if any: it is dropped with it. */
  owningConstraint: string | undefined;
  readonly entries = new SortedEntries(orderCompare);

  constructor(id: number, definition: IndexDefinition, state: IndexState) {
    this.id = id;
    this.name = definition.name;
    this.entity = definition.entity;
    this.token = definition.token;
    this.properties = Object.freeze([...definition.properties]);
    this.type = definition.type ?? 'RANGE';
    this.vector = definition.vector;
    this.tokens = Object.freeze(
      this.type === 'FULLTEXT' && definition.tokens !== undefined ? [...definition.tokens] : [this.token],
    );
    this.fulltext = definition.fulltext;
    this.analyzer =
      this.type === 'FULLTEXT' ? fulltextAnalyzer(definition.fulltext?.analyzer ?? '') : undefined;
    if (this.type === 'FULLTEXT' && this.analyzer === undefined)
      throw new TypeError(`Unknown fulltext analyzer '${definition.fulltext?.analyzer ?? ''}'`);
    this.state = state;
  }

  /** Whether a node with `labels` is in the index's scope (any of its labels, for FULLTEXT). */
  coversLabels(labels: LabelSet): boolean {
    if (this.tokens.length === 1) return hasLabel(labels, this.token);
    for (const token of this.tokens) if (hasLabel(labels, token)) return true;
    return false;
  }

  /** Whether a relationship of `type` is in the index's scope. */
  coversType(type: number): boolean {
    return this.tokens.length === 1 ? type === this.token : this.tokens.includes(type);
  }

  /**
   * Visits every key an entity version with `properties` has in the index: its one key (see `keyOf`), or a
   * FULLTEXT index's term and length keys (fulltext-keys.ts). Keys may repeat; entries are a set.
   */
  forEachKey(properties: PropertyMap | undefined, visit: (key: CypherValue) => void): void {
    if (this.analyzer !== undefined) {
      fulltextKeys(this.properties, this.analyzer, properties, visit);
      return;
    }
    const key = this.keyOf(properties);
    if (key !== undefined) visit(key);
  }

  get isComposite(): boolean {
    return this.properties.length > 1;
  }

  /** The key of an entity version with `properties`, or `undefined` when the index does not cover it. */
  keyOf(properties: PropertyMap | undefined): CypherValue | undefined {
    // A FULLTEXT index has many keys per entity (forEachKey).
    if (this.analyzer !== undefined) return undefined;
    if (this.properties.length === 1) {
      const value = getProperty(properties, this.properties[0] ?? -1);
      return value === undefined || this.type === 'RANGE' || this.holds(value) ? value : undefined;
    }
    const tuple: CypherValue[] = [];
    for (const key of this.properties) {
      const value = getProperty(properties, key);
      if (value === undefined) return undefined;
      tuple.push(value);
    }
    return tuple;
  }

  /** Whether a TEXT, POINT or VECTOR index holds `value` (every value for RANGE; FULLTEXT: see forEachKey). */
  private holds(value: CypherValue): boolean {
    switch (this.type) {
      case 'RANGE':
      case 'FULLTEXT':
        return true;
      case 'TEXT':
        return typeof value === 'string';
      case 'POINT':
        return isPoint(value);
      case 'VECTOR':
        return this.vector !== undefined && isIndexableVector(value, this.vector);
    }
  }

  /** The definition as logged and snapshotted (type and vector settings only where not RANGE). */
  definition(): IndexDefinition {
    const base = { name: this.name, entity: this.entity, token: this.token, properties: this.properties };
    if (this.type === 'RANGE') return base;
    if (this.type === 'FULLTEXT')
      return { ...base, type: this.type, tokens: this.tokens, fulltext: this.fulltext };
    return { ...base, type: this.type, ...(this.vector === undefined ? {} : { vector: this.vector }) };
  }

  /** The value of the first property inside a key (the key itself for a single-property index). */
  leadingValue(key: CypherValue): CypherValue {
    return this.properties.length === 1 ? key : ((key as readonly CypherValue[])[0] as CypherValue);
  }
}
