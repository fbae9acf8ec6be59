import { isProtocolAtLeast, type ProtocolVersion } from '../protocol-version.js';

/** Which side of the connection a hydration works for. */
export type HydrationRole = 'server' | 'client';

/**
 * What the negotiated version can carry, decided once per connection (bolt-spec-digest §5.5) so the
 * per-value code asks named questions instead of comparing versions.
 */
export interface WireProfile {
  readonly version: ProtocolVersion;
  readonly role: HydrationRole;
  /** Bolt 5.0+: Node, Relationship and UnboundRelationship carry string element ids. */
  readonly hasElementIds: boolean;
  /** Bolt 2+: temporal and spatial structures exist. */
  readonly hasTemporalAndSpatial: boolean;
  /** DateTimes are sent with UTC seconds (`49`/`69`): Bolt 5.0+, or 4.3/4.4 with the `utc` patch. */
  readonly sendsUtcDateTime: boolean;
  /** Bolt 6.0+: Vector and UnsupportedType structures exist. */
  readonly hasVectorAndUnsupportedType: boolean;
  /** Bolt 6.1+ (PackStream v2): UUID values, marker `E0` and 16 bytes. */
  readonly hasUuid: boolean;
}

/** Derives the profile of a connection; the `utc` patch only means something on 4.3 and 4.4. */
export function wireProfileOf(version: ProtocolVersion, utcPatch: boolean, role: HydrationRole): WireProfile {
  const isV5 = isProtocolAtLeast(version, 5, 0);
  return Object.freeze({
    version,
    role,
    hasElementIds: isV5,
    hasTemporalAndSpatial: isProtocolAtLeast(version, 2, 0),
    sendsUtcDateTime: isV5 || (utcPatch && isProtocolAtLeast(version, 4, 3)),
    hasVectorAndUnsupportedType: isProtocolAtLeast(version, 6, 0),
    hasUuid: isProtocolAtLeast(version, 6, 1),
  });
}
