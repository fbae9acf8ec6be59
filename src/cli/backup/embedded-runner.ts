import type { Database, Transaction } from '../../engine/index.js';
import type { QueryStatistics } from '../../engine/index.js';
import { invariant } from '../../errors/index.js';
import {
  addCounters,
  emptyCounters,
  type ReplayCounters,
  type StatementRunner,
} from './replay-statements.js';

function countersOf(statistics: QueryStatistics): ReplayCounters {
  return {
    nodesCreated: statistics.nodesCreated,
    relationshipsCreated: statistics.relationshipsCreated,
    indexesAdded: statistics.indexesAdded,
    constraintsAdded: statistics.constraintsAdded,
  };
}

/** Runs a replay in an embedded database (`quiver load --data-dir`): each statement to its end. */
export function embeddedRunner(database: Database): StatementRunner {
  const session = database.session();
  let transaction: Transaction | undefined;
  let counters = emptyCounters();
  return {
    runAlone: async (statement) => countersOf((await session.run(statement).summary()).statistics),
    begin: () => {
      transaction = session.beginTransaction();
      counters = emptyCounters();
      return Promise.resolve();
    },
    run: async (statement) => {
      invariant(transaction !== undefined, 'run outside a replay transaction');
      addCounters(counters, countersOf((await transaction.run(statement).summary()).statistics));
    },
    commit: async () => {
      invariant(transaction !== undefined, 'commit outside a replay transaction');
      const committing = transaction;
      transaction = undefined;
      await committing.commit();
      return counters;
    },
    rollback: async () => {
      const open = transaction;
      transaction = undefined;
      await open?.rollback().catch(() => undefined);
    },
  };
}
