import type { DatabaseError } from '../../errors/index.js';
import { CommitStamp, type Delta } from './delta.js';
import { ReadSet } from './read-set.js';
import type { Snapshot } from './visibility.js';

/**
 * The life of a transaction: ACTIVE (reading and writing) → COMMITTING (validated, handed to the commit
 * log, not yet visible) → COMMITTED (visible to snapshots taken from now on); or → ABORTED from ACTIVE or
 * COMMITTING (rolled back, every change undone).
 */
export type TransactionStatus = 'ACTIVE' | 'COMMITTING' | 'COMMITTED' | 'ABORTED';

/** The MVCC bookkeeping of one transaction (the public face is `StoreTransaction`). */
export class TransactionState implements Snapshot {
  readonly stamp = new CommitStamp();
  readonly readTs: number;
  /** Begin order, unique per store: the key of the active-transaction table. */
  readonly serial: number;
  command = 0;
  /** Every change, in the order made: undone in reverse on abort, turned into the commit record on commit. */
  readonly deltas: Delta[] = [];
  status: TransactionStatus = 'ACTIVE';
  /** Why the transaction was rolled back on its own (a write conflict); rethrown by later calls. */
  failure: DatabaseError | undefined;
  /** The commit timestamp once assigned (COMMITTING and later). */
  commitTs = 0;
  readonly readOnly: boolean;
  /**
   * What the transaction read, for serializable validation at commit; `undefined` for read-only
   * transactions (they stay plain snapshot isolation and record nothing) and once the transaction ended.
   */
  reads: ReadSet | undefined;

  constructor(serial: number, readTs: number, readOnly: boolean) {
    this.serial = serial;
    this.readTs = readTs;
    this.readOnly = readOnly;
    this.reads = readOnly ? undefined : new ReadSet();
  }
}
