/** Shared UTF-8 codecs: creating them is costly, so every module reuses these. */
export const utf8Encoder = new TextEncoder();
export const utf8Decoder = new TextDecoder('utf-8', { ignoreBOM: true });
/** Throws a TypeError on invalid UTF-8 instead of inserting U+FFFD. */
export const utf8DecoderFatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Lower-case hex with a space between bytes: `60 60 b0 17`. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let index = 0; index < bytes.length; index++) {
    if (index > 0) out += ' ';
    out += (bytes[index] ?? 0).toString(16).padStart(2, '0');
  }
  return out;
}

/** Parses hex with optional whitespace (`"60 60 B0 17"` or `"6060b017"`). Used by tests and fixtures. */
export function fromHex(text: string): Uint8Array {
  const clean = text.replace(/\s+/g, '');
  if (clean.length % 2 !== 0 || /[^0-9a-fA-F]/.test(clean)) throw new TypeError(`Not a hex string: ${text}`);
  const out = new Uint8Array(clean.length / 2);
  for (let index = 0; index < out.length; index++)
    out[index] = parseInt(clean.slice(index * 2, index * 2 + 2), 16);
  return out;
}
