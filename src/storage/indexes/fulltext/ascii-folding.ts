/**
 * ASCII folding in the spirit of Lucene's `ASCIIFoldingFilter`: characters outside Basic Latin that have a
 * reasonable ASCII equivalent are replaced by it (é → e, ß → ss, Æ → AE, ﬁ → fi, ① → 1); characters without
 * one (Cyrillic, CJK, …) are kept. We derive most mappings from Unicode compatibility decomposition (NFKD)
 * with combining marks removed, used only when the result is pure ASCII, plus a table of letters that do not
 * decompose.
 */
export function asciiFold(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) out += ch;
    else out += foldCharacter(ch);
  }
  return out;
}

/** Letters that NFKD leaves alone but Lucene's folding maps to ASCII. */
const SPECIAL_FOLDS: ReadonlyMap<string, string> = new Map([
  ['ß', 'ss'],
  ['ẞ', 'SS'],
  ['æ', 'ae'],
  ['Æ', 'AE'],
  ['ø', 'o'],
  ['Ø', 'O'],
  ['œ', 'oe'],
  ['Œ', 'OE'],
  ['đ', 'd'],
  ['Đ', 'D'],
  ['ð', 'd'],
  ['Ð', 'D'],
  ['þ', 'th'],
  ['Þ', 'TH'],
  ['ł', 'l'],
  ['Ł', 'L'],
  ['ı', 'i'],
  ['ħ', 'h'],
  ['Ħ', 'H'],
  ['ŋ', 'n'],
  ['Ŋ', 'N'],
  ['ŧ', 't'],
  ['Ŧ', 'T'],
  ['ĸ', 'q'],
  ['ſ', 's'],
  ['ƒ', 'f'],
  ['‘', "'"],
  ['’', "'"],
  ['“', '"'],
  ['”', '"'],
  ['–', '-'],
  ['—', '-'],
  ['«', '"'],
  ['»', '"'],
]);

const COMBINING_MARKS = /\p{M}/gu;

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

function foldCharacter(ch: string): string {
  const special = SPECIAL_FOLDS.get(ch);
  if (special !== undefined) return special;
  const decomposed = ch.normalize('NFKD').replace(COMBINING_MARKS, '');
  return decomposed.length > 0 && isAscii(decomposed) ? decomposed : ch;
}
