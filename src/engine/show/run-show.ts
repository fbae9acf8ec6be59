import type { ShowCommand } from '../../cypher/index.js';
import { DatabaseError, Status } from '../../errors/index.js';
import type { CypherMap } from '../../values/index.js';
import { CommandResult } from '../command-result.js';
import type { EngineTransaction } from '../engine-transaction.js';
import { drainResult, type StatementResult } from '../statement-result.js';
import type { DatabaseAdministration } from './administration.js';
import { databaseTable } from './database-table.js';
import { functionTable, procedureTable } from './routine-tables.js';
import { constraintTable, indexTable } from './schema-tables.js';
import { engineSettings, settingTable } from './settings-table.js';
import { SHOW_ROWS_PARAMETER, showQuery } from './show-query.js';
import type { ShowTable } from './show-table.js';
import { targetStrings } from './show-target.js';
import { terminateTable, transactionTable } from './transaction-table.js';
import { currentUserTable } from './user-table.js';

/** Builds the unfiltered table a SHOW or TERMINATE command lists. */
function buildTable(
  command: ShowCommand,
  transaction: EngineTransaction,
  administration: DatabaseAdministration,
  parameters: CypherMap,
): ShowTable {
  const engine = transaction.engine;
  const what = command.what;
  const noun = what.split(' ').at(-1) ?? '';
  const transactions = (): EngineTransaction[] =>
    administration.databases().flatMap((database) => database.activeTransactions);
  if (what.startsWith('TERMINATE ')) {
    return terminateTable(transactions(), targetStrings(command.target, parameters) ?? []);
  }
  switch (noun) {
    case 'INDEX':
    case 'INDEXES':
      return indexTable(engine.store, what);
    case 'CONSTRAINT':
    case 'CONSTRAINTS':
      return constraintTable(engine.store, what);
    case 'PROCEDURE':
    case 'PROCEDURES':
      return procedureTable(engine.procedures.list());
    case 'FUNCTION':
    case 'FUNCTIONS':
      return functionTable(what);
    case 'DATABASE':
    case 'DATABASES':
      return databaseTable(what, administration, targetStrings(command.target, parameters)?.[0]);
    case 'TRANSACTION':
    case 'TRANSACTIONS':
      return transactionTable(transactions(), targetStrings(command.target, parameters));
    case 'SETTING':
    case 'SETTINGS':
      return settingTable(
        administration.settings?.() ?? engineSettings(administration.defaultDatabase),
        targetStrings(command.target, parameters),
      );
    case 'USER':
      if (what !== 'CURRENT USER') break;
      return currentUserTable(transaction);
  }
  throw new DatabaseError(
    Status.UnsupportedAdministrationCommand,
    `Unsupported administration command: SHOW ${what}`,
  );
}

/** Pulls a result to its end. */

/**
 * Runs SHOW … / TERMINATE TRANSACTIONS: lists the rows, then applies YIELD/WHERE/RETURN by running the
 * equivalent read query (show-query.ts) in the same transaction. Reported as a read ('r'), as Neo4j does.
 */
export function runShowCommand(
  command: ShowCommand,
  text: string,
  transaction: EngineTransaction,
  parameters: CypherMap,
  administration: DatabaseAdministration,
): StatementResult {
  const engine = transaction.engine;
  const table = buildTable(command, transaction, administration, parameters);
  const inner = transaction.run(showQuery(command, table), {
    ...parameters,
    [SHOW_ROWS_PARAMETER]: table.rows,
  });
  return new CommandResult({
    text,
    parameters,
    database: engine.name,
    fields: inner.fields,
    queryType: 'r',
    run: async () => ({ rows: await drainResult(inner) }),
  });
}
