import { EntityNotFoundError } from '../../errors/index.js';
import {
  nodeElementId,
  relationshipElementId,
  type StoreTransaction,
  type TokenRegistries,
  type View,
} from '../../storage/index.js';
import { Node, Path, Relationship, type CypherMap, type CypherValue } from '../../values/index.js';
import { propertyShapesOf, type PropertyShapes } from './property-shapes.js';

const PLACEHOLDER_NODE = { id: 0n, elementId: '' } as const;
const PLACEHOLDER_RELATIONSHIP = { id: 0n, elementId: '', startNodeId: 0n, endNodeId: 0n, type: '' } as const;

/**
 * Live node and relationship values over one store transaction. Rows carry `StoreNode`s and
 * `StoreRelationship`s: they are `Node`/`Relationship` values (equality, ordering and hashing by id work
 * unchanged) whose labels, type and properties are read from the transaction when asked, so a statement
 * sees its own writes (`SET n.x = 1 RETURN n.x`). Before a value leaves the statement (a result record) it is
 * turned into a plain snapshot with `materialize`.
 */
export class StoreEntities {
  readonly tx: StoreTransaction;
  readonly tokens: TokenRegistries;
  readonly databaseId: string;
  private readonly labelNameCache = new Map<readonly number[], readonly string[]>();
  private readonly shapes: PropertyShapes;
  /** The entries of the property map being read (scratch space reused by every read; never re-entered). */
  private readonly collectedKeys: number[] = [];
  private readonly collectedValues: CypherValue[] = [];
  private collected = 0;
  private readonly collect = (key: number, value: CypherValue): void => {
    this.collectedKeys[this.collected] = key;
    this.collectedValues[this.collected++] = value;
  };

  constructor(tx: StoreTransaction, tokens: TokenRegistries, databaseId: string) {
    this.tx = tx;
    this.tokens = tokens;
    this.databaseId = databaseId;
    this.shapes = propertyShapesOf(tokens);
  }

  node(id: number): StoreNode {
    return new StoreNode(this, id);
  }

  relationship(id: number): StoreRelationship {
    return new StoreRelationship(this, id);
  }

  /** The node's labels; a node deleted by this transaction is read as it was before the deletion. */
  nodeLabels(id: number): readonly string[] {
    return this.labelNames(this.tx.nodeLabels(id, this.viewOfNode(id)));
  }

  nodeProperties(id: number): CypherMap {
    return this.readNodeProperties(id, this.viewOfNode(id));
  }

  /**
   * A plain snapshot of node `id` (what `materialize` makes of a `StoreNode`), reading its visibility once
   * instead of once per member: result records of nodes take this path for every row.
   */
  snapshotNode(id: number): Node {
    const view = this.viewOfNode(id);
    return new Node({
      id: BigInt(id),
      elementId: nodeElementId(this.databaseId, id),
      labels: this.labelNames(this.tx.nodeLabels(id, view)),
      properties: this.readNodeProperties(id, view),
    });
  }

  /**
   * The names of an interned label set, frozen and shared by every node with that set (label sets are
   * interned by the store and a token's name never changes, so the set's identity is a safe key).
   */
  private labelNames(set: readonly number[]): readonly string[] {
    const cached = this.labelNameCache.get(set);
    if (cached !== undefined) return cached;
    const names = this.tokens.labels;
    const resolved = Object.freeze(set.map((token) => names.nameOf(token)));
    this.labelNameCache.set(set, resolved);
    return resolved;
  }

  private readNodeProperties(id: number, view: View): CypherMap {
    this.collected = 0;
    this.tx.forEachNodeProperty(id, this.collect, view);
    return this.shapes.build(this.collectedKeys, this.collectedValues, this.collected);
  }

  relationshipProperties(id: number): CypherMap {
    const view = this.viewOfRelationship(id);
    this.collected = 0;
    this.tx.forEachRelationshipProperty(id, this.collect, view);
    return this.shapes.build(this.collectedKeys, this.collectedValues, this.collected);
  }

  /** `OLD` for an entity this transaction deleted (its last visible state), `NEW` otherwise. */
  viewOfNode(id: number): View {
    if (this.tx.nodeExists(id, 'NEW')) return 'NEW';
    if (this.tx.nodeExists(id, 'OLD')) return 'OLD';
    throw new EntityNotFoundError(`Node with id ${id} has been deleted in this transaction`, {
      detail: 'DeletedEntityAccess',
    });
  }

  viewOfRelationship(id: number): View {
    if (this.tx.relationshipExists(id, 'NEW')) return 'NEW';
    if (this.tx.relationshipExists(id, 'OLD')) return 'OLD';
    throw new EntityNotFoundError(`Relationship with id ${id} has been deleted in this transaction`, {
      detail: 'DeletedEntityAccess',
    });
  }
}

/** A node of the store, read live through its transaction (see `StoreEntities`). */
export class StoreNode extends Node {
  readonly entities: StoreEntities;
  /** The storage id. */
  readonly ref: number;

  constructor(entities: StoreEntities, ref: number) {
    super(PLACEHOLDER_NODE);
    this.entities = entities;
    this.ref = ref;
  }

  override get id(): bigint {
    return BigInt(this.ref);
  }

  override get elementId(): string {
    return nodeElementId(this.entities.databaseId, this.ref);
  }

  override get labels(): readonly string[] {
    return this.entities.nodeLabels(this.ref);
  }

  override get properties(): CypherMap {
    return this.entities.nodeProperties(this.ref);
  }
}

/** A relationship of the store, read live through its transaction. */
export class StoreRelationship extends Relationship {
  readonly entities: StoreEntities;
  readonly ref: number;

  constructor(entities: StoreEntities, ref: number) {
    super(PLACEHOLDER_RELATIONSHIP);
    this.entities = entities;
    this.ref = ref;
  }

  override get id(): bigint {
    return BigInt(this.ref);
  }

  override get elementId(): string {
    return relationshipElementId(this.entities.databaseId, this.ref);
  }

  get startRef(): number {
    return this.entities.tx.relationshipStart(this.ref);
  }

  get endRef(): number {
    return this.entities.tx.relationshipEnd(this.ref);
  }

  override get startNodeId(): bigint {
    return BigInt(this.startRef);
  }

  override get startNodeElementId(): string {
    return nodeElementId(this.entities.databaseId, this.startRef);
  }

  override get endNodeId(): bigint {
    return BigInt(this.endRef);
  }

  override get endNodeElementId(): string {
    return nodeElementId(this.entities.databaseId, this.endRef);
  }

  override get type(): string {
    return this.entities.tokens.relationshipTypes.nameOf(this.entities.tx.relationshipType(this.ref));
  }

  override get properties(): CypherMap {
    return this.entities.relationshipProperties(this.ref);
  }
}

/**
 * A copy of `value` in which every live entity (also inside lists, maps and paths) is replaced by a plain
 * snapshot, so it stays valid after the transaction ends. Values without entities are returned as is.
 */
export function materialize(value: CypherValue): CypherValue {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof StoreNode) return value.entities.snapshotNode(value.ref);
  if (value instanceof StoreRelationship) return snapshotRelationship(value);
  if (value instanceof Path) {
    if (!value.nodes.some((node) => node instanceof StoreNode)) return value;
    return new Path(
      value.nodes.map((node) => materialize(node) as Node),
      value.relationships.map((relationship) => materialize(relationship) as Relationship),
    );
  }
  if (Array.isArray(value)) {
    const list = value as readonly CypherValue[];
    let copy: CypherValue[] | undefined;
    for (let index = 0; index < list.length; index++) {
      const element = list[index] as CypherValue;
      // Scalars (most elements) need no call.
      if (typeof element !== 'object' || element === null) continue;
      const converted = materialize(element);
      if (converted === element) continue;
      copy ??= list.slice();
      copy[index] = converted;
    }
    return copy ?? list;
  }
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const map = value as CypherMap;
    let copy: Record<string, CypherValue> | undefined;
    // `for…in` walks the same keys as Object.keys here (plain objects: own enumerable string keys, and
    // Object.prototype has no enumerable ones) without allocating the key array for every map.
    for (const key in map) {
      const element = map[key] as CypherValue;
      if (typeof element !== 'object' || element === null) continue;
      const converted = materialize(element);
      if (converted === element) continue;
      copy ??= { ...map };
      copy[key] = converted;
    }
    return copy ?? map;
  }
  return value;
}

function snapshotRelationship(value: StoreRelationship): Relationship {
  return new Relationship({
    id: value.id,
    elementId: value.elementId,
    startNodeId: value.startNodeId,
    startNodeElementId: value.startNodeElementId,
    endNodeId: value.endNodeId,
    endNodeElementId: value.endNodeElementId,
    type: value.type,
    properties: value.properties,
  });
}
