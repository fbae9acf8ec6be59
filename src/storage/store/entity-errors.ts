import { EntityNotFoundError, TransactionConflictError } from '../../errors/index.js';

/** Which table an id belongs to, spelled as Neo4j spells it in messages. */
export type EntityWord = 'Node' | 'Relationship';

/**
 * A read or write of an entity the transaction cannot see. When the transaction itself deleted it, the
 * message is Neo4j's "has been deleted in this transaction"; otherwise the id names nothing in the snapshot.
 */
export function entityNotFound(
  word: EntityWord,
  id: number,
  deletedByThisTransaction: boolean,
): EntityNotFoundError {
  return new EntityNotFoundError(
    deletedByThisTransaction
      ? `${word} with id ${id} has been deleted in this transaction`
      : `Unable to load ${word.toUpperCase()} with id ${id}`,
    deletedByThisTransaction ? { detail: 'DeletedEntityAccess' } : {},
  );
}

/** A write-write conflict (first updater wins): a transient error, so drivers retry the transaction. */
export function writeConflict(word: EntityWord, id: number): TransactionConflictError {
  return new TransactionConflictError(
    `Cannot write ${word.toLowerCase()} ${id}: a concurrent transaction changed it first; ` +
      'this transaction was rolled back and may be retried',
  );
}
