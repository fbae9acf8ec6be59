/**
 * UTF-8 encoding of short strings straight into the packer's buffer. For strings of a few dozen UTF-16
 * units a JS loop beats a TextEncoder.encodeInto call (about 3x on short non-ASCII names on Node 20), whose
 * fixed cost and result object dominate; long strings go to the native encoder instead (see packer.ts).
 */

/**
 * Writes `value` as UTF-8 at `offset` and returns the number of bytes written. The caller must have
 * reserved 3 bytes per UTF-16 unit. A lone surrogate becomes U+FFFD (`EF BF BD`), exactly as TextEncoder does.
 */
export function writeUtf8(target: Uint8Array, offset: number, value: string): number {
  let at = offset;
  const length = value.length;
  for (let index = 0; index < length; index++) {
    let code = value.charCodeAt(index);
    if (code < 0x80) {
      target[at++] = code;
      continue;
    }
    if (code < 0x800) {
      target[at++] = 0xc0 | (code >> 6);
      target[at++] = 0x80 | (code & 0x3f);
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = index + 1 < length ? value.charCodeAt(index + 1) : 0;
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        const point = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        target[at++] = 0xf0 | (point >> 18);
        target[at++] = 0x80 | ((point >> 12) & 0x3f);
        target[at++] = 0x80 | ((point >> 6) & 0x3f);
        target[at++] = 0x80 | (point & 0x3f);
        index++;
        continue;
      }
      code = 0xfffd;
    }
    target[at++] = 0xe0 | (code >> 12);
    target[at++] = 0x80 | ((code >> 6) & 0x3f);
    target[at++] = 0x80 | (code & 0x3f);
  }
  return at - offset;
}
