import type { CypherMap } from '../../values/index.js';
import type { EngineTransaction } from '../engine-transaction.js';
import { showTable, type ShowTable } from './show-table.js';

/**
 * SHOW CURRENT USER: the user running `transaction`, with Neo4j's columns. Roles, suspension and home
 * database are null where Quiver has no such notion (Neo4j community edition reports them so). With
 * authentication disabled there is no user, and Neo4j lists no row.
 */
export function currentUserTable(transaction: EngineTransaction): ShowTable {
  const user = transaction.user;
  const rows: CypherMap[] =
    user === undefined
      ? []
      : [
          {
            user: user.username,
            roles: user.roles === null ? null : [...user.roles],
            passwordChangeRequired: user.passwordChangeRequired,
            suspended: null,
            home: null,
          },
        ];
  return showTable(['user', 'roles', 'passwordChangeRequired', 'suspended', 'home'], [], rows);
}
