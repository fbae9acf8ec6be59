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
  /** The int64 id (Bolt's `id` field; `id(n)` in Cypher). */
  readonly id: bigint;
  /** The string id of Bolt 5+ (`elementId(n)` in Cypher). */
  readonly elementId: string;
  /** Labels, frozen. */
  readonly labels: readonly string[];
  readonly properties: CypherMap;

  /** @throws CypherArgumentError when the id is outside int64. */
  constructor(init: NodeInit) {
    super();
    this.id = requireInt64(init.id, 'node id');
    this.elementId = init.elementId ?? String(init.id);
    // An already frozen array (a label list shared by many nodes) is kept: no copy per node.
    const labels = init.labels;
    this.labels =
      labels === undefined ? NO_LABELS : Object.isFrozen(labels) ? labels : Object.freeze([...labels]);
    this.properties = init.properties ?? NO_PROPERTIES;
  }
}
