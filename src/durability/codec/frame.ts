import { crc32c } from './crc32c.js';

/**
 * A checksummed frame (one WAL record):
 *   u32 length of the payload | u32 CRC-32C over the 4 length bytes and the payload | payload
 * The checksum covers the length too, so a damaged length is caught rather than read as a shorter frame.
 */
export const FRAME_HEADER_BYTES = 8;

/** What `decodeFrame` found at an offset. */
export type DecodedFrame =
  | { readonly kind: 'frame'; readonly payload: Uint8Array; readonly end: number }
  | { readonly kind: 'end' }
  | { readonly kind: 'torn'; readonly reason: string };

/** Wraps `payload` in a frame. */
export function encodeFrame(payload: Uint8Array): Uint8Array {
  const frame = new Uint8Array(FRAME_HEADER_BYTES + payload.length);
  const view = new DataView(frame.buffer);
  view.setUint32(0, payload.length, true);
  frame.set(payload, FRAME_HEADER_BYTES);
  const checksum = crc32c(payload, crc32c(frame.subarray(0, 4)));
  view.setUint32(4, checksum, true);
  return frame;
}

/**
 * Decodes the frame at `offset` of `bytes`: `end` exactly at the end of the bytes, `torn` when the frame is
 * incomplete or its checksum does not match, else the payload (a view into `bytes`) and the offset after it.
 */
export function decodeFrame(bytes: Uint8Array, offset: number): DecodedFrame {
  const available = bytes.length - offset;
  if (available === 0) return { kind: 'end' };
  if (available < FRAME_HEADER_BYTES) {
    return { kind: 'torn', reason: `incomplete frame header (${available} of ${FRAME_HEADER_BYTES} bytes)` };
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, FRAME_HEADER_BYTES);
  const length = view.getUint32(0, true);
  const stored = view.getUint32(4, true);
  if (length > available - FRAME_HEADER_BYTES) {
    return {
      kind: 'torn',
      reason: `incomplete frame (${available - FRAME_HEADER_BYTES} of ${length} payload bytes)`,
    };
  }
  const end = offset + FRAME_HEADER_BYTES + length;
  const payload = bytes.subarray(offset + FRAME_HEADER_BYTES, end);
  const actual = crc32c(payload, crc32c(bytes.subarray(offset, offset + 4)));
  if (actual !== stored) {
    return {
      kind: 'torn',
      reason: `checksum mismatch (stored ${hex32(stored)}, computed ${hex32(actual)})`,
    };
  }
  return { kind: 'frame', payload, end };
}

function hex32(value: number): string {
  return `0x${value.toString(16).padStart(8, '0')}`;
}
