/**
 * The tokenizers behind Neo4j's fulltext analyzers, modelled on Lucene's: `StandardTokenizer` (Unicode word
 * boundaries), `LetterTokenizer`, `WhitespaceTokenizer`, the Unicode-whitespace tokenizer and
 * `KeywordTokenizer`. A tokenizer yields the raw token texts in order; analyzers number and filter them.
 */

/** Lucene's default maximum token length: longer tokens are split into pieces of at most this many chars. */
export const MAX_TOKEN_LENGTH = 255;

/** A tokenizer: text in, token texts out (in order, before any filtering). */
export type Tokenizer = (text: string) => string[];

/** Splits a token longer than {@link MAX_TOKEN_LENGTH} code points into pieces, as Lucene's tokenizers do. */
function pushLimited(out: string[], codePoints: readonly string[]): void {
  for (let start = 0; start < codePoints.length; start += MAX_TOKEN_LENGTH) {
    out.push(codePoints.slice(start, start + MAX_TOKEN_LENGTH).join(''));
  }
}

/** Splits into maximal runs of code points satisfying `keep`. */
function runsOf(text: string, keep: (ch: string) => boolean): string[] {
  const out: string[] = [];
  let run: string[] = [];
  for (const ch of text) {
    if (keep(ch)) {
      run.push(ch);
    } else if (run.length > 0) {
      pushLimited(out, run);
      run = [];
    }
  }
  if (run.length > 0) pushLimited(out, run);
  return out;
}

const LETTER = /^\p{L}$/u;
/** Java's `Character.isWhitespace`: Unicode space separators except the no-break ones, plus ASCII controls. */
const SPACE_SEPARATORS = /^[\p{Zl}\p{Zp}\p{Zs}]$/u;
const JAVA_WHITESPACE = {
  test: (ch: string): boolean => {
    const code = ch.charCodeAt(0);
    return (code >= 0x09 && code <= 0x0d) || (code >= 0x1c && code <= 0x1f) || SPACE_SEPARATORS.test(ch);
  },
};
const NO_BREAK_SPACES = new Set(['\u00a0', '\u2007', '\u202f']);
const UNICODE_WHITE_SPACE = /^\p{White_Space}$/u;

/** Lucene's `LetterTokenizer`: tokens are maximal runs of letters. */
export const letterTokenizer: Tokenizer = (text) => runsOf(text, (ch) => LETTER.test(ch));

/** Lucene's `WhitespaceTokenizer`: splits on Java whitespace (which excludes no-break spaces). */
export const whitespaceTokenizer: Tokenizer = (text) =>
  runsOf(text, (ch) => !(JAVA_WHITESPACE.test(ch) && !NO_BREAK_SPACES.has(ch)));

/** Splits on every character with the Unicode `White_Space` property (no-break spaces included). */
export const unicodeWhitespaceTokenizer: Tokenizer = (text) =>
  runsOf(text, (ch) => !UNICODE_WHITE_SPACE.test(ch));

/** Lucene's `KeywordTokenizer`: the whole value is one token. */
export const keywordTokenizer: Tokenizer = (text) => [text];

/**
 * Word-break classes of UAX #29 that our standard tokenizer distinguishes. `ideographic` covers Han and
 * Hiragana (one token per character); `extend` covers combining marks and format characters, which attach to
 * what precedes them.
 */
type WordClass =
  | 'other'
  | 'letter'
  | 'numeric'
  | 'extendNumLet'
  | 'katakana'
  | 'ideographic'
  | 'midLetter'
  | 'midNum'
  | 'midNumLet'
  | 'extend';

const IDEOGRAPHIC = /^[\p{Script=Han}\p{Script=Hiragana}]$/u;
const KATAKANA = /^[\p{Script=Katakana}\u30fc]$/u;
const LETTERISH = /^[\p{L}\p{Nl}]$/u;
const NUMERIC = /^\p{Nd}$/u;
const EXTEND = /^[\p{M}\p{Cf}]$/u;
const CONNECTOR = /^\p{Pc}$/u;
const MID_LETTER = new Set([':', '\u00b7', '\u0387', '\u05f4', '\u2027', '\ufe13', '\ufe55', '\uff1a']);
const MID_NUM = new Set([',', ';', '\u037e', '\u0589', '\u060c', '\u060d', '\u066c', '\u07f8', '\u2044']);
const MID_NUM_LET = new Set(['.', "'", '\u2018', '\u2019', '\u2024', '\ufe52', '\uff07', '\uff0e']);

function classify(ch: string): WordClass {
  if (IDEOGRAPHIC.test(ch)) return 'ideographic';
  if (KATAKANA.test(ch)) return 'katakana';
  if (LETTERISH.test(ch)) return 'letter';
  if (NUMERIC.test(ch)) return 'numeric';
  if (CONNECTOR.test(ch)) return 'extendNumLet';
  if (EXTEND.test(ch)) return 'extend';
  if (MID_NUM_LET.has(ch)) return 'midNumLet';
  if (MID_LETTER.has(ch)) return 'midLetter';
  if (MID_NUM.has(ch)) return 'midNum';
  return 'other';
}

/** The classes of the ASCII characters, computed once: most text is ASCII, and the regexes are slow. */
const ASCII_CLASSES: readonly WordClass[] = Array.from({ length: 128 }, (_, code) =>
  classify(String.fromCharCode(code)),
);

function wordClass(ch: string): WordClass {
  const code = ch.charCodeAt(0);
  return code < 128 ? (ASCII_CLASSES[code] ?? 'other') : classify(ch);
}

function isWordBody(c: WordClass): boolean {
  return c === 'letter' || c === 'numeric' || c === 'extendNumLet' || c === 'katakana';
}

/** Whether `a` then `b` continue one word (UAX #29 rules WB5, WB8–WB10, WB13, WB13a/b), ignoring Extend. */
function joins(a: WordClass, b: WordClass): boolean {
  if (a === 'katakana' || b === 'katakana') {
    return a === b || a === 'extendNumLet' || b === 'extendNumLet';
  }
  return isWordBody(a) && isWordBody(b);
}

/** Whether `before mid after` stays one word (WB6/WB7 for letters, WB11/WB12 for numbers). */
function bridges(before: WordClass, mid: WordClass, after: WordClass): boolean {
  if (before === 'letter' && after === 'letter') {
    return mid === 'midLetter' || mid === 'midNumLet';
  }
  if (before === 'numeric' && after === 'numeric') {
    return mid === 'midNum' || mid === 'midNumLet';
  }
  return false;
}

/**
 * Our take on Lucene's `StandardTokenizer` (UAX #29 word boundaries): words of letters, digits and connector
 * punctuation (`_`); `.`/`'`/`:` inside letter runs and `.`/`,`/`;` inside digit runs keep a word together
 * (`don't`, `u.s.a`, `3.14`, `1,000`); Han ideographs and Hiragana are one token each; Katakana runs are one
 * token; combining marks stay with their base; punctuation, symbols and spaces separate and are dropped.
 * Emoji are dropped (Lucene 8 emits them as tokens; we do not).
 */
export const standardTokenizer: Tokenizer = (text) => {
  const chars = Array.from(text);
  const classes = chars.map(wordClass);
  const out: string[] = [];
  let i = 0;
  while (i < chars.length) {
    const startClass = classes[i] ?? 'other';
    if (startClass === 'ideographic') {
      let end = i + 1;
      while (classes[end] === 'extend') end++;
      out.push(chars.slice(i, end).join(''));
      i = end;
      continue;
    }
    if (!isWordBody(startClass)) {
      i++;
      continue;
    }
    let end = i + 1;
    let last: WordClass = startClass;
    while (end < chars.length) {
      const c = classes[end] ?? 'other';
      if (c === 'extend') {
        end++;
        continue;
      }
      if (joins(last, c)) {
        last = c;
        end++;
        continue;
      }
      let after = end + 1;
      while (classes[after] === 'extend') after++;
      const next = classes[after] ?? 'other';
      if (bridges(last, c, next)) {
        last = next;
        end = after + 1;
        continue;
      }
      break;
    }
    pushLimited(out, chars.slice(i, end));
    i = end;
  }
  return out;
};
