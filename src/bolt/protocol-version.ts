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
 * Extension point: versions we know of but do not negotiate yet, with what blocks them. Bolt 6.1 adds a
 * PackStream UUID marker `0xE0` (16 bytes follow) whose exact semantics are not confirmed; once packstream
 * and hydration support it, add a 6.1 descriptor to bolt/versions (the handshake takes the list as
 * an input, so nothing else in the transport changes).
 */
export const PENDING_PROTOCOL_VERSIONS: readonly {
  readonly version: ProtocolVersion;
  readonly blockedBy: string;
}[] = Object.freeze([
  Object.freeze({
    version: protocolVersion(6, 1),
    blockedBy: 'PackStream UUID marker 0xE0 (Bolt 6.1) is not implemented',
  }),
]);
