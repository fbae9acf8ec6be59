import { Node, Relationship, type CypherMap } from '../../values/index.js';
import { Structure, type Packer } from '../../packstream/index.js';
import { isString, StructFields } from './fields.js';
import { NODE, RELATIONSHIP, UNBOUND_RELATIONSHIP } from './struct-tags.js';
import type { WireProfile } from './wire-profile.js';

/**
 * Node, Relationship and UnboundRelationship (bolt-spec-digest §5.1). Before Bolt 5.0 they have 3/5/3
 * fields; from 5.0 on they also carry element ids (4/8/4). Ids are always real int64s: Java and Go drivers
 * fail on null ids.
 */

/**
 * A relationship without its endpoints, as it appears only inside a Path structure. Hydrating a Path turns
 * these back into `Relationship`s using the direction of each hop.
 */
export class UnboundRelationship {
  readonly id: bigint;
  readonly elementId: string;
  readonly type: string;
  readonly properties: CypherMap;

  constructor(id: bigint, elementId: string, type: string, properties: CypherMap) {
    this.id = id;
    this.elementId = elementId;
    this.type = type;
    this.properties = properties;
  }
}

export function dehydrateNode(node: Node, profile: WireProfile): Structure {
  const { id, labels, properties } = node;
  return new Structure(
    NODE,
    profile.hasElementIds ? [id, labels, properties, node.elementId] : [id, labels, properties],
  );
}

/**
 * Packs a Node's structure straight into `packer`, the same bytes as {@link dehydrateNode} without the
 * `Structure` and its field array (a result stream of nodes packs one per record).
 */
export function writeNode(packer: Packer, node: Node, profile: WireProfile): void {
  const hasElementIds = profile.hasElementIds;
  packer.writeStructHeader(hasElementIds ? 4 : 3, NODE);
  packer.packInteger(node.id);
  packer.packValue(node.labels);
  packer.packValue(node.properties);
  if (hasElementIds) packer.packValue(node.elementId);
}

export function hydrateNode(fields: readonly unknown[], profile: WireProfile): Node {
  const read = new StructFields('Node', fields, profile.hasElementIds ? 4 : 3);
  const id = read.integer(0);
  return new Node({
    id,
    labels: read.listOf(1, 'STRING', isString),
    properties: read.map(2) as CypherMap,
    elementId: profile.hasElementIds ? read.string(3) : String(id),
  });
}

export function dehydrateRelationship(relationship: Relationship, profile: WireProfile): Structure {
  const { id, startNodeId, endNodeId, type, properties } = relationship;
  const fields: unknown[] = [id, startNodeId, endNodeId, type, properties];
  if (profile.hasElementIds) {
    fields.push(relationship.elementId, relationship.startNodeElementId, relationship.endNodeElementId);
  }
  return new Structure(RELATIONSHIP, fields);
}

/** Packs a Relationship's structure straight into `packer` (see {@link writeNode}). */
export function writeRelationship(packer: Packer, relationship: Relationship, profile: WireProfile): void {
  const hasElementIds = profile.hasElementIds;
  packer.writeStructHeader(hasElementIds ? 8 : 5, RELATIONSHIP);
  packer.packInteger(relationship.id);
  packer.packInteger(relationship.startNodeId);
  packer.packInteger(relationship.endNodeId);
  packer.packValue(relationship.type);
  packer.packValue(relationship.properties);
  if (hasElementIds) {
    packer.packValue(relationship.elementId);
    packer.packValue(relationship.startNodeElementId);
    packer.packValue(relationship.endNodeElementId);
  }
}

export function hydrateRelationship(fields: readonly unknown[], profile: WireProfile): Relationship {
  const read = new StructFields('Relationship', fields, profile.hasElementIds ? 8 : 5);
  const id = read.integer(0);
  const startNodeId = read.integer(1);
  const endNodeId = read.integer(2);
  return new Relationship({
    id,
    startNodeId,
    endNodeId,
    type: read.string(3),
    properties: read.map(4) as CypherMap,
    elementId: profile.hasElementIds ? read.string(5) : String(id),
    startNodeElementId: profile.hasElementIds ? read.string(6) : String(startNodeId),
    endNodeElementId: profile.hasElementIds ? read.string(7) : String(endNodeId),
  });
}

/** The unbound form of a relationship, for the `rels` list of a Path. */
export function dehydrateUnboundRelationship(relationship: Relationship, profile: WireProfile): Structure {
  const fields: unknown[] = [relationship.id, relationship.type, relationship.properties];
  if (profile.hasElementIds) fields.push(relationship.elementId);
  return new Structure(UNBOUND_RELATIONSHIP, fields);
}

export function hydrateUnboundRelationship(
  fields: readonly unknown[],
  profile: WireProfile,
): UnboundRelationship {
  const read = new StructFields('UnboundRelationship', fields, profile.hasElementIds ? 4 : 3);
  const id = read.integer(0);
  const elementId = profile.hasElementIds ? read.string(3) : String(id);
  return new UnboundRelationship(id, elementId, read.string(1), read.map(2) as CypherMap);
}
