import { ConstraintViolationError, TransactionConflictError } from '../../errors/index.js';
import { orderCompare, type CypherValue } from '../../values/index.js';
import type { Constraint } from '../constraints/constraint-registry.js';
import { conformsTo, propertyTypeOf } from '../constraints/property-types.js';
import {
  alreadyExists,
  missingProperty,
  wrongType,
  type Subject,
} from '../constraints/violation-messages.js';
import { getProperty, type PropertyMap } from '../graph/property-map.js';
import type { CommitStamp } from '../mvcc/delta.js';
import type { Snapshot } from '../mvcc/visibility.js';
import type { GraphState } from './graph-state.js';
import { isNodeVisibleWithLabel, readNodeProperties } from './node-reads.js';
import { isRelationshipVisible, readRelationshipProperties } from './relationship-reads.js';

/**
 * The checks of one constraint on one entity version (its final state at commit, or a committed version
 * when a constraint is created). Returns the violation message, or `undefined` when the version complies.
 * Uniqueness is checked separately (it needs the other entities).
 */
export function checkShape(
  state: GraphState,
  constraint: Constraint,
  subject: Subject,
  properties: PropertyMap | undefined,
): string | undefined {
  const { definition } = constraint;
  const names = definition.properties.map((key) => state.tokens.propertyKeys.nameOf(key));
  switch (definition.kind) {
    case 'EXISTENCE':
    case 'KEY': {
      const missing = definition.properties.some((key) => getProperty(properties, key) === undefined);
      return missing ? missingProperty(subject, names) : undefined;
    }
    case 'PROPERTY_TYPE': {
      const value = getProperty(properties, definition.properties[0] ?? -1);
      if (value === undefined || conformsTo(value, definition.types ?? [])) return undefined;
      return wrongType(subject, names[0] ?? '', definition.types ?? [], propertyTypeOf(value));
    }
    case 'UNIQUENESS':
      return undefined;
  }
}

/**
 * Commit-time uniqueness: looks up the entity's key in the constraint's index and examines every other
 * entity with an entry for the same key in its newest committed version (plus this transaction's own
 * changes): if that version has the key, the commit violates the constraint. A running transaction's
 * uncommitted changes are ignored, because it is checked when it commits and will then see this commit.
 * But if another transaction is already committing (validated, being logged), the two cannot both be
 * checked against each other, so this commit fails with a transient conflict (the driver retries, as Neo4j's
 * would after waiting on the index lock).
 * @throws ConstraintViolationError, TransactionConflictError
 */
export function checkUniqueAtCommit(
  state: GraphState,
  constraint: Constraint,
  subject: Subject,
  properties: PropertyMap | undefined,
  ownStamp: CommitStamp,
): void {
  const index = constraint.index;
  if (index === undefined) return;
  const key = index.keyOf(properties);
  if (key === undefined) return;
  const entries = index.entries;
  const table = subject.entity === 'NODE' ? state.nodes : state.relationships;
  // Everything committed, whenever, plus this transaction's own writes; nobody's uncommitted ones.
  const latest: Snapshot = { stamp: ownStamp, readTs: Number.MAX_VALUE, command: Number.MAX_SAFE_INTEGER };
  const position = entries.lowerBound((value) => orderCompare(value, key) < 0);
  for (
    ;
    !entries.isEnd(position) && orderCompare(entries.valueAt(position.block, position.index), key) === 0;
  ) {
    const other = entries.idAt(position.block, position.index);
    entries.advance(position);
    if (other === subject.id) continue;
    const head = table.deltas[other];
    if (
      head !== undefined &&
      head.stamp !== ownStamp &&
      head.stamp.preparing &&
      head.stamp.commitTs === Number.POSITIVE_INFINITY
    ) {
      throw new TransactionConflictError(
        `${subject.entity === 'NODE' ? 'Node' : 'Relationship'}(${subject.id}) may collide with an entity a concurrent ` +
          `transaction is changing under constraint '${constraint.definition.name}'; retry the transaction`,
      );
    }
    if (holdsKey(state, latest, constraint, other, key)) {
      const names = constraint.definition.properties.map((id) => state.tokens.propertyKeys.nameOf(id));
      const values = index.isComposite ? (key as readonly CypherValue[]) : [key];
      throw new ConstraintViolationError(alreadyExists({ ...subject, id: other }, names, values));
    }
  }
}

/** Whether entity `id` exists in `snapshot`, is in scope and has `key`. */
function holdsKey(
  state: GraphState,
  snapshot: Snapshot,
  constraint: Constraint,
  id: number,
  key: CypherValue,
): boolean {
  const index = constraint.index;
  if (index === undefined) return false;
  let properties;
  if (constraint.definition.entity === 'NODE') {
    if (!isNodeVisibleWithLabel(state, snapshot, id, index.token, 'NEW')) return false;
    properties = readNodeProperties(state, snapshot, id, 'NEW');
  } else {
    if (!isRelationshipVisible(state, snapshot, id, 'NEW')) return false;
    properties = readRelationshipProperties(state, snapshot, id, 'NEW');
  }
  const own = index.keyOf(properties);
  return own !== undefined && orderCompare(own, key) === 0;
}
