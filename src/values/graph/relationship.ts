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
  readonly id: bigint;
  readonly elementId: string;
  readonly startNodeId: bigint;
  readonly startNodeElementId: string;
  readonly endNodeId: bigint;
  readonly endNodeElementId: string;
  readonly type: string;
  readonly properties: CypherMap;

  /** @throws CypherArgumentError when an id is outside int64. */
  constructor(init: RelationshipInit) {
    super();
    this.id = requireInt64(init.id, 'relationship id');
    this.elementId = init.elementId ?? String(init.id);
    this.startNodeId = requireInt64(init.startNodeId, 'start node id');
    this.startNodeElementId = init.startNodeElementId ?? String(init.startNodeId);
    this.endNodeId = requireInt64(init.endNodeId, 'end node id');
    this.endNodeElementId = init.endNodeElementId ?? String(init.endNodeId);
    this.type = init.type;
    this.properties = init.properties ?? NO_PROPERTIES;
  }
}
