import { decodeLogoff } from '../messages/logoff.js';
import { decodeLogon } from '../messages/logon.js';
import { REQUEST_TAG } from '../messages/tags.js';
import { extendVersion } from './descriptor.js';
import { boltV5x0 } from './v5x0.js';

/**
 * Bolt 5.1: LOGON/LOGOFF; HELLO carries no credentials and leads to the new AUTHENTICATION state;
 * CONNECTED is renamed NEGOTIATION.
 */
export const boltV5x1 = extendVersion(
  boltV5x0,
  { major: 5, minor: 1 },
  {
    requests: {
      [REQUEST_TAG.LOGON]: { kind: 'LOGON', decode: decodeLogon },
      [REQUEST_TAG.LOGOFF]: { kind: 'LOGOFF', decode: decodeLogoff },
    },
    features: { authInHello: false },
    initialState: 'NEGOTIATION',
    authentication: 'LOGON',
  },
);
