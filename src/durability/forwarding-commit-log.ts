import { DatabaseError, Status } from '../errors/index.js';
import type { CommitLog, CommitRecord } from '../storage/index.js';

/**
 * The commit log a durable store is created with: it forwards every record to the WAL writer attached
 * later (the store must exist before recovery fills it, and the writer can only open once recovery knows
 * the next commit timestamp), and can be switched to a new writer. Before a writer is attached and after
 * `detach`, commits fail with DatabaseUnavailable, so nothing is ever acknowledged without the WAL.
 */
export class ForwardingCommitLog implements CommitLog {
  private target: CommitLog | undefined;
  private reason = 'The database is still being recovered';
  /** The timestamp the next record will carry at the earliest (the writer's next segment name). */
  nextCommitTs = 1;
  /** Called after each forwarded record (snapshot triggers). */
  onAppend: (() => void) | undefined;

  append(record: CommitRecord): void | Promise<void> {
    const target = this.target;
    if (target === undefined) throw new DatabaseError(Status.DatabaseUnavailable, this.reason);
    this.nextCommitTs = record.commitTs + 1;
    const acknowledgement = target.append(record);
    this.onAppend?.();
    return acknowledgement;
  }

  /** Sends records to `target` from now on. */
  attach(target: CommitLog, nextCommitTs: number): void {
    this.target = target;
    this.nextCommitTs = nextCommitTs;
  }

  /** Refuses records from now on, with `reason`. */
  detach(reason: string): void {
    this.target = undefined;
    this.reason = reason;
  }
}
