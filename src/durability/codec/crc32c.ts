/**
 * CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), the checksum of WAL frames and segment headers.
 * Castagnoli rather than the zip CRC-32 because it detects more error patterns in short blocks and is the
 * checksum storage formats settled on (iSCSI, ext4 metadata, LevelDB/RocksDB logs).
 */

const POLYNOMIAL = 0x82f63b78;

/**
 * Slicing-by-8: table `slice` (entries `slice * 256 + byte`) gives the CRC of `byte` followed by `slice`
 * zero bytes, so eight bytes are folded per step instead of one.
 */
const TABLE: Uint32Array = buildTable();

function buildTable(): Uint32Array {
  const table = new Uint32Array(8 * 256);
  for (let byte = 0; byte < 256; byte++) {
    let crc = byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ POLYNOMIAL : crc >>> 1;
    table[byte] = crc >>> 0;
  }
  for (let byte = 0; byte < 256; byte++) {
    let crc = table[byte] ?? 0;
    for (let slice = 1; slice < 8; slice++) {
      crc = (table[crc & 0xff] ?? 0) ^ (crc >>> 8);
      table[slice * 256 + byte] = crc >>> 0;
    }
  }
  return table;
}

/**
 * The CRC-32C of `bytes` as an unsigned 32-bit integer. `seed` continues an earlier checksum, so
 * `crc32c(b, crc32c(a))` equals the checksum of `a` followed by `b`.
 */
export function crc32c(bytes: Uint8Array, seed = 0): number {
  const table = TABLE;
  let crc = ~seed;
  let index = 0;
  const length = bytes.length;
  const whole = length - (length % 8);
  // Every index below is in range; `?? 0` only satisfies the type checker.
  while (index < whole) {
    const low =
      crc ^
      ((bytes[index] ?? 0) |
        ((bytes[index + 1] ?? 0) << 8) |
        ((bytes[index + 2] ?? 0) << 16) |
        ((bytes[index + 3] ?? 0) << 24));
    crc =
      (table[0x700 | (low & 0xff)] ?? 0) ^
      (table[0x600 | ((low >>> 8) & 0xff)] ?? 0) ^
      (table[0x500 | ((low >>> 16) & 0xff)] ?? 0) ^
      (table[0x400 | (low >>> 24)] ?? 0) ^
      (table[0x300 | (bytes[index + 4] ?? 0)] ?? 0) ^
      (table[0x200 | (bytes[index + 5] ?? 0)] ?? 0) ^
      (table[0x100 | (bytes[index + 6] ?? 0)] ?? 0) ^
      (table[bytes[index + 7] ?? 0] ?? 0);
    index += 8;
  }
  while (index < length) {
    crc = (table[(crc ^ (bytes[index] ?? 0)) & 0xff] ?? 0) ^ (crc >>> 8);
    index++;
  }
  return ~crc >>> 0;
}
