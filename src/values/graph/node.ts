import type { CypherMap } from '../cypher-value.js';
import { requireInt64 } from '../int64.js';
import { GraphValue } from './graph-value.js';

/** What a `Node` is built from; `elementId` defaults to the decimal id. */
export interface NodeInit {
  readonly id: bigint;
  readonly elementId?: string;
  readonly labels?: readonly string[];
  readonly properties?: CypherMap;
}

const NO_PROPERTIES: CypherMap = Object.freeze({});
const NO_LABELS: readonly string[] = Object.freeze([]);

/**
 * Cypher NODE as a value: a snapshot of a node's identity, labels and properties (Bolt `Node`). Equality,
 * ordering and hashing use the `id` only, so two snapshots of one node taken before and after an update
 * are the same value, as in Neo4j.
 */
export class Node extends GraphValue {
  /** Makes the class nominal, so a look-alike (e.g. a `Time` where a `LocalTime` is expected) fails to type-check. */
  declare private readonly brand: 'Node';
  private readonly initId: bigint;
  private readonly initElementId: string;
  private readonly initLabels: readonly string[];
  private readonly initProperties: CypherMap;

  /** @throws CypherArgumentError when the id is outside int64. */
  constructor(init: NodeInit) {
    super();
    this.initId = requireInt64(init.id, 'node id');
    this.initElementId = init.elementId ?? String(init.id);
    // An already frozen array (a label list shared by many nodes) is kept: no copy per node.
    const labels = init.labels;
    this.initLabels =
      labels === undefined ? NO_LABELS : Object.isFrozen(labels) ? labels : Object.freeze([...labels]);
    this.initProperties = init.properties ?? NO_PROPERTIES;
  }

  /**
   * The int64 id (Bolt's `id` field; `id(n)` in Cypher). The four members are accessors so that a layer
   * above can subclass `Node` with a live view of a stored node (execution reads labels and properties
   * from its transaction) while equality, ordering and hashing keep working on `id`.
   */
  get id(): bigint {
    return this.initId;
  }

  /** The string id of Bolt 5+ (`elementId(n)` in Cypher). */
  get elementId(): string {
    return this.initElementId;
  }

  /** Labels, frozen. */
  get labels(): readonly string[] {
    return this.initLabels;
  }

  get properties(): CypherMap {
    return this.initProperties;
  }
}
