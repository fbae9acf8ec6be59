/**
 * Neo4j FULLTEXT indexes, the pure part: analyzers, Lucene's classic query syntax, and BM25 search over what
 * a storage index provides (`FulltextTermSource`). Imports nothing from storage; only `errors`.
 */
export {
  DEFAULT_FULLTEXT_ANALYZER,
  fulltextAnalyzer,
  fulltextAnalyzers,
  type AnalyzedToken,
  type FulltextAnalyzer,
} from './analyzers.js';
export { ENGLISH_STOP_WORDS } from './english-stop-words.js';
export { porterStem } from './porter-stemmer.js';
export { asciiFold } from './ascii-folding.js';
export { parseFulltextQuery } from './query-parser.js';
export type { FulltextQueryOptions } from './query-builder.js';
export {
  MATCH_NO_DOCS,
  printFulltextQuery,
  type BooleanClause,
  type BooleanQuery,
  type FulltextQuery,
  type FuzzyQuery,
  type MatchAllQuery,
  type Occur,
  type PhraseQuery,
  type PhraseTerm,
  type PrefixQuery,
  type RegexpQuery,
  type TermQuery,
  type TermRangeQuery,
  type WildcardQuery,
} from './query-ast.js';
export { searchFulltext, type FulltextHit } from './search.js';
export type { FulltextTermSource } from './term-source.js';
