import { emptyStatistics, type QueryStatistics } from '../execution/index.js';
import type { CypherMap, CypherValue } from '../values/index.js';
import type { QueryType, RecordSink, StatementResult, StatementSummary } from './statement-result.js';

/** What running a command produced: records (SHOW …) and counters. */
export interface CommandOutcome {
  readonly rows: readonly (readonly CypherValue[])[];
  readonly statistics?: Partial<QueryStatistics>;
}

/**
 * The result of a statement the engine runs itself (schema, SHOW, database commands). The command runs on
 * the first pull or discard — possibly asynchronously (schema changes go through the commit log) — and its
 * records, if any, are then handed out in batches like a query's.
 */
export class CommandResult implements StatementResult {
  readonly fields: readonly string[];
  private readonly text: string;
  private readonly parameters: CypherMap;
  private readonly database: string;
  private readonly queryType: QueryType;
  private readonly run: () => CommandOutcome | Promise<CommandOutcome>;
  private outcome: CommandOutcome | undefined;
  private position = 0;
  private finished = false;
  private readonly statistics = emptyStatistics();
  private readonly startedAt = performance.now();
  private readyAt: number | undefined;
  private finishedAt: number | undefined;

  constructor(options: {
    text: string;
    parameters: CypherMap;
    database: string;
    fields: readonly string[];
    queryType: QueryType;
    run: () => CommandOutcome | Promise<CommandOutcome>;
  }) {
    this.text = options.text;
    this.parameters = options.parameters;
    this.database = options.database;
    this.fields = options.fields;
    this.queryType = options.queryType;
    this.run = options.run;
  }

  get done(): boolean {
    return this.finished;
  }

  pull(n: number, sink: RecordSink): boolean | Promise<boolean> {
    if (this.outcome !== undefined || this.finished) return this.emit(n, sink);
    const started = this.run();
    if (started instanceof Promise) {
      return started.then(
        (outcome) => this.accept(outcome, n, sink),
        (error: unknown) => {
          this.finished = true;
          throw error;
        },
      );
    }
    return this.accept(started, n, sink);
  }

  discard(n: number): boolean | Promise<boolean> {
    return this.pull(n, () => undefined);
  }

  summary(): StatementSummary {
    const finishedAt = this.finishedAt ?? performance.now();
    const ready = this.readyAt ?? finishedAt;
    return {
      text: this.text,
      parameters: this.parameters,
      queryType: this.queryType,
      statistics: this.statistics,
      plan: undefined,
      profile: undefined,
      database: this.database,
      records: this.position,
      resultAvailableAfter: Math.round(ready - this.startedAt),
      resultConsumedAfter: Math.round(finishedAt - ready),
      // Commands (schema, SHOW, databases) raise no notifications yet.
      notifications: [],
    };
  }

  close(): void {
    this.finished = true;
    this.finishedAt ??= performance.now();
  }

  private accept(outcome: CommandOutcome, n: number, sink: RecordSink): boolean {
    this.outcome = outcome;
    this.readyAt = performance.now();
    Object.assign(this.statistics, outcome.statistics);
    return this.emit(n, sink);
  }

  private emit(n: number, sink: RecordSink): boolean {
    const rows = this.outcome?.rows ?? [];
    if (this.finished) return false;
    const end = Math.min(rows.length, this.position + n);
    for (; this.position < end; this.position++) sink(rows[this.position] ?? []);
    if (this.position >= rows.length) {
      this.close();
      return false;
    }
    return true;
  }
}
