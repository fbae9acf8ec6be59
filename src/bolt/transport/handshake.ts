import { invariant } from '../../errors/index.js';
import { isSameProtocolVersion, protocolVersion, type ProtocolVersion } from '../protocol-version.js';
import { MAX_VARINT_BYTES, readVarint } from './varint.js';
import {
  encodeManifestReply,
  encodeVersionReply,
  manifestVersions,
  selectProposal,
  sortNewestFirst,
} from './version-negotiation.js';

/**
 * The server side of the Bolt handshake as a pure, incremental decoder (bolt-spec-digest §2.3–2.4):
 *
 *   READ_PREAMBLE         magic `60 60 B0 17` + four proposals (20 bytes, any split)
 *     ├─ a proposal matches  → reply `00 00 mm MM`, AGREED
 *     ├─ `00 00 01 FF`       → reply the manifest (one buffer) → READ_MANIFEST_CHOICE
 *     └─ nothing matches     → reply `00 00 00 00`, FAILED (close)
 *   READ_MANIFEST_CHOICE  client's `00 00 mm MM` + capability varint → AGREED (no reply)
 *
 * Bytes after the handshake (a pipelined HELLO) come back as `leftover` for the chunk decoder.
 */

/** `60 60 B0 17`: "GoGoBolt", the first four bytes of every Bolt connection. */
export const BOLT_MAGIC: Readonly<Uint8Array> = Uint8Array.of(0x60, 0x60, 0xb0, 0x17);

const PREAMBLE_BYTES = 20;
const CHOICE_VERSION_BYTES = 4;
const NO_VERSION_REPLY: Readonly<Uint8Array> = Uint8Array.of(0, 0, 0, 0);

/** Why a handshake ended without a version; every case closes the connection. */
export type HandshakeFailureReason =
  /** The first bytes are not `60 60 B0 17`: close without a reply. */
  | 'BAD_MAGIC'
  /** No proposal matches a version we support: reply `00 00 00 00`, close. */
  | 'NO_COMMON_VERSION'
  /** The client answered our manifest with `00 00 00 00`. */
  | 'CLIENT_FOUND_NO_VERSION'
  /** The client's manifest choice has a non-zero reserved or range byte, or a version we did not offer. */
  | 'INVALID_CHOICE'
  /** The capability varint is longer than ten bytes or above 64 bits. */
  | 'INVALID_CAPABILITIES';

/**
 * What the caller must do after a push. In every case: if `reply` is not null, write it first, in one
 * socket write. Then: PENDING → read more; AGREED → start the Bolt session with `version` and feed
 * `leftover` to the chunk decoder; FAILED → close the connection.
 */
export type HandshakeStep =
  | { readonly status: 'PENDING'; readonly reply: Uint8Array | null }
  | {
      readonly status: 'AGREED';
      readonly reply: Uint8Array | null;
      readonly version: ProtocolVersion;
      /** True when the version was chosen through the manifest (HELLO SUCCESS then carries `protocol_version`). */
      readonly viaManifest: boolean;
      /** The capability bits the client chose, limited to those we offered (always 0n for legacy handshakes). */
      readonly capabilities: bigint;
      /** Bytes that followed the handshake in the same push (a zero-copy view of the input). */
      readonly leftover: Uint8Array;
    }
  | {
      readonly status: 'FAILED';
      readonly reply: Uint8Array | null;
      readonly reason: HandshakeFailureReason;
      readonly message: string;
    };

/** How the server negotiates. */
export interface HandshakeOptions {
  /** The versions the server implements (bolt/versions supplies them; see SUPPORTED_PROTOCOL_VERSIONS). */
  readonly supportedVersions: readonly ProtocolVersion[];
  /** Answer `00 00 01 FF` with a manifest (default true); when false the proposal is skipped like Neo4j < 5.7. */
  readonly offerManifest?: boolean;
  /** Capability bit mask offered in the manifest (default 0n: none are defined for servers). */
  readonly offeredCapabilities?: bigint;
}

type HandshakeState = 'READ_PREAMBLE' | 'READ_MANIFEST_CHOICE' | 'DONE';

/** One connection's handshake; create one per connection and `push` every received buffer until it settles. */
export class ServerHandshake {
  private state: HandshakeState = 'READ_PREAMBLE';
  private readonly preamble = new Uint8Array(PREAMBLE_BYTES);
  private preambleLength = 0;
  private readonly choice = new Uint8Array(CHOICE_VERSION_BYTES + MAX_VARINT_BYTES);
  private choiceLength = 0;
  private readonly newestFirst: readonly ProtocolVersion[];
  private readonly offerManifest: boolean;
  private readonly offeredCapabilities: bigint;
  private offered: readonly ProtocolVersion[] = [];

  constructor(options: HandshakeOptions) {
    this.newestFirst = sortNewestFirst(options.supportedVersions);
    this.offerManifest = options.offerManifest ?? true;
    this.offeredCapabilities = options.offeredCapabilities ?? 0n;
    invariant(this.offeredCapabilities >= 0n, 'Capability mask must be non-negative');
  }

  /** Whether the handshake has settled (agreed or failed); pushing more is then a programming error. */
  get isSettled(): boolean {
    return this.state === 'DONE';
  }

  /** Feeds received bytes (any split). Never keeps a reference to `bytes` except through `leftover`. */
  push(bytes: Uint8Array): HandshakeStep {
    invariant(this.state !== 'DONE', 'Bolt handshake bytes pushed after the handshake settled');
    let position = 0;
    let reply: Uint8Array | null = null;
    if (this.state === 'READ_PREAMBLE') {
      while (position < bytes.length && this.preambleLength < PREAMBLE_BYTES) {
        const byte = bytes[position++] ?? 0;
        // Check the magic byte by byte so an HTTP request or garbage is refused at its first wrong byte.
        if (this.preambleLength < BOLT_MAGIC.length && byte !== BOLT_MAGIC[this.preambleLength]) {
          return this.fail(null, 'BAD_MAGIC', 'The connection did not start with the Bolt magic 60 60 B0 17');
        }
        this.preamble[this.preambleLength++] = byte;
      }
      if (this.preambleLength < PREAMBLE_BYTES) return { status: 'PENDING', reply: null };
      const selection = selectProposal(this.preamble.subarray(4), this.newestFirst, this.offerManifest);
      switch (selection.kind) {
        case 'VERSION':
          return this.agree(
            encodeVersionReply(selection.version),
            selection.version,
            false,
            0n,
            bytes,
            position,
          );
        case 'NONE':
          return this.fail(
            NO_VERSION_REPLY.slice(),
            'NO_COMMON_VERSION',
            'No proposed Bolt version is supported',
          );
        case 'MANIFEST_V1':
          this.offered = manifestVersions(this.newestFirst);
          reply = encodeManifestReply(this.offered, this.offeredCapabilities);
          this.state = 'READ_MANIFEST_CHOICE';
      }
    }
    return this.readChoice(bytes, position, reply);
  }

  private readChoice(bytes: Uint8Array, start: number, reply: Uint8Array | null): HandshakeStep {
    let position = start;
    while (position < bytes.length) {
      const byte = bytes[position++] ?? 0;
      this.choice[this.choiceLength++] = byte;
      if (this.choiceLength === CHOICE_VERSION_BYTES) {
        const failure = this.checkChosenVersion();
        if (failure !== null) return failure(reply);
      } else if (this.choiceLength > CHOICE_VERSION_BYTES) {
        if ((byte & 0x80) === 0) {
          const read = readVarint(this.choice, CHOICE_VERSION_BYTES);
          if (read.kind !== 'VALUE') return this.failCapabilities(reply);
          const version = protocolVersion(this.choice[3] ?? 0, this.choice[2] ?? 0);
          return this.agree(reply, version, true, read.value & this.offeredCapabilities, bytes, position);
        }
        // Ten bytes that all say "more follows": refuse instead of buffering an endless varint.
        if (this.choiceLength === this.choice.length) return this.failCapabilities(reply);
      }
    }
    return { status: 'PENDING', reply };
  }

  private failCapabilities(reply: Uint8Array | null): HandshakeStep {
    return this.fail(
      reply,
      'INVALID_CAPABILITIES',
      'The capability varint of the manifest choice is malformed',
    );
  }

  /** Validates the four version bytes of a manifest choice; returns a failure builder or null. */
  private checkChosenVersion(): ((reply: Uint8Array | null) => HandshakeStep) | null {
    const [reserved = 0, range = 0, minor = 0, major = 0] = this.choice;
    if (reserved === 0 && range === 0 && minor === 0 && major === 0) {
      return (reply) =>
        this.fail(reply, 'CLIENT_FOUND_NO_VERSION', 'The client found no common Bolt version');
    }
    const chosen = protocolVersion(major, minor);
    if (reserved !== 0 || range !== 0 || !this.offered.some((v) => isSameProtocolVersion(v, chosen))) {
      const bytes = `${reserved} ${range} ${minor} ${major}`;
      return (reply) =>
        this.fail(reply, 'INVALID_CHOICE', `The client chose a version we did not offer: ${bytes}`);
    }
    return null;
  }

  private agree(
    reply: Uint8Array | null,
    version: ProtocolVersion,
    viaManifest: boolean,
    capabilities: bigint,
    bytes: Uint8Array,
    position: number,
  ): HandshakeStep {
    this.state = 'DONE';
    return {
      status: 'AGREED',
      reply,
      version,
      viaManifest,
      capabilities,
      leftover: bytes.subarray(position),
    };
  }

  private fail(reply: Uint8Array | null, reason: HandshakeFailureReason, message: string): HandshakeStep {
    this.state = 'DONE';
    return { status: 'FAILED', reply, reason, message };
  }
}
