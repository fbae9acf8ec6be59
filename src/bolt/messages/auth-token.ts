import type { CypherMap } from '../../values/index.js';
import { readMap, readString } from './fields.js';
import type { AuthToken } from './request.js';

/**
 * Reads the auth token keys (`scheme`, `principal`, `credentials`, `realm`, `parameters`) of INIT's
 * auth map, HELLO's extra (Bolt 3 … 5.0) or LOGON's auth map. A missing scheme means `none`.
 * @throws ProtocolError (Request.Invalid) when a key has the wrong type
 */
export function decodeAuthToken(map: CypherMap, where: string): AuthToken {
  return {
    scheme: readString(map, 'scheme', where) ?? 'none',
    principal: readString(map, 'principal', where),
    credentials: readString(map, 'credentials', where),
    realm: readString(map, 'realm', where),
    parameters: readMap(map, 'parameters', where),
  };
}
