import { invariant } from '../../errors/index.js';
import { compareProtocolVersions, type ProtocolVersion } from '../protocol-version.js';
import { encodeVarint } from './varint.js';

/**
 * Version selection for the Bolt handshake (bolt-spec-digest §2.3, §2.4). A proposal is four bytes
 * `00 RR mm MM`: major `MM`, minor `mm`, and a range `RR` meaning "minors mm-RR … mm of major MM are fine
 * too". `00 00 01 FF` asks for the manifest handshake v1; any other `FF` major is a handshake-version
 * request we do not know and is skipped; `00 00 00 00` is an empty slot.
 */

/** `00 00 01 FF`: the manifest v1 request in a proposal slot, and the first four bytes of our answer. */
export const MANIFEST_V1_MARKER: Readonly<Uint8Array> = Uint8Array.of(0x00, 0x00, 0x01, 0xff);

/** The major byte that marks a handshake-version request instead of a protocol version. */
const HANDSHAKE_REQUEST_MAJOR = 0xff;

/**
 * The manifest lists versions from 3.0 on. Bolt 1 and 2 could be written (`00 00 00 01`), but no client
 * that reads a manifest implements them (every manifest-era driver's allow-list starts at 3.0), and leaving
 * them out gives the same bytes Neo4j sends. Such clients still reach 1.0/2.0 through the legacy reply.
 */
export const MANIFEST_MIN_MAJOR = 3;

/** What the four proposals of a legacy handshake lead to. */
export type ProposalSelection =
  | { readonly kind: 'VERSION'; readonly version: ProtocolVersion }
  | { readonly kind: 'MANIFEST_V1' }
  | { readonly kind: 'NONE' };

const NONE: ProposalSelection = Object.freeze({ kind: 'NONE' });
const MANIFEST: ProposalSelection = Object.freeze({ kind: 'MANIFEST_V1' });

/** Returns a copy of the supported list sorted newest first, after checking every entry fits a proposal. */
export function sortNewestFirst(supported: readonly ProtocolVersion[]): readonly ProtocolVersion[] {
  for (const version of supported) {
    invariant(
      Number.isInteger(version.major) && version.major >= 1 && version.major < HANDSHAKE_REQUEST_MAJOR,
      `Bolt major version out of range: ${version.major}`,
    );
    invariant(
      Number.isInteger(version.minor) && version.minor >= 0 && version.minor <= 0xff,
      `Bolt minor version out of range: ${version.minor}`,
    );
  }
  return [...supported].sort((a, b) => compareProtocolVersions(b, a));
}

/**
 * Walks the 16 proposal bytes in client order (Neo4j `LegacyProtocolHandshakeHandler`): the first proposal
 * that matches anything wins, and inside it the highest version we support, even if a later proposal would
 * give a newer version.
 * @param proposals exactly 16 bytes (the four slots after the magic)
 * @param newestFirst the supported versions, newest first ({@link sortNewestFirst})
 * @param offerManifest whether `00 00 01 FF` switches to the manifest handshake (otherwise it is skipped)
 */
export function selectProposal(
  proposals: Uint8Array,
  newestFirst: readonly ProtocolVersion[],
  offerManifest: boolean,
): ProposalSelection {
  for (let slot = 0; slot < 4; slot++) {
    const base = slot * 4;
    const range = proposals[base + 1] ?? 0;
    const minor = proposals[base + 2] ?? 0;
    const major = proposals[base + 3] ?? 0;
    if (major === HANDSHAKE_REQUEST_MAJOR) {
      if (offerManifest && (proposals[base] ?? 0) === 0 && range === 0 && minor === 1) return MANIFEST;
      continue;
    }
    if (major === 0) continue; // empty slot (or an invalid major 0 with a minor: nothing can match it)
    const lowestMinor = minor - range;
    const match = newestFirst.find((v) => v.major === major && v.minor <= minor && v.minor >= lowestMinor);
    if (match !== undefined) return { kind: 'VERSION', version: match };
  }
  return NONE;
}

/** The versions offered in a manifest: every supported version from {@link MANIFEST_MIN_MAJOR} on. */
export function manifestVersions(supported: readonly ProtocolVersion[]): readonly ProtocolVersion[] {
  return sortNewestFirst(supported)
    .filter((v) => v.major >= MANIFEST_MIN_MAJOR)
    .reverse();
}

/**
 * Compresses versions into canonical ascending range entries `00 RR mm MM`, one per run of consecutive
 * minors of one major: 3.0, 4.0–4.4, 5.0–5.4, 5.6–5.8, 6.0 → `00 00 00 03`, `00 04 04 04`, `00 04 04 05`,
 * `00 02 08 05`, `00 00 00 06`.
 */
export function encodeVersionRanges(versions: readonly ProtocolVersion[]): Uint8Array[] {
  const runs: { major: number; lowest: number; highest: number }[] = [];
  for (const { major, minor } of [...sortNewestFirst(versions)].reverse()) {
    const run = runs.at(-1);
    if (run?.major === major && minor <= run.highest + 1) {
      run.highest = minor; // extends the run (or repeats its last minor: a duplicate)
    } else {
      runs.push({ major, lowest: minor, highest: minor });
    }
  }
  return runs.map((run) => Uint8Array.of(0x00, run.highest - run.lowest, run.highest, run.major));
}

/**
 * The complete manifest v1 answer, as ONE buffer: the JS driver parses it out of the same read as the
 * marker and fails if it arrives in two TCP segments (driver-matrix (a)).
 * Layout: `00 00 01 FF`, varint N, N × `00 RR mm MM`, varint capabilities.
 */
export function encodeManifestReply(versions: readonly ProtocolVersion[], capabilities: bigint): Uint8Array {
  const entries = encodeVersionRanges(versions);
  const count = encodeVarint(entries.length);
  const mask = encodeVarint(capabilities);
  const out = new Uint8Array(4 + count.length + entries.length * 4 + mask.length);
  out.set(MANIFEST_V1_MARKER, 0);
  out.set(count, 4);
  let offset = 4 + count.length;
  for (const entry of entries) {
    out.set(entry, offset);
    offset += 4;
  }
  out.set(mask, offset);
  return out;
}

/** The legacy answer for a chosen version: `00 00 mm MM`. */
export function encodeVersionReply(version: ProtocolVersion): Uint8Array {
  return Uint8Array.of(0x00, 0x00, version.minor, version.major);
}
