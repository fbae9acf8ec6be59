import { DatabaseError, Status } from '../../errors/index.js';
import { fileErrorCode } from '../file-system.js';

/** Words for the file-system error codes a client may see in a commit failure. */
function describeFailure(error: unknown): string {
  const code = fileErrorCode(error);
  switch (code) {
    case 'ENOSPC':
      return 'the disk is full (ENOSPC)';
    case 'EIO':
      return 'of an I/O error (EIO)';
    case 'EDQUOT':
      return 'the disk quota is exhausted (EDQUOT)';
    case undefined:
      return `of an error: ${error instanceof Error ? error.message : String(error)}`;
    default:
      return `of an error (${code})`;
  }
}

/**
 * The error for a WAL write that failed: the commits it carried are not durable and are rolled back.
 * `Neo.DatabaseError.Transaction.TransactionLogError`.
 */
export function walWriteError(action: string, path: string, cause: unknown): DatabaseError {
  return new DatabaseError(
    Status.TransactionLogError,
    `The transaction was not committed: ${action} the write-ahead log "${path}" failed because ${describeFailure(cause)}`,
    { cause },
  );
}

/** The error for every commit after the WAL failed once: only a restart (with recovery) makes it usable. */
export function walPoisonedError(cause: DatabaseError): DatabaseError {
  return new DatabaseError(
    Status.TransactionLogError,
    `The transaction was not committed: the write-ahead log stopped accepting commits after an earlier failure (${cause.message}); free disk space or fix the device, then restart the database`,
    { cause },
  );
}

/** The error for a commit after the WAL was closed. */
export function walClosedError(): DatabaseError {
  return new DatabaseError(
    Status.TransactionLogError,
    'The transaction was not committed: the write-ahead log is closed (the database is shutting down)',
  );
}

/**
 * The error for a failed write whose bytes could be neither cut off nor fenced (wal-fence.ts): they may be
 * on disk, so recovery may find the transactions committed. The client must treat the outcome as unknown.
 */
export function walOutcomeUnknownError(cause: DatabaseError): DatabaseError {
  return new DatabaseError(
    Status.TransactionLogError,
    `The outcome of the transaction is unknown: ${cause.message}, and the failed write could not be cut off the write-ahead log either, so recovery may find it committed; restart the database and check`,
    { cause },
  );
}
