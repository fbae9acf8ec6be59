/**
 * Bolt protocol versions as plain `{ major, minor }` pairs, shared by the transport (handshake), hydration
 * and the per-version protocol classes. Bolt 1, 2 and 3 are written `1.0`, `2.0` and `3.0`.
 */

/** A negotiated or proposed Bolt protocol version. */
export interface ProtocolVersion {
  readonly major: number;
  readonly minor: number;
}

/** Creates a frozen version value. */
export function protocolVersion(major: number, minor: number): ProtocolVersion {
  return Object.freeze({ major, minor });
}

/** Formats a version the way Bolt metadata spells it (`protocol_version: "5.8"`). */
export function formatProtocolVersion(version: ProtocolVersion): string {
  return `${version.major}.${version.minor}`;
}

/** Orders versions: negative when `a` is older than `b`, zero when equal, positive when newer. */
export function compareProtocolVersions(a: ProtocolVersion, b: ProtocolVersion): number {
  return a.major === b.major ? a.minor - b.minor : a.major - b.major;
}

/** Whether `version` is `major.minor` or newer (`isProtocolAtLeast(v, 4, 1)` gates NOOP chunks). */
export function isProtocolAtLeast(version: ProtocolVersion, major: number, minor: number): boolean {
  return version.major === major ? version.minor >= minor : version.major > major;
}

/** Whether two versions are the same. */
export function isSameProtocolVersion(a: ProtocolVersion, b: ProtocolVersion): boolean {
  return a.major === b.major && a.minor === b.minor;
}

/**
 * Extension point: versions we know of but do not negotiate yet, with what blocks them. None today: Bolt
 * 6.1 (PackStream v2's UUID marker `E0`) was listed here until its wire format was confirmed from the
 * drivers' sources, and is now a descriptor in bolt/versions (the handshake takes that list as an input,
 * so a version moves from here to there without changes to the transport).
 */
export const PENDING_PROTOCOL_VERSIONS: readonly {
  readonly version: ProtocolVersion;
  readonly blockedBy: string;
}[] = Object.freeze([]);
