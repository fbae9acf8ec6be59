import { ProtocolError } from '../../errors/index.js';
import {
  describeType,
  expectFieldCount,
  expectMapField,
  expectStringListField,
  expectStringMap,
  isMap,
  readString,
} from './fields.js';
import type { RequestFeatures, RouteMessage, RoutingContext } from './request.js';

function decodeRouting(value: unknown): RoutingContext {
  if (value === null) return {};
  return expectStringMap(expectMapField('ROUTE', 'routing', value), 'ROUTE routing');
}

function emptyToNull(db: string | null): string | null {
  return db === '' ? null : db;
}

/**
 * ROUTE `0x66`, Bolt 4.3: `routing::Map, bookmarks::List<String>, db::String|null`.
 * @throws ProtocolError (Request.Invalid) for a wrong field count or type
 */
export function decodeRouteV43(fields: readonly unknown[]): RouteMessage {
  expectFieldCount('ROUTE', fields, 3);
  const db = fields[2];
  if (db !== null && typeof db !== 'string') {
    throw new ProtocolError(`Expected ROUTE db to be a string or null, got ${describeType(db)}`);
  }
  return {
    kind: 'ROUTE',
    routing: decodeRouting(fields[0]),
    bookmarks: expectStringListField('ROUTE', 'bookmarks', fields[1]),
    db: emptyToNull(db),
    impUser: null,
  };
}

/**
 * ROUTE `0x66`, Bolt 4.4+: `routing::Map, bookmarks::List<String>, extra::Map{db, imp_user}`. A `null`
 * extra is read as `{}`.
 * @throws ProtocolError (Request.Invalid) for a wrong field count or type
 */
export function decodeRoute(fields: readonly unknown[], features: RequestFeatures): RouteMessage {
  expectFieldCount('ROUTE', fields, 3);
  const extra = fields[2] === null ? {} : fields[2];
  if (!isMap(extra)) throw new ProtocolError(`Expected ROUTE extra to be a map, got ${describeType(extra)}`);
  return {
    kind: 'ROUTE',
    routing: decodeRouting(fields[0]),
    bookmarks: expectStringListField('ROUTE', 'bookmarks', fields[1]),
    db: emptyToNull(readString(extra, 'db', 'ROUTE extra')),
    impUser: features.impersonation ? readString(extra, 'imp_user', 'ROUTE extra') : null,
  };
}
