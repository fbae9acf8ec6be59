/**
 * bolt/transport: the bytes below Bolt messages. Sniffing what a new connection speaks, the server side of
 * the handshake (legacy proposals and manifest v1), and chunk framing in both directions.
 * Input: raw bytes as they arrive (any split). Output: a negotiated `ProtocolVersion`, reply bytes to write,
 * and message bodies (PackStream bytes); outgoing messages are framed inside a PackStream `Packer` buffer.
 * Everything here is a pure codec: no sockets, timers or streams.
 * Must not know: what messages mean, Cypher values, the state machine, or the database.
 */
export {
  type ProtocolVersion,
  protocolVersion,
  formatProtocolVersion,
  compareProtocolVersions,
  isProtocolAtLeast,
  isSameProtocolVersion,
  PENDING_PROTOCOL_VERSIONS,
} from '../protocol-version.js';
export {
  ServerHandshake,
  BOLT_MAGIC,
  type HandshakeOptions,
  type HandshakeStep,
  type HandshakeFailureReason,
} from './handshake.js';
export {
  MANIFEST_V1_MARKER,
  MANIFEST_MIN_MAJOR,
  encodeManifestReply,
  encodeVersionRanges,
  encodeVersionReply,
  manifestVersions,
} from './version-negotiation.js';
export { encodeVarint, readVarint, MAX_VARINT_BYTES, type VarintRead } from './varint.js';
export {
  ChunkDecoder,
  DEFAULT_MAX_MESSAGE_BYTES,
  type ChunkDecoderOptions,
  type MessageSink,
} from './chunk-decoder.js';
export { MessageWriter, MAX_CHUNK_SIZE, type MessageWriterOptions } from './chunk-encoder.js';
export { sniffTransport, SNIFF_MAX_BYTES, type TransportKind } from './transport-sniffer.js';
