/**
 * bolt/versions: every supported Bolt version as a descriptor (data), each a small diff on the previous one.
 * Input: a negotiated `ProtocolVersion`. Output: which requests are accepted and how they decode, which
 * states and metadata keys exist, the FAILURE and value-encoding shape; the supported list for the handshake.
 * Must not know: sockets, the state machine's behaviour, the database.
 */
export type { BoltVersionDescriptor, HelloSuccessShape, HydrationShape, RequestSpec } from './descriptor.js';
export { BOLT_VERSIONS, SUPPORTED_PROTOCOL_VERSIONS, findBoltVersion, getBoltVersion } from './registry.js';
