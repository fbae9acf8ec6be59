import { ProtocolError } from '../../errors/index.js';
import {
  compareProtocolVersions,
  formatProtocolVersion,
  isSameProtocolVersion,
  protocolVersion,
  type ProtocolVersion,
} from '../protocol-version.js';
import { BOLT_MAGIC, encodeVarint, MANIFEST_V1_MARKER, readVarint } from '../transport/index.js';

/** One of the four proposal slots: a version with an optional range of lower minors, or the manifest request. */
export type VersionProposal =
  | { readonly kind: 'VERSION'; readonly version: ProtocolVersion; readonly range?: number }
  | { readonly kind: 'MANIFEST_V1' };

/** What the newest drivers send: manifest v1, 5.8…5.0, 4.4…4.2, 3.0 (driver-matrix (a)). */
export const DEFAULT_PROPOSALS: readonly VersionProposal[] = Object.freeze([
  { kind: 'MANIFEST_V1' },
  { kind: 'VERSION', version: protocolVersion(5, 8), range: 8 },
  { kind: 'VERSION', version: protocolVersion(4, 4), range: 2 },
  { kind: 'VERSION', version: protocolVersion(3, 0) },
]);

/** The outcome of the client side of the handshake. */
export type ClientHandshakeStep =
  | { readonly status: 'PENDING' }
  | {
      readonly status: 'AGREED';
      readonly version: ProtocolVersion;
      readonly viaManifest: boolean;
      /** The manifest choice to send (version + capability varint), or null after a legacy reply. */
      readonly reply: Uint8Array | null;
      /** Bytes after the handshake reply (none from a correct server: it waits for our first message). */
      readonly leftover: Uint8Array;
    }
  | { readonly status: 'FAILED'; readonly error: ProtocolError; readonly reply: Uint8Array | null };

/** Encodes the 20 opening bytes: magic + four proposals (unused slots are zero). */
export function encodeHandshakeRequest(proposals: readonly VersionProposal[]): Uint8Array {
  const out = new Uint8Array(20);
  out.set(BOLT_MAGIC, 0);
  proposals.slice(0, 4).forEach((proposal, slot) => {
    const offset = 4 + slot * 4;
    if (proposal.kind === 'MANIFEST_V1') out.set(MANIFEST_V1_MARKER, offset);
    else out.set([0, proposal.range ?? 0, proposal.version.minor, proposal.version.major], offset);
  });
  return out;
}

const HTTP = [0x48, 0x54, 0x54, 0x50];
const NO_VERSION_CHOICE = Uint8Array.of(0, 0, 0, 0, 0);

/**
 * Reads the server's handshake reply incrementally: a 4-byte version, `00 00 00 00` (no common version),
 * or a manifest (`00 00 01 FF`, varint N, N ranges, varint capabilities), from which the newest version in
 * `acceptable` is chosen (as the JS driver does) and the choice is returned as `reply`.
 */
export class ClientHandshake {
  private buffer = new Uint8Array(0);
  private readonly proposals: readonly VersionProposal[];
  private readonly acceptable: readonly ProtocolVersion[];

  constructor(proposals: readonly VersionProposal[], acceptable: readonly ProtocolVersion[]) {
    this.proposals = proposals;
    this.acceptable = [...acceptable].sort((a, b) => compareProtocolVersions(b, a));
  }

  push(bytes: Uint8Array): ClientHandshakeStep {
    const joined = new Uint8Array(this.buffer.length + bytes.length);
    joined.set(this.buffer, 0);
    joined.set(bytes, this.buffer.length);
    this.buffer = joined;
    if (joined.length < 4) return { status: 'PENDING' };
    const [reserved = 0, range = 0, minor = 0, major = 0] = joined;
    if (HTTP.every((byte, index) => joined[index] === byte)) {
      return this.fail('The server answered with HTTP: this is not a Bolt port');
    }
    if (major === 0xff) return this.readManifest(joined);
    if (reserved !== 0 || range !== 0)
      return this.fail(`Malformed handshake reply ${joined.subarray(0, 4).join(' ')}`);
    if (major === 0 && minor === 0)
      return this.fail('The server supports none of the proposed Bolt versions');
    const version = protocolVersion(major, minor);
    if (!this.wasProposed(version)) {
      return this.fail(`The server chose Bolt ${formatProtocolVersion(version)}, which was not proposed`);
    }
    return { status: 'AGREED', version, viaManifest: false, reply: null, leftover: joined.subarray(4) };
  }

  private wasProposed(version: ProtocolVersion): boolean {
    return this.proposals.some(
      (proposal) =>
        proposal.kind === 'VERSION' &&
        proposal.version.major === version.major &&
        version.minor <= proposal.version.minor &&
        version.minor >= proposal.version.minor - (proposal.range ?? 0),
    );
  }

  private readManifest(bytes: Uint8Array): ClientHandshakeStep {
    if (!MANIFEST_V1_MARKER.every((byte, index) => bytes[index] === byte)) {
      return this.fail('The server answered with an unknown handshake manifest version');
    }
    const count = readVarint(bytes, 4);
    if (count.kind === 'INCOMPLETE') return { status: 'PENDING' };
    if (count.kind === 'OVERLONG' || count.value > 256n) return this.fail('Malformed manifest version count');
    let offset = 4 + count.byteLength;
    const offered: ProtocolVersion[] = [];
    for (let entry = 0n; entry < count.value; entry++) {
      if (offset + 4 > bytes.length) return { status: 'PENDING' };
      const range = bytes[offset + 1] ?? 0;
      const minor = bytes[offset + 2] ?? 0;
      const major = bytes[offset + 3] ?? 0;
      for (let delta = 0; delta <= range && delta <= minor; delta++)
        offered.push(protocolVersion(major, minor - delta));
      offset += 4;
    }
    const capabilities = readVarint(bytes, offset);
    if (capabilities.kind === 'INCOMPLETE') return { status: 'PENDING' };
    if (capabilities.kind === 'OVERLONG') return this.fail('Malformed manifest capabilities');
    const chosen = this.acceptable.find((version) => offered.some((v) => isSameProtocolVersion(v, version)));
    if (chosen === undefined) {
      return this.fail('The server offers no Bolt version this client speaks', NO_VERSION_CHOICE.slice());
    }
    const reply = new Uint8Array(5);
    reply.set([0, 0, chosen.minor, chosen.major], 0);
    reply.set(encodeVarint(0), 4); // no capabilities are defined for clients
    return {
      status: 'AGREED',
      version: chosen,
      viaManifest: true,
      reply,
      leftover: bytes.subarray(offset + capabilities.byteLength),
    };
  }

  private fail(message: string, reply: Uint8Array | null = null): ClientHandshakeStep {
    return { status: 'FAILED', error: new ProtocolError(message), reply };
  }
}
