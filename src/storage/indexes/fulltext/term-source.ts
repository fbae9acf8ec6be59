import type { AnalyzedToken } from './analyzers.js';

/** What the storage index provides to a search (one index, one querying transaction). */
export interface FulltextTermSource {
  /** The index's property names, in order. */
  readonly fields: readonly string[];
  /** Ids whose indexed versions held `term` in `field` (may include ids that are stale for this reader). */
  postings(field: string, term: string): Iterable<number>;
  /** How many ids `postings(field, term)` yields (document frequency). */
  docFreq(field: string, term: string): number;
  /** The distinct terms of `field` starting with `prefix` ('' for all), in ascending code-unit order. */
  terms(field: string, prefix: string): Iterable<string>;
  /** Every id the index holds (for `*:*` and purely negative sub-queries). */
  allIds(): Iterable<number>;
  /** Per field: documents that have the field, and the total number of tokens over them. */
  fieldStatistics(field: string): { readonly docCount: number; readonly sumTotalTermFreq: number };
  /**
   * The entity as the reader sees it, analyzed: per field its tokens; undefined when it is not visible or not
   * in the index's scope any more.
   */
  document(id: number): ReadonlyMap<string, readonly AnalyzedToken[]> | undefined;
}
