import { DatabaseError, InternalError, Status, TransactionConflictError } from '../../errors/index.js';
import type { CypherValue } from '../../values/index.js';
import * as nodeWrites from './node-writes.js';
import * as relationshipWrites from './relationship-writes.js';
import { commitTransaction, rollbackTransaction } from './transaction-lifecycle.js';
import { TransactionReader } from './transaction-reader.js';
import type { PropertyEntries } from './write-support.js';

/**
 * A transaction on a `GraphStore`: snapshot-isolated reads (see `TransactionReader`) plus writes, ended by
 * `commit` or `rollback`. The API is synchronous apart from `commit`, whose promise settles when the commit
 * log acknowledged the commit; many transactions may be open at once and interleave freely.
 *
 * Writes check first and change nothing when they throw. A write-write conflict (another transaction wrote
 * the entity first and has not committed, or committed after this snapshot) throws TransactionConflictError
 * (`Neo.TransientError.Transaction.DeadlockDetected`, which drivers retry) and rolls this transaction back
 * at once, releasing what it wrote; every later call rethrows that error.
 *
 * Transactions that write are serializable: `commit` rejects with TransactionConflictError
 * (`Neo.TransientError.Transaction.Outdated`, also retried) when something the transaction read was changed
 * by a transaction that committed after its snapshot (see read-validation.ts). Read-only transactions, and
 * read-write ones that wrote nothing, always commit.
 */
export class StoreTransaction extends TransactionReader {
  /** Creates a node with label tokens and properties; returns its id. @throws CypherTypeError */
  createNode(labels: readonly number[], properties?: PropertyEntries): number {
    this.assertWritable();
    try {
      return nodeWrites.createNode(this.context.state, this.tx, labels, properties);
    } catch (error) {
      return this.fail(error);
    }
  }

  /**
   * Deletes node `id`; its relationships must be gone by commit, else the commit fails with
   * ConstraintValidationFailed. @throws EntityNotFoundError, TransactionConflictError
   */
  deleteNode(id: number): void {
    this.assertWritable();
    this.noteRead('NODE', id);
    try {
      nodeWrites.deleteNode(this.context.state, this.tx, id);
    } catch (error) {
      this.fail(error);
    }
  }

  /** DETACH DELETE: deletes node `id` and its relationships; returns how many relationships were deleted. */
  detachDeleteNode(id: number): number {
    this.assertWritable();
    this.noteRead('NODE', id);
    try {
      const cursor = this.expand(id, 'BOTH', undefined, 'NEW');
      const relationships: number[] = [];
      for (let relationship = cursor.next(); relationship !== -1; relationship = cursor.next()) {
        relationships.push(relationship);
      }
      for (const relationship of relationships) {
        relationshipWrites.deleteRelationship(this.context.state, this.tx, relationship);
      }
      nodeWrites.deleteNode(this.context.state, this.tx, id);
      return relationships.length;
    } catch (error) {
      return this.fail(error);
    }
  }

  /** Adds a label; returns false when the node already had it. */
  addLabel(id: number, label: number): boolean {
    this.assertWritable();
    this.noteRead('NODE', id);
    try {
      return nodeWrites.addLabel(this.context.state, this.tx, id, label);
    } catch (error) {
      return this.fail(error);
    }
  }

  /** Removes a label; returns false when the node did not have it. */
  removeLabel(id: number, label: number): boolean {
    this.assertWritable();
    this.noteRead('NODE', id);
    try {
      return nodeWrites.removeLabel(this.context.state, this.tx, id, label);
    } catch (error) {
      return this.fail(error);
    }
  }

  /** Sets a property (`null` removes it). @throws CypherTypeError for values that cannot be stored */
  setNodeProperty(id: number, key: number, value: CypherValue): void {
    this.assertWritable();
    this.noteRead('NODE', id);
    try {
      nodeWrites.setNodeProperty(this.context.state, this.tx, id, key, value);
    } catch (error) {
      this.fail(error);
    }
  }

  /** Removes a property; returns false when it was absent. */
  removeNodeProperty(id: number, key: number): boolean {
    this.assertWritable();
    this.noteRead('NODE', id);
    try {
      return nodeWrites.removeNodeProperty(this.context.state, this.tx, id, key);
    } catch (error) {
      return this.fail(error);
    }
  }

  /** Creates `(start)-[:type]->(end)`; returns its id. */
  createRelationship(type: number, start: number, end: number, properties?: PropertyEntries): number {
    this.assertWritable();
    try {
      return relationshipWrites.createRelationship(this.context.state, this.tx, type, start, end, properties);
    } catch (error) {
      return this.fail(error);
    }
  }

  deleteRelationship(id: number): void {
    this.assertWritable();
    this.noteRead('RELATIONSHIP', id);
    try {
      relationshipWrites.deleteRelationship(this.context.state, this.tx, id);
    } catch (error) {
      this.fail(error);
    }
  }

  /** Sets a relationship property (`null` removes it). */
  setRelationshipProperty(id: number, key: number, value: CypherValue): void {
    this.assertWritable();
    this.noteRead('RELATIONSHIP', id);
    try {
      relationshipWrites.setRelationshipProperty(this.context.state, this.tx, id, key, value);
    } catch (error) {
      this.fail(error);
    }
  }

  /** Removes a relationship property; returns false when it was absent. */
  removeRelationshipProperty(id: number, key: number): boolean {
    this.assertWritable();
    this.noteRead('RELATIONSHIP', id);
    try {
      return relationshipWrites.removeRelationshipProperty(this.context.state, this.tx, id, key);
    } catch (error) {
      return this.fail(error);
    }
  }

  /**
   * Write-locks node `id` without changing it (`SELECT … FOR UPDATE`): a concurrent writer of the node
   * conflicts with this transaction at once, instead of one of the two failing validation at commit.
   */
  lockNode(id: number): void {
    this.assertWritable();
    this.noteRead('NODE', id);
    try {
      nodeWrites.lockNode(this.context.state, this.tx, id);
    } catch (error) {
      this.fail(error);
    }
  }

  /** Write-locks relationship `id` (see `lockNode`). */
  lockRelationship(id: number): void {
    this.assertWritable();
    this.noteRead('RELATIONSHIP', id);
    try {
      relationshipWrites.lockRelationship(this.context.state, this.tx, id);
    } catch (error) {
      this.fail(error);
    }
  }

  /**
   * Commits. Returns nothing when the commit is durable (per the commit log) and visible at once (nothing
   * written, or a log that acknowledged synchronously), else a promise that resolves when it is. Failures
   * are always a rejected promise, after rolling back: TransactionConflictError (`Outdated`: a concurrent
   * commit changed what this transaction read), ConstraintViolationError, or the commit log's error.
   */
  commit(): void | Promise<void> {
    // Everything up to publication runs synchronously inside this call (see commitTransaction).
    try {
      this.assertActive();
      return commitTransaction(this.context, this.tx);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new InternalError(String(error)));
    }
  }

  /** Rolls back; a no-op when the transaction was already rolled back. */
  rollback(): void {
    if (this.tx.status === 'ABORTED') return;
    this.assertActive();
    rollbackTransaction(this.context, this.tx);
  }

  private assertWritable(): void {
    this.assertActive();
    if (this.tx.readOnly) {
      throw new DatabaseError(Status.AccessMode, 'Writing in read access mode not allowed');
    }
  }

  /**
   * Writes read too: whether a label or property was there decides what they return and whether they
   * change anything, so the entity joins the read set (validated at commit, see read-validation.ts). For an
   * entity the write then changes this adds nothing, since first updater wins already keeps concurrent
   * writers off it.
   */
  private noteRead(entity: 'NODE' | 'RELATIONSHIP', id: number): void {
    const reads = this.tx.reads;
    if (reads === undefined || !Number.isInteger(id)) return;
    (entity === 'NODE' ? reads.nodes : reads.relationships).add(id);
  }

  /** Conflicts end the transaction here; other errors leave it usable (the write changed nothing). */
  private fail(error: unknown): never {
    if (error instanceof TransactionConflictError) {
      this.tx.failure = error;
      rollbackTransaction(this.context, this.tx);
    }
    throw error;
  }
}
