/**
 * Lucene's `BM25Similarity` (Lucene 8+: no `(k1 + 1)` factor) and the lossy one-byte field-length norm of
 * Lucene's `SmallFloat.intToByte4`/`byte4ToInt`.
 */

/** BM25 term-frequency saturation. */
export const BM25_K1 = 1.2;
/** BM25 length normalization. */
export const BM25_B = 0.75;

/**
 * Encodes a non-negative 32-bit integer as a float-like value with 4 significant bits: values below
 * 8 are kept as they are ("subnormal"); larger ones keep their top 4 bits (the leading one implicit) in the
 * low 3 bits and the shift plus one above them. Ordering is preserved.
 */
export function longToInt4(value: number): number {
  const bits = 32 - Math.clz32(value);
  if (bits < 4) return value;
  const shift = bits - 4;
  const top = Math.floor(value / 2 ** shift) & 0x07;
  return top | ((shift + 1) << 3);
}

/** Decodes {@link longToInt4}: the smallest value with that encoding. */
export function int4ToLong(encoded: number): number {
  const bits = encoded & 0x07;
  const shift = (encoded >>> 3) - 1;
  return shift === -1 ? bits : (bits | 0x08) * 2 ** shift;
}

/** Byte values below this store a length exactly; the rest store {@link longToInt4} of the excess. */
const NUM_FREE_VALUES = 255 - longToInt4(2 ** 31 - 1);

/** Lucene's `SmallFloat.intToByte4`: a document length as an unsigned byte (exact below 24). */
export function intToByte4(length: number): number {
  return length < NUM_FREE_VALUES ? length : NUM_FREE_VALUES + longToInt4(length - NUM_FREE_VALUES);
}

/** Lucene's `SmallFloat.byte4ToInt`: the length a norm byte stands for. */
export function byte4ToInt(encoded: number): number {
  return encoded < NUM_FREE_VALUES ? encoded : NUM_FREE_VALUES + int4ToLong(encoded - NUM_FREE_VALUES);
}

/** A document length after Lucene's norm round trip (what BM25 actually sees). */
export function lossyFieldLength(length: number): number {
  return byte4ToInt(intToByte4(length));
}

/** BM25 inverse document frequency: `ln(1 + (docCount − docFreq + 0.5) / (docFreq + 0.5))`. */
export function bm25Idf(docFreq: number, docCount: number): number {
  const n = Math.max(docCount, docFreq);
  return Math.log(1 + (n - docFreq + 0.5) / (docFreq + 0.5));
}

/** Per-field statistics as BM25 needs them. */
export interface FieldStatistics {
  readonly docCount: number;
  readonly sumTotalTermFreq: number;
}

/** The average field length `sumTotalTermFreq / docCount` (1 when the field is empty). */
export function averageFieldLength(stats: FieldStatistics): number {
  const avg = stats.docCount > 0 ? stats.sumTotalTermFreq / stats.docCount : 0;
  return avg > 0 ? avg : 1;
}

/**
 * BM25's term-frequency part: `freq / (freq + k1 · (1 − b + b · dl / avgdl))`, with `dl` passed through the
 * lossy norm encoding first.
 */
export function bm25TermFrequency(freq: number, fieldLength: number, avgFieldLength: number): number {
  const dl = lossyFieldLength(fieldLength);
  return freq / (freq + BM25_K1 * (1 - BM25_B + (BM25_B * dl) / avgFieldLength));
}
