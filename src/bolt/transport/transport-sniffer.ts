/**
 * Classifies a new connection from its first bytes, so raw Bolt, WebSocket and TLS can share one port
 * (Neo4j `TransportSelectionHandler`, bolt-spec-digest §2.1). Five bytes always decide; most inputs are
 * decided after the first byte that fits no signature.
 */

/** What a connection speaks, judged from its first bytes. */
export type TransportKind =
  /** `60 60 B0 17`: a Bolt handshake. */
  | 'BOLT'
  /** `GET `: an HTTP request, normally a WebSocket upgrade. */
  | 'WEBSOCKET'
  /** `16 03 0X`: a TLS handshake record (ClientHello); unwrap and sniff again. */
  | 'TLS'
  /** `PROXY` (v1 text) or `0D 0A 0D 0A 00` (v2 binary): a PROXY protocol header precedes the real stream. */
  | 'PROXY'
  /** Nothing we know: close the connection. */
  | 'UNKNOWN';

/** The most bytes {@link sniffTransport} ever needs. */
export const SNIFF_MAX_BYTES = 5;

/** One signature: each position is either an exact byte or an inclusive byte range. */
interface Signature {
  readonly kind: Exclude<TransportKind, 'UNKNOWN'>;
  readonly pattern: readonly (number | readonly [number, number])[];
}

const SIGNATURES: readonly Signature[] = [
  { kind: 'BOLT', pattern: [0x60, 0x60, 0xb0, 0x17] },
  { kind: 'WEBSOCKET', pattern: [0x47, 0x45, 0x54, 0x20] }, // "GET "
  // Record type 22 (handshake), record version 3.x (SSL 3.0 to TLS 1.3 all write 03 0x here).
  { kind: 'TLS', pattern: [0x16, 0x03, [0x00, 0x04]] },
  { kind: 'PROXY', pattern: [0x50, 0x52, 0x4f, 0x58, 0x59] }, // "PROXY"
  { kind: 'PROXY', pattern: [0x0d, 0x0a, 0x0d, 0x0a, 0x00] }, // start of the v2 signature
];

function fits(expected: number | readonly [number, number], actual: number): boolean {
  return typeof expected === 'number' ? actual === expected : actual >= expected[0] && actual <= expected[1];
}

/**
 * Classifies the bytes received so far, or answers `'NEED_MORE'` when they fit a signature that is not
 * complete yet. Only the first {@link SNIFF_MAX_BYTES} bytes are looked at; the caller keeps all bytes and
 * replays them into the chosen protocol handler.
 */
export function sniffTransport(prefix: Uint8Array): TransportKind | 'NEED_MORE' {
  let incomplete = false;
  for (const signature of SIGNATURES) {
    const { pattern } = signature;
    const compared = Math.min(pattern.length, prefix.length);
    let matches = true;
    for (let index = 0; index < compared && matches; index++) {
      const expected = pattern[index];
      matches = expected !== undefined && fits(expected, prefix[index] ?? -1);
    }
    if (!matches) continue;
    if (compared === pattern.length) return signature.kind;
    incomplete = true;
  }
  return incomplete ? 'NEED_MORE' : 'UNKNOWN';
}
