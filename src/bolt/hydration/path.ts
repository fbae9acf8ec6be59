import { PackStreamError } from '../../errors/index.js';
import { Structure } from '../../packstream/index.js';
import { Node, Path, Relationship } from '../../values/index.js';
import { dehydrateUnboundRelationship, UnboundRelationship } from './graph.js';
import { isInteger, StructFields } from './fields.js';
import { PATH } from './struct-tags.js';
import type { WireProfile } from './wire-profile.js';

/**
 * Path `50` = `[nodes::List<Node>, rels::List<UnboundRelationship>, indices::List<Integer>]`
 * (bolt-spec-digest §5.1). `nodes` and `rels` hold each distinct node and relationship once, nodes in
 * first-visit order with the start node first. `indices` has a pair per hop: a 1-based relationship
 * reference, positive when the hop follows the relationship's direction and negative against it, then the
 * 0-based index of the node the hop reaches.
 */

export function dehydratePath(path: Path, profile: WireProfile): Structure {
  const nodes: Node[] = [];
  const nodeIndexById = new Map<bigint, number>();
  const indexOfNode = (node: Node): number => {
    let index = nodeIndexById.get(node.id);
    if (index === undefined) {
      index = nodes.push(node) - 1;
      nodeIndexById.set(node.id, index);
    }
    return index;
  };
  const rels: Structure[] = [];
  const relIndexById = new Map<bigint, number>();
  const indices: bigint[] = [];
  indexOfNode(path.start);
  path.relationships.forEach((relationship, hop) => {
    let relIndex = relIndexById.get(relationship.id);
    if (relIndex === undefined) {
      relIndex = rels.push(dehydrateUnboundRelationship(relationship, profile)) - 1;
      relIndexById.set(relationship.id, relIndex);
    }
    // A self-loop starts and ends at the same node: it counts as followed forwards.
    const isForward = relationship.startNodeId === path.nodes[hop]?.id;
    const reached = path.nodes[hop + 1] ?? path.end;
    indices.push(BigInt(isForward ? relIndex + 1 : -(relIndex + 1)), BigInt(indexOfNode(reached)));
  });
  return new Structure(PATH, [nodes, rels, indices]);
}

function invalidPath(message: string): PackStreamError {
  return new PackStreamError('INVALID_STRUCTURE', `Invalid Path structure: ${message}`);
}

/** Rebuilds the full node and relationship sequence; each unbound relationship is bound by its hop's direction. */
export function hydratePath(fields: readonly unknown[]): Path {
  const read = new StructFields('Path', fields, 3);
  const nodes = read.listOf(0, 'Node', (item): item is Node => item instanceof Node);
  const rels = read.listOf(1, 'UnboundRelationship', (item) => item instanceof UnboundRelationship);
  const indices = read.listOf(2, 'INTEGER', isInteger);
  const start = nodes[0];
  if (start === undefined) throw invalidPath('it has no nodes');
  if (indices.length % 2 !== 0) throw invalidPath('the indices list has an odd length');
  const sequence: Node[] = [start];
  const relationships: Relationship[] = [];
  for (let pair = 0; pair < indices.length; pair += 2) {
    const relRef = Number(indices[pair]);
    const unbound = rels[Math.abs(relRef) - 1];
    const next = nodes[Number(indices[pair + 1])];
    if (relRef === 0 || unbound === undefined)
      throw invalidPath(`relationship reference ${relRef} is out of range`);
    if (next === undefined) throw invalidPath(`node index ${indices[pair + 1]} is out of range`);
    const previous = sequence[sequence.length - 1] ?? start;
    const [from, to] = relRef > 0 ? [previous, next] : [next, previous];
    relationships.push(
      new Relationship({
        id: unbound.id,
        elementId: unbound.elementId,
        type: unbound.type,
        properties: unbound.properties,
        startNodeId: from.id,
        startNodeElementId: from.elementId,
        endNodeId: to.id,
        endNodeElementId: to.elementId,
      }),
    );
    sequence.push(next);
  }
  return new Path(sequence, relationships);
}
