import { CypherTypeError } from '../../errors/index.js';
import { Node, Relationship, typeName, type CypherValue } from '../../values/index.js';
import type { StoreTransaction } from '../../storage/index.js';
import type { Row } from '../runtime/row.js';
import { StoreNode, StoreRelationship } from '../runtime/store-entities.js';

/** The storage id of a node value; undefined for null / unbound. @throws CypherTypeError for non-nodes */
export function nodeRef(value: CypherValue | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof StoreNode) return value.ref;
  if (value instanceof Node) return Number(value.id);
  throw new CypherTypeError(`Type mismatch: expected Node but was ${typeName(value)}`, {
    detail: 'InvalidArgumentType',
  });
}

/** The storage id of a relationship value; undefined for null / unbound. */
export function relationshipRef(value: CypherValue | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof StoreRelationship) return value.ref;
  if (value instanceof Relationship) return Number(value.id);
  throw new CypherTypeError(`Type mismatch: expected Relationship but was ${typeName(value)}`, {
    detail: 'InvalidArgumentType',
  });
}

/** Whether relationship `id` is held in `value` (a relationship or a list of them, from var-length). */
export function holdsRelationship(value: CypherValue | undefined, id: number): boolean {
  if (value === null || value === undefined) return false;
  if (value instanceof StoreRelationship) return value.ref === id;
  if (Array.isArray(value)) {
    for (const element of value as readonly CypherValue[]) if (holdsRelationship(element, id)) return true;
    return false;
  }
  if (value instanceof Relationship) return Number(value.id) === id;
  return false;
}

/** Whether relationship `id` is held in any of the row's `slots` (relationship uniqueness in a MATCH). */
export function heldInSlots(row: Row, slots: readonly number[], id: number): boolean {
  for (const slot of slots) if (holdsRelationship(row[slot], id)) return true;
  return false;
}

/**
 * Where a walk from `plan.from` starts and, for an Into walk, the node it must reach (-1 otherwise);
 * undefined when the start is null or no longer exists, or the end is null.
 */
export function walkEnds(
  row: Row,
  plan: { readonly from: number; readonly to: number; readonly into: boolean },
  tx: StoreTransaction,
): { readonly from: number; readonly target: number } | undefined {
  const from = nodeRef(row[plan.from]);
  if (from === undefined || !tx.nodeExists(from, 'NEW')) return undefined;
  if (!plan.into) return { from, target: -1 };
  const target = nodeRef(row[plan.to]);
  return target === undefined ? undefined : { from, target };
}
