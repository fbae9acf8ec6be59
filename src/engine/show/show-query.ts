import { printClause, printExpression, printOrdering, type ShowCommand } from '../../cypher/index.js';
import { DatabaseError, Status } from '../../errors/index.js';
import type { ShowTable } from './show-table.js';

/** The parameter that carries a SHOW command's rows into the query that applies YIELD/WHERE/RETURN. */
export const SHOW_ROWS_PARAMETER = 'quiverShowRows';

const quote = (name: string): string => `\`${name.replaceAll('`', '``')}\``;

/**
 * Turns `SHOW … YIELD a, b AS c [ORDER BY … SKIP … LIMIT …] WHERE … RETURN …` into an ordinary read query
 * over the listed rows: `UNWIND $rows AS row WITH row.a AS a, row.b AS c [ORDER BY … SKIP … LIMIT …] WHERE …
 * RETURN …`. Reusing the query pipeline gives
 * WHERE and RETURN the full expression language (aggregation, ORDER BY, SKIP, LIMIT) for free. Without YIELD
 * every column stays visible to WHERE, and the default columns are returned.
 */
export function showQuery(command: ShowCommand, table: ShowTable): string {
  const row = quote('  show row');
  const yieldClause = command.yield;
  let projected: [field: string, alias: string][];
  if (yieldClause === undefined || yieldClause.star) {
    projected = table.columns.map((column) => [column, column]);
  } else {
    projected = yieldClause.items.map((item) => {
      if (!table.columns.includes(item.field)) {
        throw new DatabaseError(Status.SyntaxError, `Trying to YIELD non-existing column: \`${item.field}\``);
      }
      return [item.field, item.alias?.name ?? item.field];
    });
  }
  const where = yieldClause?.where ?? command.where;
  const ordering = yieldClause === undefined ? '' : printOrdering(yieldClause).trim();
  const returned =
    command.returnClause !== undefined
      ? printClause(command.returnClause)
      : `RETURN ${(yieldClause === undefined ? table.defaults : projected.map(([, alias]) => alias)).map(quote).join(', ')}`;
  return [
    `UNWIND $${SHOW_ROWS_PARAMETER} AS ${row}`,
    `WITH ${projected.map(([field, alias]) => `${row}.${quote(field)} AS ${quote(alias)}`).join(', ')}`,
    ...(ordering === '' ? [] : [ordering]),
    ...(where === undefined ? [] : [`WHERE ${printExpression(where)}`]),
    returned,
  ].join('\n');
}
