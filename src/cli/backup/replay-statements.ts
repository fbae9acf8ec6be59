import { DatabaseError, Status } from '../../errors/index.js';
import type { ShellInput } from '../../shell/index.js';
import { ScriptParameters, type ParameterValues } from './script-parameters.js';

/** Side effects counted while a script is replayed (Neo4j's `stats` names). */
export interface ReplayCounters {
  nodesCreated: number;
  relationshipsCreated: number;
  indexesAdded: number;
  constraintsAdded: number;
}

/** Runs statements somewhere: the embedded engine or a server over Bolt. */
export interface StatementRunner {
  /** Runs a statement in its own transaction (schema commands cannot share one with writes). */
  runAlone(statement: string, parameters: ParameterValues): Promise<ReplayCounters>;
  begin(): Promise<void>;
  /** Runs a statement in the open transaction; may resolve before it has run (pipelining), see `commit`. */
  run(statement: string, parameters: ParameterValues): Promise<void>;
  /**
   * Runs `query` (in the open transaction, if any, after everything before it) and returns the first
   * column of its first record: how `:param` expressions are evaluated.
   */
  evaluate(query: string, parameters: ParameterValues): Promise<unknown>;
  /** Resolves once every statement of the transaction ran and the commit succeeded, with their counters. */
  commit(): Promise<ReplayCounters>;
  /** Ends the open transaction without committing (after a failure); never throws. */
  rollback(): Promise<void>;
}

/** What a replay did. */
export interface ReplayReport extends ReplayCounters {
  readonly statements: number;
  /** Transactions committed (schema statements count one each). */
  readonly transactions: number;
  /**
   * `:begin`, `:commit` and other shell commands in the script, which the replay does not run (`:param`
   * and `:params clear` it does run, as cypher-shell would, and does not count here).
   */
  readonly skippedCommands: number;
}

/** Counters at zero. */
export function emptyCounters(): ReplayCounters {
  return { nodesCreated: 0, relationshipsCreated: 0, indexesAdded: 0, constraintsAdded: 0 };
}

/** Adds `more` to `total`, in place. */
export function addCounters(total: ReplayCounters, more: ReplayCounters): void {
  total.nodesCreated += more.nodesCreated;
  total.relationshipsCreated += more.relationshipsCreated;
  total.indexesAdded += more.indexesAdded;
  total.constraintsAdded += more.constraintsAdded;
}

const SCHEMA_COMMAND =
  /^(?:CREATE|DROP)\s+(?:OR\s+REPLACE\s+)?(?:(?:RANGE|TEXT|POINT|LOOKUP|FULLTEXT|VECTOR|BTREE)\s+)?(?:INDEX|CONSTRAINT)\b/i;
const LEADING_COMMENTS = /^(?:\s+|\/\/[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/;

/**
 * Whether a statement changes the schema (`CREATE INDEX`, `DROP CONSTRAINT`, …): such a statement cannot
 * follow writes in a transaction (Neo4j's rule, Quiver's too), so it runs on its own.
 */
export function isSchemaStatement(statement: string): boolean {
  return SCHEMA_COMMAND.test(statement.replace(LEADING_COMMENTS, ''));
}

/**
 * A transaction of a replay is also committed once its statements reach about this many characters, so
 * that batch statements of a thousand rows each do not make transactions of millions of entities.
 */
export const BATCH_CHARACTERS = 4 * 1024 * 1024;

/** At most this many characters of a failing statement are shown. */
const SHOWN_CHARACTERS = 200;

/**
 * Replays a Cypher script (shell inputs, as `StatementSplitter` cuts them) through `runner`: data statements
 * in transactions of `batchSize` statements (or {@link BATCH_CHARACTERS}), schema statements each on its
 * own. `:param` lines set parameters for the statements after them (see {@link ScriptParameters}); other
 * shell commands (`:begin`/`:commit` of cypher-shell scripts) are counted and skipped: the batches are the
 * transactions.
 * `onProgress` hears the statement count after each commit.
 * @throws DatabaseError the failing statement's error, its message prefixed with the statement's number and
 * text; the open transaction is rolled back, earlier batches stay committed.
 */
export async function replayStatements(
  inputs: AsyncIterable<ShellInput> | Iterable<ShellInput>,
  runner: StatementRunner,
  options: { readonly batchSize: number; readonly onProgress?: (statements: number) => void },
): Promise<ReplayReport> {
  const counters = emptyCounters();
  let statements = 0;
  let transactions = 0;
  let skippedCommands = 0;
  let inBatch = 0;
  let batchCharacters = 0;
  const parameters = new ScriptParameters();
  const evaluate = (query: string, values: ParameterValues): Promise<unknown> =>
    runner.evaluate(query, values);
  /** The statements of the open transaction, for the error message (they may fail at commit, pipelined). */
  let batchStart = 0;
  const commitBatch = async (): Promise<void> => {
    if (inBatch === 0) return;
    addCounters(counters, await runner.commit());
    transactions++;
    inBatch = 0;
    batchCharacters = 0;
    options.onProgress?.(statements);
  };
  let current = '';
  try {
    for await (const input of inputs) {
      current = input.text;
      if (input.kind === 'COMMAND') {
        if (!(await parameters.apply(input.text, evaluate))) skippedCommands++;
        continue;
      }
      if (isSchemaStatement(input.text)) {
        await commitBatch();
        batchStart = statements;
        statements++;
        addCounters(counters, await runner.runAlone(input.text, parameters.values));
        transactions++;
        continue;
      }
      if (inBatch === 0) {
        await runner.begin();
        batchStart = statements;
      }
      statements++;
      inBatch++;
      batchCharacters += input.text.length;
      await runner.run(input.text, parameters.values);
      if (inBatch >= options.batchSize || batchCharacters >= BATCH_CHARACTERS) await commitBatch();
    }
    await commitBatch();
  } catch (error) {
    if (inBatch > 0) await runner.rollback();
    throw replayError(error, statements, batchStart, current);
  }
  return { ...counters, statements, transactions, skippedCommands };
}

/** The error of a failed replay, saying where it stopped. */
function replayError(error: unknown, reached: number, batchStart: number, statement: string): unknown {
  const number = error instanceof StatementFailure ? error.index : reached;
  const text = error instanceof StatementFailure ? error.statement : statement;
  const cause = error instanceof StatementFailure ? error.cause : error;
  const message = cause instanceof Error ? cause.message : String(cause);
  const shown = text.length > SHOWN_CHARACTERS ? `${text.slice(0, SHOWN_CHARACTERS)}…` : text;
  const where =
    `Statement ${String(number)} failed (statements up to ${String(batchStart)} are committed, ` +
    `the transaction with the rest was rolled back): ${message}\n  ${shown}`;
  const status = cause instanceof DatabaseError ? cause.status : Status.UnknownError;
  return new DatabaseError(status, where, { cause });
}

/**
 * A pipelined runner's report of which statement failed (the replay only learns it at the commit):
 * `index` counts from 1 over the whole script.
 */
export class StatementFailure extends DatabaseError {
  readonly index: number;
  readonly statement: string;

  constructor(cause: unknown, index: number, statement: string) {
    super(
      cause instanceof DatabaseError ? cause.status : Status.UnknownError,
      cause instanceof Error ? cause.message : String(cause),
      { cause },
    );
    this.index = index;
    this.statement = statement;
  }
}
