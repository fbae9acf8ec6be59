import { CypherArgumentError } from '../../errors/index.js';
import { GraphValue } from './graph-value.js';
import type { Node } from './node.js';
import type { Relationship } from './relationship.js';

/**
 * Cypher PATH: alternating nodes and relationships, `nodes.length === relationships.length + 1`, where
 * relationship `i` joins `nodes[i]` and `nodes[i + 1]` in either direction (a path may walk a relationship
 * against its direction). Both arrays are frozen copies.
 */
export class Path extends GraphValue {
  /** Makes the class nominal, so a look-alike (e.g. a `Time` where a `LocalTime` is expected) fails to type-check. */
  declare private readonly brand: 'Path';
  readonly nodes: readonly Node[];
  readonly relationships: readonly Relationship[];
  /** The first node (`nodes[0]`). */
  readonly start: Node;
  /** The last node. */
  readonly end: Node;

  /** @throws CypherArgumentError when the nodes and relationships do not form a path. */
  constructor(nodes: readonly Node[], relationships: readonly Relationship[]) {
    super();
    if (nodes.length !== relationships.length + 1) {
      throw new CypherArgumentError(
        `Invalid path: ${nodes.length} nodes and ${relationships.length} relationships (need one more node)`,
      );
    }
    relationships.forEach((relationship, index) => {
      const from = nodes[index];
      const to = nodes[index + 1];
      if (from === undefined || to === undefined || !joins(relationship, from.id, to.id)) {
        throw new CypherArgumentError(
          `Invalid path: relationship ${relationship.id} does not join nodes ${from?.id} and ${to?.id}`,
        );
      }
    });
    const [first] = nodes;
    const last = nodes.at(-1);
    if (first === undefined || last === undefined)
      throw new CypherArgumentError('Invalid path: it has no node');
    this.start = first;
    this.end = last;
    this.nodes = Object.freeze([...nodes]);
    this.relationships = Object.freeze([...relationships]);
  }

  /** The number of relationships (Cypher `length(p)`). */
  get length(): number {
    return this.relationships.length;
  }
}

function joins(relationship: Relationship, from: bigint, to: bigint): boolean {
  const { startNodeId, endNodeId } = relationship;
  return (startNodeId === from && endNodeId === to) || (startNodeId === to && endNodeId === from);
}
