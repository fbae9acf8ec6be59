import { ProtocolError } from '../../errors/index.js';
import type { CypherMap } from '../../values/index.js';
import { decodeAuthToken } from './auth-token.js';
import {
  describeType,
  expectFieldCount,
  expectMapField,
  expectStringMap,
  readMap,
  readString,
  readStringList,
} from './fields.js';
import { decodeNotificationConfig, INHERITED_NOTIFICATIONS } from './notification-config.js';
import type { BoltAgent, HelloMessage, RequestFeatures, RoutingContext } from './request.js';

const WHERE = 'HELLO extra';

/**
 * HELLO `0x01` (Bolt 3+): `extra::Map` (bolt-spec-digest §6.2). Which keys count depends on the version:
 * the auth token (3 … 5.0), `routing` (4.1+), `patch_bolt` (4.3/4.4), notification filters (5.2+),
 * `bolt_agent` (5.3+). `bolt_agent` is optional here although Neo4j requires it from 5.3, because some
 * driver builds omit it (driver-matrix §c).
 * @throws ProtocolError (Request.Invalid) for a wrong field count or type
 */
export function decodeHello(fields: readonly unknown[], features: RequestFeatures): HelloMessage {
  expectFieldCount('HELLO', fields, 1);
  const extra = expectMapField('HELLO', 'extra', fields[0]);
  return {
    kind: 'HELLO',
    userAgent: readString(extra, 'user_agent', WHERE),
    auth: features.authInHello ? decodeAuthToken(extra, WHERE) : null,
    routing: features.helloRouting ? decodeRouting(extra) : null,
    patchBolt: features.patchBolt ? (readStringList(extra, 'patch_bolt', WHERE) ?? []) : [],
    notifications: features.notificationConfig
      ? decodeNotificationConfig(extra, WHERE)
      : INHERITED_NOTIFICATIONS,
    boltAgent: features.boltAgent ? decodeBoltAgent(extra) : null,
  };
}

function decodeRouting(extra: CypherMap): RoutingContext | null {
  const routing = readMap(extra, 'routing', WHERE);
  return routing === null ? null : expectStringMap(routing, 'HELLO routing');
}

function decodeBoltAgent(extra: CypherMap): BoltAgent | null {
  const agent = readMap(extra, 'bolt_agent', WHERE);
  if (agent === null) return null;
  const where = 'HELLO bolt_agent';
  const product = readString(agent, 'product', where);
  if (product === null) {
    throw new ProtocolError(`Expected "product" in ${where} to be a string, got ${describeType(null)}`);
  }
  return {
    product,
    platform: readString(agent, 'platform', where),
    language: readString(agent, 'language', where),
    languageDetails: readString(agent, 'language_details', where),
  };
}
