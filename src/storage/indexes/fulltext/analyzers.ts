/**
 * Neo4j's fulltext analyzers: each is a tokenizer plus a chain of token filters, as in Lucene. Index time
 * (`analyze`) produces positioned terms; query time `normalize` maps a wildcard, prefix, fuzzy, range or
 * regular-expression term the way Lucene's `Analyzer.normalize` does (case and folding only, no tokenizing).
 */
import { asciiFold } from './ascii-folding.js';
import { ENGLISH_STOP_WORDS, ENGLISH_STOP_WORD_SET } from './english-stop-words.js';
import { porterStem } from './porter-stemmer.js';
import {
  keywordTokenizer,
  letterTokenizer,
  standardTokenizer,
  unicodeWhitespaceTokenizer,
  whitespaceTokenizer,
  type Tokenizer,
} from './tokenizers.js';

/** One term produced by analysis, with its position in the token stream (removed stop words leave gaps). */
export interface AnalyzedToken {
  readonly term: string;
  readonly position: number;
}

/** A fulltext analyzer, named as in Neo4j's `db.index.fulltext.listAvailableAnalyzers()`. */
export interface FulltextAnalyzer {
  /** Neo4j's analyzer name. */
  readonly name: string;
  /** Our own one-line description. */
  readonly description: string;
  /** The stop words this analyzer removes (sorted; empty when none). */
  readonly stopwords: readonly string[];
  /** Index-time analysis of one string value; positions count removed stop words (gaps), like Lucene. */
  analyze(text: string): AnalyzedToken[];
  /** Query-time normalization of a wildcard/prefix/fuzzy/regex term (no tokenizing): e.g. lower-casing. */
  normalize(text: string): string;
}

/** The analyzer Neo4j uses when an index does not name one. */
export const DEFAULT_FULLTEXT_ANALYZER = 'standard-no-stop-words';

/** Whether every character of `text` is ASCII. */
function isAscii(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) > 0x7f) return false;
  return true;
}

/** Lower-cases code point by code point, like Lucene's `LowerCaseFilter` (no context-dependent casing). */
export function lowerCaseTerm(text: string): string {
  // ASCII has no context-dependent casing: the built-in lower-casing is the same, and much faster.
  if (isAscii(text)) return text.toLowerCase();
  let out = '';
  for (const ch of text) out += ch.toLowerCase();
  return out;
}

/** Lucene's `EnglishPossessiveFilter`: drops a trailing `'s` (straight, curly or full-width apostrophe). */
export function removeEnglishPossessive(term: string): string {
  if (term.length < 2) return term;
  const last = term[term.length - 1];
  const apostrophe = term[term.length - 2];
  if (
    (last === 's' || last === 'S') &&
    (apostrophe === "'" || apostrophe === '\u2019' || apostrophe === '\uff07')
  ) {
    return term.slice(0, -2);
  }
  return term;
}

const identity = (term: string): string => term;
const foldLower = (term: string): string => asciiFold(lowerCaseTerm(term));
const englishTerm = (term: string): string => lowerCaseTerm(removeEnglishPossessive(term));

interface AnalyzerSpec {
  readonly name: string;
  readonly description: string;
  readonly tokenizer: Tokenizer;
  /** Per-token filters applied before stop-word removal. */
  readonly filter: (term: string) => string;
  readonly stopwords: boolean;
  /** Per-token filter applied after stop-word removal (the stemmer). */
  readonly stem?: (term: string) => string;
  readonly normalize: (text: string) => string;
}

function buildAnalyzer(spec: AnalyzerSpec): FulltextAnalyzer {
  const stopSet: ReadonlySet<string> = spec.stopwords ? ENGLISH_STOP_WORD_SET : new Set();
  const stem = spec.stem ?? identity;
  return Object.freeze({
    name: spec.name,
    description: spec.description,
    stopwords: spec.stopwords ? ENGLISH_STOP_WORDS : Object.freeze([]),
    analyze(text: string): AnalyzedToken[] {
      const tokens: AnalyzedToken[] = [];
      const raw = spec.tokenizer(text);
      for (let position = 0; position < raw.length; position++) {
        const term = spec.filter(raw[position] ?? '');
        if (stopSet.has(term)) continue;
        tokens.push({ term: stem(term), position });
      }
      return tokens;
    },
    normalize: spec.normalize,
  });
}

const ANALYZERS: readonly FulltextAnalyzer[] = [
  {
    name: 'english',
    description:
      'Standard tokenizer, English possessives removed, lower-cased, English stop words removed, Porter-stemmed.',
    tokenizer: standardTokenizer,
    filter: englishTerm,
    stopwords: true,
    stem: porterStem,
    normalize: lowerCaseTerm,
  },
  {
    name: 'keyword',
    description: 'The whole value is a single term, unchanged (exact matching).',
    tokenizer: keywordTokenizer,
    filter: identity,
    stopwords: false,
    normalize: identity,
  },
  {
    name: 'simple',
    description: 'Splits on every non-letter and lower-cases.',
    tokenizer: letterTokenizer,
    filter: lowerCaseTerm,
    stopwords: false,
    normalize: lowerCaseTerm,
  },
  {
    name: 'standard',
    description: 'Unicode word-boundary tokenizer, lower-cased, English stop words removed.',
    tokenizer: standardTokenizer,
    filter: lowerCaseTerm,
    stopwords: true,
    normalize: lowerCaseTerm,
  },
  {
    name: 'standard-folding',
    description:
      'Unicode word-boundary tokenizer, lower-cased, accents and ligatures folded to ASCII; keeps stop words.',
    tokenizer: standardTokenizer,
    filter: foldLower,
    stopwords: false,
    normalize: foldLower,
  },
  {
    name: 'standard-no-stop-words',
    description: 'Unicode word-boundary tokenizer, lower-cased; keeps stop words (the default analyzer).',
    tokenizer: standardTokenizer,
    filter: lowerCaseTerm,
    stopwords: false,
    normalize: lowerCaseTerm,
  },
  {
    name: 'stop',
    description: 'Splits on every non-letter, lower-cases and removes English stop words.',
    tokenizer: letterTokenizer,
    filter: lowerCaseTerm,
    stopwords: true,
    normalize: lowerCaseTerm,
  },
  {
    name: 'unicode_whitespace',
    description: 'Splits on Unicode White_Space characters; keeps case.',
    tokenizer: unicodeWhitespaceTokenizer,
    filter: identity,
    stopwords: false,
    normalize: identity,
  },
  {
    name: 'whitespace',
    description: 'Splits on whitespace (not on no-break spaces); keeps case.',
    tokenizer: whitespaceTokenizer,
    filter: identity,
    stopwords: false,
    normalize: identity,
  },
].map(buildAnalyzer);

const BY_NAME: ReadonlyMap<string, FulltextAnalyzer> = new Map(ANALYZERS.map((a) => [a.name, a]));

/** The analyzer Neo4j calls `name`, if we have it. */
export function fulltextAnalyzer(name: string): FulltextAnalyzer | undefined {
  return BY_NAME.get(name);
}

/** Every analyzer we provide, sorted by name. */
export function fulltextAnalyzers(): readonly FulltextAnalyzer[] {
  return ANALYZERS;
}
