import { isPoint, orderCompare, Vector, type CypherValue } from '../../values/index.js';
import { getProperty, type PropertyMap } from '../graph/property-map.js';
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
 */
export type IndexType = 'RANGE' | 'TEXT' | 'POINT' | 'VECTOR';

/** The vector similarity of a VECTOR index (`vector.similarity_function`, upper-cased). */
export type VectorSimilarity = 'COSINE' | 'EUCLIDEAN';

/** A VECTOR index's `indexConfig`. */
export interface VectorIndexConfig {
  /** `vector.dimensions`; undefined: any (Neo4j 5.23+ makes it optional). */
  readonly dimensions: number | undefined;
  readonly similarity: VectorSimilarity;
}

/** What defines an index: the entities with `token` (a label or relationship type) and all `properties`. */
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
    this.state = state;
  }

  get isComposite(): boolean {
    return this.properties.length > 1;
  }

  /** The key of an entity version with `properties`, or `undefined` when the index does not cover it. */
  keyOf(properties: PropertyMap | undefined): CypherValue | undefined {
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

  /** Whether a TEXT, POINT or VECTOR index holds `value` (every value for RANGE). */
  private holds(value: CypherValue): boolean {
    switch (this.type) {
      case 'RANGE':
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
    return { ...base, type: this.type, ...(this.vector === undefined ? {} : { vector: this.vector }) };
  }

  /** The value of the first property inside a key (the key itself for a single-property index). */
  leadingValue(key: CypherValue): CypherValue {
    return this.properties.length === 1 ? key : ((key as readonly CypherValue[])[0] as CypherValue);
  }
}
