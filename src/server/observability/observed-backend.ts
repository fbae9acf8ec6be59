import type {
  BackendTransaction,
  BoltBackend,
  MaybePromise,
  QueryResult,
  RecordSink,
  ResultSummary,
  TransactionRequest,
} from '../../bolt/index.js';
import { DatabaseError, Status } from '../../errors/index.js';
import type { CypherMap } from '../../values/index.js';
import type { QueryEvent, ServerObserver } from './server-observer.js';

/**
 * Wraps a backend so that every finished query and every transaction's end is reported to `observer`
 * (query log, metrics). The wrapper only watches: results, errors and timing reach Bolt unchanged. Without
 * an observer the server does not wrap at all, so a server without logs or metrics pays nothing.
 */
export function observeBackend(backend: BoltBackend, observer: ServerObserver): BoltBackend {
  return {
    serverInfo: backend.serverInfo,
    authenticate: (token) => backend.authenticate(token),
    routingTable: (request) => backend.routingTable(request),
    beginTransaction: (request) =>
      then(backend.beginTransaction(request), (transaction) => {
        observer.transactionBegun(transaction.database);
        return new ObservedTransaction(transaction, request, observer);
      }),
  };
}

/** Applies `next` to a value or a promised value, staying synchronous when the value is. */
function then<T, R>(value: MaybePromise<T>, next: (value: T) => R): MaybePromise<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/**
 * Runs `step`, then `onDone(result)` (whose value it returns) or `onError(error)` (rethrowing the error),
 * synchronously when `step` answers synchronously.
 */
function watch<T, R>(
  step: () => MaybePromise<T>,
  onDone: (result: T) => R,
  onError: (error: unknown) => void,
): MaybePromise<R> {
  let result: MaybePromise<T>;
  try {
    result = step();
  } catch (error) {
    onError(error);
    throw error;
  }
  if (!(result instanceof Promise)) return onDone(result);
  return result.then(onDone, (error: unknown) => {
    onError(error);
    throw error;
  });
}

/** Reports a query's end (once; later calls are ignored). */
type Report = (fields: Pick<QueryEvent, 'outcome' | 'type' | 'rows' | 'errorCode'>) => void;

/** The event fields of a failed query: the status code the client sees (UnknownError for non-registry errors). */
function failure(error: unknown): Parameters<Report>[0] {
  const errorCode = error instanceof DatabaseError ? error.code : Status.UnknownError.code;
  return { outcome: 'failure', type: undefined, rows: undefined, errorCode };
}

/** A result that reports its query once `pull` or `discard` says it is exhausted, or once either fails. */
class ObservedResult implements QueryResult {
  readonly fields: readonly string[];
  private readonly inner: QueryResult;
  private readonly report: Report;
  private finalSummary: ResultSummary | undefined;

  constructor(inner: QueryResult, report: Report) {
    this.inner = inner;
    this.fields = inner.fields;
    this.report = report;
  }

  pull(n: number, sink: RecordSink): MaybePromise<boolean> {
    return this.observe(() => this.inner.pull(n, sink));
  }

  discard(n: number): MaybePromise<boolean> {
    return this.observe(() => this.inner.discard(n));
  }

  summary(): ResultSummary {
    return this.finalSummary ?? this.inner.summary();
  }

  private observe(step: () => MaybePromise<boolean>): MaybePromise<boolean> {
    return watch(
      step,
      (hasMore) => {
        if (!hasMore) this.finish();
        return hasMore;
      },
      (error) => {
        this.report(failure(error));
      },
    );
  }

  private finish(): void {
    const summary = this.inner.summary();
    this.finalSummary = summary;
    this.report({
      outcome: 'success',
      type: summary.queryType,
      rows: summary.recordCount,
      errorCode: undefined,
    });
  }
}

class ObservedTransaction implements BackendTransaction {
  readonly database: string;
  private readonly inner: BackendTransaction;
  private readonly user: string;
  private readonly observer: ServerObserver;
  private ended = false;
  /** Queries whose result has not ended yet: reported as interrupted when the transaction ends first. */
  private readonly unfinished = new Set<Report>();
  private terminated = false;

  constructor(inner: BackendTransaction, request: TransactionRequest, observer: ServerObserver) {
    this.inner = inner;
    this.database = inner.database;
    this.user = request.user.username;
    this.observer = observer;
  }

  run(query: string, parameters: CypherMap): MaybePromise<QueryResult> {
    const startedAt = performance.now();
    let reported = false;
    const report: Report = (fields) => {
      if (reported) return;
      reported = true;
      this.unfinished.delete(report);
      this.observer.queryFinished({
        database: this.database,
        user: this.user,
        query,
        parameters,
        durationMs: performance.now() - startedAt,
        ...fields,
      });
    };
    this.unfinished.add(report);
    return watch(
      () => this.inner.run(query, parameters),
      (result) => new ObservedResult(result, report),
      (error) => {
        report(failure(error));
      },
    );
  }

  commit(): MaybePromise<string> {
    return watch(
      () => this.inner.commit(),
      (bookmark) => {
        this.end('committed');
        return bookmark;
      },
      () => {
        this.end('rolled_back');
      },
    );
  }

  rollback(): MaybePromise<void> {
    return watch(
      () => this.inner.rollback(),
      () => {
        this.end('rolled_back');
      },
      () => {
        this.end('rolled_back');
      },
    );
  }

  terminate(): void {
    this.terminated = true;
    this.inner.terminate();
  }

  /**
   * Reports the end once (Bolt may roll back after a failed commit, or twice on disconnect), after the
   * queries it cut short: a RESET (terminate), or a rollback or disconnect with a result still open.
   */
  private end(outcome: 'committed' | 'rolled_back'): void {
    if (this.ended) return;
    this.ended = true;
    const errorCode = this.terminated ? Status.Terminated.code : undefined;
    for (const report of [...this.unfinished]) {
      report({ outcome: 'interrupted', type: undefined, rows: undefined, errorCode });
    }
    this.observer.transactionEnded(this.database, outcome);
  }
}
