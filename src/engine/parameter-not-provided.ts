import { NotificationCode } from '../errors/index.js';
import type { QueryNotification } from './notifications/index.js';

/**
 * 01N60 (`Neo.ClientNotification.Statement.ParameterNotProvided`): an EXPLAIN whose request lacks some of
 * the statement's parameters. Neo4j plans it anyway and warns that running it would fail; without EXPLAIN
 * the same request fails with ParameterMissing.
 */
export function parameterNotProvided(missing: readonly string[]): QueryNotification {
  return {
    definition: NotificationCode.ParameterNotProvided,
    description:
      'Did not supply query with enough parameters. The produced query plan will not be cached and is not ' +
      `executable without EXPLAIN. (Missing parameters: ${missing.join(', ')})`,
    parameters: { paramList: missing.map((name) => `$${name}`).join(', ') },
  };
}
