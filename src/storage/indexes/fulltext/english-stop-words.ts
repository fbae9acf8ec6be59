/**
 * The English stop-word set of Lucene's classic `EnglishAnalyzer` / `StopAnalyzer` (33 words), which Neo4j's
 * `standard`, `stop` and `english` fulltext analyzers remove. Sorted.
 */
export const ENGLISH_STOP_WORDS: readonly string[] = Object.freeze([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'but',
  'by',
  'for',
  'if',
  'in',
  'into',
  'is',
  'it',
  'no',
  'not',
  'of',
  'on',
  'or',
  'such',
  'that',
  'the',
  'their',
  'then',
  'there',
  'these',
  'they',
  'this',
  'to',
  'was',
  'will',
  'with',
]);

/** {@link ENGLISH_STOP_WORDS} as a set, for membership tests. */
export const ENGLISH_STOP_WORD_SET: ReadonlySet<string> = new Set(ENGLISH_STOP_WORDS);
