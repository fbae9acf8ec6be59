import type { Database, Transaction } from '../../engine/index.js';
import type { QueryStatistics } from '../../engine/index.js';
import { invariant } from '../../errors/index.js';
import type { CypherMap } from '../../values/index.js';
import {
  addCounters,
  emptyCounters,
  type ReplayCounters,
  type StatementRunner,
} from './replay-statements.js';
import type { ParameterValues } from './script-parameters.js';

/**
 * The parameters as the engine takes them: every value was produced by this engine (a `:param` evaluated
 * here) or is BYTES restored from such a value, so each is a Cypher value.
 */
function cypherMap(parameters: ParameterValues): CypherMap {
  return parameters as CypherMap;
}

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
    runAlone: async (statement, parameters) =>
      countersOf((await session.run(statement, cypherMap(parameters)).summary()).statistics),
    begin: () => {
      transaction = session.beginTransaction();
      counters = emptyCounters();
      return Promise.resolve();
    },
    run: async (statement, parameters) => {
      invariant(transaction !== undefined, 'run outside a replay transaction');
      const result = transaction.run(statement, cypherMap(parameters));
      addCounters(counters, countersOf((await result.summary()).statistics));
    },
    evaluate: async (query, parameters) => {
      const result = (transaction ?? session).run(query, cypherMap(parameters));
      const [record] = await result.records();
      return record?.get('value') ?? null;
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
