import { materialize, runPlan, type ExecutionContext, type PlanCursor } from '../execution/index.js';
import type { CypherValue } from '../values/index.js';
import type { CompiledQuery } from './compile.js';
import { collectNotifications, type QueryNotification } from './notifications/index.js';
import type { RecordSink, StatementResult, StatementSummary } from './statement-result.js';

/**
 * The result of a query statement: pulls rows from the plan's cursor only as far as asked. EXPLAIN runs
 * nothing and returns no records; PROFILE runs the plan and reports its profile.
 */
export class QueryStatementResult implements StatementResult {
  readonly fields: readonly string[];
  private readonly compiled: CompiledQuery;
  private readonly context: ExecutionContext;
  private readonly database: string;
  private readonly onFinish: (error: unknown) => void;
  private cursor: PlanCursor | undefined;
  /** Whether the cursor's rows are fresh arrays of exactly the result columns (see `advance`). */
  private readonly freshRows: boolean;
  private finished = false;
  private records = 0;
  private readonly startedAt = performance.now();
  private firstAvailableAt: number | undefined;
  private finishedAt: number | undefined;
  /** Checked when the statement starts: tokens may appear after the query was compiled and cached. */
  private readonly notifications: readonly QueryNotification[];

  constructor(
    compiled: CompiledQuery,
    context: ExecutionContext,
    database: string,
    onFinish: (error: unknown) => void,
    /** Warnings known before the statement starts (01N60 for an EXPLAIN without its parameters). */
    warnings: readonly QueryNotification[] = [],
  ) {
    this.compiled = compiled;
    this.context = context;
    this.database = database;
    this.onFinish = onFinish;
    this.fields = compiled.mode === 'EXPLAIN' ? [] : compiled.plan.columns;
    this.freshRows = compiled.plan.root.kind === 'ProduceResults';
    const collected = collectNotifications(compiled, context.tokens, database);
    this.notifications = warnings.length === 0 ? collected : [...warnings, ...collected];
    // EXPLAIN runs nothing: the result is finished from the start (and was never open in its transaction).
    if (compiled.mode === 'EXPLAIN') this.finished = true;
    else this.cursor = runPlan(compiled.plan, context, compiled.mode === 'PROFILE');
    this.firstAvailableAt = performance.now();
  }

  get done(): boolean {
    return this.finished;
  }

  pull(n: number, sink: RecordSink): boolean | Promise<boolean> {
    return this.advance(n, sink);
  }

  discard(n: number): boolean | Promise<boolean> {
    return this.advance(n, undefined);
  }

  private advance(n: number, sink: RecordSink | undefined): boolean | Promise<boolean> {
    const cursor = this.cursor;
    if (this.finished || cursor === undefined) return false;
    const width = this.fields.length;
    try {
      for (let produced = 0; produced < n; produced++) {
        const row = cursor.next();
        if (row === null) {
          this.finish(undefined);
          return false;
        }
        this.records++;
        if (sink === undefined) continue;
        if (this.freshRows) {
          // ProduceResults hands out a new array of exactly the columns per row, referenced by nothing
          // else: it becomes the record itself (live entities replaced by snapshots in place).
          for (let index = 0; index < width; index++) {
            const value = row[index];
            if (typeof value === 'object' && value !== null) row[index] = materialize(value);
          }
          sink(row as CypherValue[]);
        } else {
          const values = new Array<CypherValue>(width);
          for (let index = 0; index < width; index++) values[index] = materialize(row[index] ?? null);
          sink(values);
        }
      }
      return true;
    } catch (error) {
      this.finish(error);
      // Batches of CALL { … } IN TRANSACTIONS committed before the failure: reported once they are durable.
      const durable = this.context.innerTransactions?.durable();
      if (durable === undefined) throw error;
      const failed = (): Promise<boolean> =>
        Promise.reject(error instanceof Error ? error : new Error(String(error)));
      return durable.then(failed, failed);
    }
  }

  summary(): StatementSummary {
    const { plan, mode, text } = this.compiled;
    const finishedAt = this.finishedAt ?? performance.now();
    const available = this.firstAvailableAt ?? finishedAt;
    return {
      text,
      parameters: this.context.parameters,
      queryType: plan.queryType,
      statistics: this.context.statistics,
      plan: mode === 'EXECUTE' ? undefined : plan.describe(),
      profile: mode === 'PROFILE' ? this.cursor?.profile() : undefined,
      database: this.database,
      records: this.records,
      resultAvailableAfter: Math.round(available - this.startedAt),
      resultConsumedAfter: Math.round(finishedAt - available),
      notifications: this.notifications,
    };
  }

  close(): void {
    if (this.finished) return;
    this.finish(undefined);
  }

  private finish(error: unknown): void {
    if (this.finished) return;
    this.finished = true;
    this.finishedAt = performance.now();
    try {
      this.cursor?.close();
    } finally {
      this.onFinish(error);
    }
  }
}
