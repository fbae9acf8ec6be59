import type { TransactionCommand } from '../../cypher/index.js';
import type { CypherMap } from '../../values/index.js';
import { CommandResult } from '../command-result.js';
import type { StatementResult } from '../statement-result.js';
import type { DatabaseAdministration } from './administration.js';

type DatabaseCommand = Extract<TransactionCommand, { kind: 'CreateDatabase' | 'DropDatabase' }>;

/**
 * CREATE DATABASE x [IF NOT EXISTS] and DROP DATABASE x [IF EXISTS]. Neo4j runs them on `system` only;
 * Quiver accepts them anywhere. A change counts one system update; a no-op (IF [NOT] EXISTS) none.
 */
export function runDatabaseCommand(
  command: DatabaseCommand,
  text: string,
  parameters: CypherMap,
  database: string,
  administration: DatabaseAdministration,
): StatementResult {
  return new CommandResult({
    text,
    parameters,
    database,
    fields: [],
    queryType: 's',
    run: async () => {
      const name = command.name.toLowerCase();
      const changed =
        command.kind === 'CreateDatabase'
          ? await administration.create(name, command.ifNotExists)
          : await administration.drop(name, command.ifExists);
      return { rows: [], statistics: { systemUpdates: changed ? 1 : 0 } };
    },
  });
}
