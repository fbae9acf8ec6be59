import { BoltResponseError, type Metadata, type StreamResult } from '../../bolt/index.js';
import type { ToolConnection } from './bolt-connection.js';
import {
  addCounters,
  emptyCounters,
  StatementFailure,
  type ReplayCounters,
  type StatementRunner,
} from './replay-statements.js';
import type { ParameterValues } from './script-parameters.js';

/** Statements in flight at once: RUN + DISCARD pairs written together, answered in order. */
const PIPELINE_WINDOW = 256;

interface InFlight {
  readonly index: number;
  readonly statement: string;
  readonly run: Promise<Metadata>;
  readonly discard: Promise<StreamResult>;
}

function count(stats: unknown, key: string): number {
  if (typeof stats !== 'object' || stats === null) return 0;
  const value = (stats as Record<string, unknown>)[key];
  return typeof value === 'bigint' || typeof value === 'number' ? Number(value) : 0;
}

/** The counters of a result summary's `stats` map (absent counters are 0). */
function countersOf(summary: Metadata): ReplayCounters {
  const stats = summary['stats'];
  return {
    nodesCreated: count(stats, 'nodes-created'),
    relationshipsCreated: count(stats, 'relationships-created'),
    indexesAdded: count(stats, 'indexes-added'),
    constraintsAdded: count(stats, 'constraints-added'),
  };
}

/**
 * Runs a replay on a server (`quiver load --address`): explicit transactions (BEGIN … COMMIT) whose
 * statements are pipelined as RUN + DISCARD pairs, a window at a time, so a batch costs few round trips.
 * The first FAILURE is reported as a {@link StatementFailure} naming its statement; RESET clears it.
 */
export function boltRunner(connection: ToolConnection): StatementRunner {
  const { client, extra } = connection;
  let inFlight: InFlight[] = [];
  let counters = emptyCounters();
  let index = 0;
  let inTransaction = false;

  /** Waits for every statement in flight; throws the first real FAILURE (later ones are IGNORED). */
  const settle = async (): Promise<void> => {
    const pending = inFlight;
    inFlight = [];
    const outcomes = await Promise.allSettled(
      pending.map(async (entry) => {
        await entry.run;
        return entry.discard;
      }),
    );
    let failure: StatementFailure | undefined;
    outcomes.forEach((outcome, at) => {
      const entry = pending[at];
      if (entry === undefined) return;
      if (outcome.status === 'fulfilled') {
        addCounters(counters, countersOf(outcome.value.summary));
        return;
      }
      const reason: unknown = outcome.reason;
      const ignored = reason instanceof BoltResponseError && reason.isIgnored;
      if (failure === undefined && !ignored)
        failure = new StatementFailure(reason, entry.index, entry.statement);
    });
    if (failure !== undefined) throw failure;
    const first = outcomes.find((outcome) => outcome.status === 'rejected');
    if (first !== undefined) throw first.reason;
  };

  return {
    runAlone: async (statement, parameters) => {
      index++;
      try {
        const result = await client.query(statement, { ...parameters }, extra);
        return countersOf(result.summary);
      } catch (error) {
        await client.reset().catch(() => undefined);
        throw new StatementFailure(error, index, statement);
      }
    },
    begin: async () => {
      counters = emptyCounters();
      await client.begin(extra);
      inTransaction = true;
    },
    run: async (statement, parameters) => {
      index++;
      const run = client.run(statement, { ...parameters });
      const discard = client.discard(-1);
      // Observed by settle(); marked handled now so a failure is not an unhandled rejection meanwhile.
      run.catch(() => undefined);
      discard.catch(() => undefined);
      inFlight.push({ index, statement, run, discard });
      if (inFlight.length >= PIPELINE_WINDOW) await settle();
    },
    evaluate: async (query, parameters: ParameterValues) => {
      // What is in flight runs first, so its failure is the one reported.
      await settle();
      try {
        const result = await client.query(query, { ...parameters }, inTransaction ? {} : extra);
        return result.records[0]?.[0] ?? null;
      } catch (error) {
        if (!inTransaction) await client.reset().catch(() => undefined);
        throw error;
      }
    },
    commit: async () => {
      await settle();
      inTransaction = false;
      await client.commit();
      return counters;
    },
    rollback: async () => {
      inFlight = [];
      inTransaction = false;
      await client.reset().catch(() => undefined);
    },
  };
}
