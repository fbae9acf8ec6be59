import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  averageFieldLength,
  bm25Idf,
  bm25TermFrequency,
  byte4ToInt,
  int4ToLong,
  intToByte4,
  longToInt4,
  lossyFieldLength,
} from './bm25.js';

test('the norm byte stores lengths below 24 exactly and larger ones with 4 significant bits', () => {
  for (let i = 0; i < 24; i++) assert.equal(lossyFieldLength(i), i);
  // 100 − 24 = 76 = 0b1001100: 7 bits, shift 3, top bits 0b1001 → 0b001 | (4 << 3) = 33; byte 24 + 33 = 57.
  assert.equal(intToByte4(100), 57);
  // Back: (0b001 | 0b1000) << 3 = 72, plus 24 = 96.
  assert.equal(byte4ToInt(57), 96);
  assert.equal(lossyFieldLength(100), 96);
  assert.equal(intToByte4(2 ** 31 - 1), 255);
  assert.equal(longToInt4(7), 7);
  assert.equal(longToInt4(8), 8);
  assert.equal(int4ToLong(longToInt4(1000)), 960);
});

test('the norm encoding is monotonic and decodes to at most the length', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 2 ** 31 - 2 }), (n) => {
      const b = intToByte4(n);
      assert.ok(b >= 0 && b <= 255);
      assert.ok(byte4ToInt(b) <= n);
      assert.ok(intToByte4(n + 1) >= b);
      assert.equal(intToByte4(byte4ToInt(b)), b);
    }),
  );
});

test('BM25 idf and term frequency (Lucene 8+, no k1 + 1 factor)', () => {
  // ln(1 + (3 − 2 + 0.5) / (2 + 0.5)) = ln 1.6
  assert.equal(bm25Idf(2, 3), Math.log(1.6));
  // dl = avgdl: K = 1.2 · (0.25 + 0.75) = 1.2; 1 / 2.2
  assert.equal(bm25TermFrequency(1, 2, 2), 1 / (1 + 1.2));
  // dl 3, avgdl 2: K = 1.2 · (0.25 + 0.75 · 1.5) = 1.65; 2 / 3.65
  assert.ok(Math.abs(bm25TermFrequency(2, 3, 2) - 2 / 3.65) < 1e-15);
  assert.equal(averageFieldLength({ docCount: 4, sumTotalTermFreq: 10 }), 2.5);
  assert.equal(averageFieldLength({ docCount: 0, sumTotalTermFreq: 0 }), 1);
});
