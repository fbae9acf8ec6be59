import type {
  BackendTransaction,
  BoltBackend,
  MaybePromise,
  QueryResult,
  TransactionRequest,
} from '../../../src/bolt/index.js';

/**
 * Remembers the TCK detail (`UndefinedVariable`, …) of the errors a Bolt backend throws, keyed by message.
 *
 * Why: FAILURE carries a status code and a message but no TCK detail (Neo4j sends none either), so a TCK
 * run over Bolt cannot judge `… should be raised at compile time: UndefinedVariable` from the wire alone.
 * The Bolt target runs the server in-process and wraps its backend with {@link recordDetails}; the client
 * side then looks the detail up by the exact message the driver received. The status code still comes
 * from the wire, and an error the server reports differently over Bolt (another message, a generic
 * UnknownError) finds no detail, so the scenario fails as it should.
 */
export class DetailRecorder {
  private readonly details = new Map<string, string>();

  /** Notes `error`'s detail if it has one (a `DatabaseError` with `detail`). */
  record(error: unknown): void {
    if (typeof error !== 'object' || error === null) return;
    const detail: unknown = Reflect.get(error, 'detail');
    const message: unknown = Reflect.get(error, 'message');
    if (typeof detail === 'string' && typeof message === 'string') this.details.set(message, detail);
  }

  /** The detail of the last recorded error with exactly this message. */
  detailFor(message: string): string | undefined {
    return this.details.get(message);
  }

  /** Forgets everything (between scenarios, so the map stays small). */
  clear(): void {
    this.details.clear();
  }
}

/** Calls `call`, recording whatever it throws or rejects with, and passes the outcome on unchanged. */
function observed<T>(recorder: DetailRecorder, call: () => MaybePromise<T>): MaybePromise<T> {
  let outcome: MaybePromise<T>;
  try {
    outcome = call();
  } catch (error) {
    recorder.record(error);
    throw error;
  }
  if (!(outcome instanceof Promise)) return outcome;
  return outcome.catch((error: unknown) => {
    recorder.record(error);
    throw error;
  });
}

function recordResult(result: QueryResult, recorder: DetailRecorder): QueryResult {
  return {
    fields: result.fields,
    pull: (n, sink) => observed(recorder, () => result.pull(n, sink)),
    discard: (n) => observed(recorder, () => result.discard(n)),
    summary: () => result.summary(),
  };
}

function recordTransaction(transaction: BackendTransaction, recorder: DetailRecorder): BackendTransaction {
  return {
    database: transaction.database,
    run: (query, parameters) =>
      observed(recorder, () => {
        const result = transaction.run(query, parameters);
        return result instanceof Promise
          ? result.then((resolved) => recordResult(resolved, recorder))
          : recordResult(result, recorder);
      }),
    commit: () => observed(recorder, () => transaction.commit()),
    rollback: () => observed(recorder, () => transaction.rollback()),
    terminate: () => {
      transaction.terminate();
    },
  };
}

/** `backend` with every error its transactions and results throw recorded in `recorder`. */
export function recordDetails(backend: BoltBackend, recorder: DetailRecorder): BoltBackend {
  return {
    serverInfo: backend.serverInfo,
    authenticate: (token) => backend.authenticate(token),
    beginTransaction: (request: TransactionRequest) =>
      observed(recorder, () => {
        const transaction = backend.beginTransaction(request);
        return transaction instanceof Promise
          ? transaction.then((resolved) => recordTransaction(resolved, recorder))
          : recordTransaction(transaction, recorder);
      }),
    routingTable: (request) => backend.routingTable(request),
  };
}
