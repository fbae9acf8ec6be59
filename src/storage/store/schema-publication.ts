import { DatabaseError, Status } from '../../errors/index.js';
import type { CommitRecord, StorageChange } from '../commit-log.js';
import { TokenCollector } from './commit-record.js';
import type { SchemaContext } from './schema-context.js';

/** What to do when a schema change is published (the log acknowledged it) or failed. */
export interface SchemaChangeHooks {
  readonly onPublish?: () => void;
  readonly onFail?: () => void;
}

/**
 * Hands a schema change to the commit log in commit order (it takes a commit timestamp like a data commit,
 * so a log replays schema and data in the order they happened). `onPublish` runs when the log acknowledged
 * it and every earlier commit is published (synchronously inside this call when there is no log or it
 * answers synchronously); `onFail` runs, and the promise rejects, if the log fails.
 */
export function publishSchemaChange(
  context: SchemaContext,
  change: StorageChange,
  collectTokens: (tokens: TokenCollector) => void,
  hooks: SchemaChangeHooks = {},
): Promise<void> {
  const tx = context.manager.begin(false);
  const commitTs = context.manager.assignCommitTs(tx);
  return new Promise<void>((resolve, reject) => {
    let failure: unknown;
    const entry = context.manager.enqueue(
      tx,
      () => {
        hooks.onPublish?.();
        resolve();
      },
      () => {
        tx.status = 'ABORTED';
        hooks.onFail?.();
        reject(
          failure instanceof DatabaseError
            ? failure
            : new DatabaseError(
                Status.TransactionLogError,
                'The schema change could not be written to the commit log',
                {
                  cause: failure,
                },
              ),
        );
      },
    );
    const log = context.commitLog;
    if (log === undefined) {
      context.manager.acknowledge(entry, true);
      return;
    }
    const tokens = new TokenCollector(context.state);
    collectTokens(tokens);
    const record: CommitRecord = { commitTs, tokens: tokens.definitions, changes: [change] };
    try {
      const acknowledgement = log.append(record);
      if (acknowledgement instanceof Promise) {
        acknowledgement.then(
          () => {
            context.manager.acknowledge(entry, true);
          },
          (error: unknown) => {
            failure = error;
            context.manager.acknowledge(entry, false);
          },
        );
        return;
      }
    } catch (error) {
      failure = error;
      context.manager.acknowledge(entry, false);
      return;
    }
    context.manager.acknowledge(entry, true);
  });
}
