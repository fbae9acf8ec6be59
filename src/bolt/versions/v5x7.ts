import { extendVersion } from './descriptor.js';
import { boltV5x6 } from './v5x6.js';

/**
 * Bolt 5.7: GQL-shaped FAILURE (`neo4j_code`, `gql_status`, `description`, `diagnostic_record`, `cause`),
 * and `protocol_version` in HELLO's SUCCESS when the manifest handshake was used.
 */
export const boltV5x7 = extendVersion(
  boltV5x6,
  { major: 5, minor: 7 },
  { failure: 'gql', helloSuccess: { protocolVersion: true } },
);
