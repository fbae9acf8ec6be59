import { orderCompare, type CypherValue } from '../../values/index.js';
import { getProperty, type PropertyMap } from '../graph/property-map.js';
import { SortedEntries } from './sorted-entries.js';

/** Which entities an index or constraint covers. */
export type EntityKind = 'NODE' | 'RELATIONSHIP';

/**
 * POPULATING: being built over existing data (new writes are already indexed, but not every older entity
 * yet), so the planner must not use it. ONLINE: complete. Neo4j shows the same states in `SHOW INDEXES`.
 */
export type IndexState = 'POPULATING' | 'ONLINE';

/** What defines a range index: the entities with `token` (a label or relationship type) and all `properties`. */
export interface IndexDefinition {
  readonly name: string;
  readonly entity: EntityKind;
  /** The label (nodes) or relationship type token. */
  readonly token: number;
  /** Property-key tokens, in index order; more than one makes a composite index. */
  readonly properties: readonly number[];
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
    this.state = state;
  }

  get isComposite(): boolean {
    return this.properties.length > 1;
  }

  /** The key of an entity version with `properties`, or `undefined` when the index does not cover it. */
  keyOf(properties: PropertyMap | undefined): CypherValue | undefined {
    if (this.properties.length === 1) return getProperty(properties, this.properties[0] ?? -1);
    const tuple: CypherValue[] = [];
    for (const key of this.properties) {
      const value = getProperty(properties, key);
      if (value === undefined) return undefined;
      tuple.push(value);
    }
    return tuple;
  }

  /** The value of the first property inside a key (the key itself for a single-property index). */
  leadingValue(key: CypherValue): CypherValue {
    return this.properties.length === 1 ? key : ((key as readonly CypherValue[])[0] as CypherValue);
  }
}
