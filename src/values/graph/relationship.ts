import type { CypherMap } from '../cypher-value.js';
import { requireInt64 } from '../int64.js';
import { GraphValue } from './graph-value.js';

/** What a `Relationship` is built from; element ids default to the decimal ids. */
export interface RelationshipInit {
  readonly id: bigint;
  readonly elementId?: string;
  readonly startNodeId: bigint;
  readonly startNodeElementId?: string;
  readonly endNodeId: bigint;
  readonly endNodeElementId?: string;
  readonly type: string;
  readonly properties?: CypherMap;
}

const NO_PROPERTIES: CypherMap = Object.freeze({});

/**
 * Cypher RELATIONSHIP as a value: identity, endpoints, type and properties (Bolt `Relationship`). Equality,
 * ordering and hashing use the `id` only, as for nodes.
 */
export class Relationship extends GraphValue {
  /** Makes the class nominal, so a look-alike (e.g. a `Time` where a `LocalTime` is expected) fails to type-check. */
  declare private readonly brand: 'Relationship';
  private readonly init: Required<RelationshipInit>;

  /** @throws CypherArgumentError when an id is outside int64. */
  constructor(init: RelationshipInit) {
    super();
    this.init = {
      id: requireInt64(init.id, 'relationship id'),
      elementId: init.elementId ?? String(init.id),
      startNodeId: requireInt64(init.startNodeId, 'start node id'),
      startNodeElementId: init.startNodeElementId ?? String(init.startNodeId),
      endNodeId: requireInt64(init.endNodeId, 'end node id'),
      endNodeElementId: init.endNodeElementId ?? String(init.endNodeId),
      type: init.type,
      properties: init.properties ?? NO_PROPERTIES,
    };
  }

  // Accessors rather than fields, for the same reason as in `Node`: a live subclass may override them.
  get id(): bigint {
    return this.init.id;
  }

  get elementId(): string {
    return this.init.elementId;
  }

  get startNodeId(): bigint {
    return this.init.startNodeId;
  }

  get startNodeElementId(): string {
    return this.init.startNodeElementId;
  }

  get endNodeId(): bigint {
    return this.init.endNodeId;
  }

  get endNodeElementId(): string {
    return this.init.endNodeElementId;
  }

  get type(): string {
    return this.init.type;
  }

  get properties(): CypherMap {
    return this.init.properties;
  }
}
