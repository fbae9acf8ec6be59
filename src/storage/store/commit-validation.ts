import { ConstraintViolationError } from '../../errors/index.js';
import type { ConstraintKind } from '../constraints/constraint-definition.js';
import { missingRelationshipsMessage } from '../constraints/violation-messages.js';
import { DeltaAction } from '../mvcc/delta.js';
import type { TransactionState } from '../mvcc/transaction-state.js';
import { checkShape, checkUniqueAtCommit } from './constraint-checks.js';
import type { GraphState } from './graph-state.js';
import { isRelationshipVisible } from './relationship-reads.js';

/**
 * The checks a transaction must pass before it may commit, on its final state. It still owns the head of
 * every chain it wrote, so the tables hold that state. A failure rolls the transaction back.
 * @throws ConstraintViolationError (`Neo.ClientError.Schema.ConstraintValidationFailed`): a deleted node
 * still has relationships, or a constraint is violated; TransactionConflictError when a uniqueness check
 * depends on a transaction still in flight.
 */
export function validateCommit(state: GraphState, tx: TransactionState): void {
  const touchedNodes = new Set<number>();
  const touchedRelationships = new Set<number>();
  for (const delta of tx.deltas) {
    switch (delta.action) {
      case DeltaAction.NODE_DELETED:
        if (state.nodes.deleted[delta.entity] !== 0) assertNoRelationships(state, tx, delta.entity);
        break;
      case DeltaAction.NODE_CREATED:
      case DeltaAction.LABEL_ADDED:
      case DeltaAction.NODE_PROPERTY_SET:
        touchedNodes.add(delta.entity);
        break;
      case DeltaAction.RELATIONSHIP_CREATED:
      case DeltaAction.RELATIONSHIP_PROPERTY_SET:
        touchedRelationships.add(delta.entity);
        break;
      case DeltaAction.LABEL_REMOVED:
      case DeltaAction.RELATIONSHIP_DELETED:
      case DeltaAction.NODE_LOCKED:
      case DeltaAction.RELATIONSHIP_LOCKED:
        break;
    }
  }
  if (state.constraints.size > 0) checkConstraints(state, tx, touchedNodes, touchedRelationships);
}

function assertNoRelationships(state: GraphState, tx: TransactionState, node: number): void {
  if (
    state.adjacency.someEntry(node, (relationship) => isRelationshipVisible(state, tx, relationship, 'NEW'))
  ) {
    throw new ConstraintViolationError(missingRelationshipsMessage(node));
  }
}

function checkConstraints(
  state: GraphState,
  tx: TransactionState,
  nodes: Set<number>,
  relationships: Set<number>,
): void {
  for (const id of nodes) {
    const labels = state.nodes.labels[id];
    if (labels === undefined || state.nodes.deleted[id] !== 0) continue;
    const properties = state.nodes.properties[id];
    for (const label of labels) {
      for (const constraint of state.constraints.forToken('NODE', label)) {
        const subject = { entity: 'NODE', id, token: state.tokens.labels.nameOf(label) } as const;
        const message = checkShape(state, constraint, subject, properties);
        if (message !== undefined)
          throw new ConstraintViolationError(message, constraintCause(constraint.definition.kind));
        checkUniqueAtCommit(state, constraint, subject, properties, tx.stamp);
      }
    }
  }
  for (const id of relationships) {
    if (!state.relationships.isInUse(id) || state.relationships.deleted[id] !== 0) continue;
    const type = state.relationships.type[id] ?? -1;
    const properties = state.relationships.properties[id];
    for (const constraint of state.constraints.forToken('RELATIONSHIP', type)) {
      const subject = {
        entity: 'RELATIONSHIP',
        id,
        token: state.tokens.relationshipTypes.nameOf(type),
      } as const;
      const message = checkShape(state, constraint, subject, properties);
      if (message !== undefined)
        throw new ConstraintViolationError(message, constraintCause(constraint.definition.kind));
      checkUniqueAtCommit(state, constraint, subject, properties, tx.stamp);
    }
  }
}

/**
 * Neo4j reports missing required properties with GQLSTATUS 22N77 and values of a disallowed type with
 * 22N78 instead of the default 22N79 (property uniqueness).
 */
function constraintCause(kind: ConstraintKind): { gqlStatus: '22N77' | '22N78' } | Record<string, never> {
  switch (kind) {
    case 'EXISTENCE':
    case 'KEY':
      return { gqlStatus: '22N77' };
    case 'PROPERTY_TYPE':
      return { gqlStatus: '22N78' };
    case 'UNIQUENESS':
      return {};
  }
}
