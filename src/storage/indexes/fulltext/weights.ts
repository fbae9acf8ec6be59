/**
 * Prepares a parsed query against one index (Lucene's `Weight`): multi-term queries are expanded to the
 * index's terms, term statistics become BM25 weights (`boost × idf`), and boosts are pushed down to leaves.
 */
import { bm25Idf } from './bm25.js';
import type { FulltextQuery, PhraseTerm } from './query-ast.js';
import {
  editDistance,
  inTermRange,
  regexpMatcher,
  wildcardMatcher,
  wildcardPrefix,
} from './term-matchers.js';
import type { FulltextTermSource } from './term-source.js';

/** Lucene's default cap on the terms a fuzzy query expands to (`FuzzyQuery.defaultMaxExpansions`). */
export const FUZZY_MAX_EXPANSIONS = 50;

/** A query node ready to match and score documents. */
export type FulltextWeight =
  /** BM25-scored terms of one field; a document scores the sum over the terms it holds. */
  | { readonly kind: 'scoredTerms'; readonly field: string; readonly weights: ReadonlyMap<string, number> }
  /** Constant-score terms of one field: a document holding any of them scores `score`. */
  | {
      readonly kind: 'constant';
      readonly field: string;
      readonly terms: ReadonlySet<string>;
      readonly score: number;
    }
  | {
      readonly kind: 'phrase';
      readonly field: string;
      readonly terms: readonly PhraseTerm[];
      readonly slop: number;
      readonly weight: number;
    }
  | { readonly kind: 'all'; readonly score: number }
  | {
      readonly kind: 'boolean';
      readonly must: readonly FulltextWeight[];
      readonly should: readonly FulltextWeight[];
      readonly mustNot: readonly FulltextWeight[];
    };

/** Prepares `query` against `source`, multiplying every score by `boost`. */
export function createWeight(source: FulltextTermSource, query: FulltextQuery, boost = 1): FulltextWeight {
  const b = boost * query.boost;
  const idf = (field: string, term: string): number =>
    bm25Idf(source.docFreq(field, term), source.fieldStatistics(field).docCount);
  switch (query.kind) {
    case 'term':
      return {
        kind: 'scoredTerms',
        field: query.field,
        weights: new Map([[query.term, b * idf(query.field, query.term)]]),
      };
    case 'phrase': {
      const sumIdf = query.terms.reduce((sum, t) => sum + idf(query.field, t.term), 0);
      return { kind: 'phrase', field: query.field, terms: query.terms, slop: query.slop, weight: b * sumIdf };
    }
    case 'prefix':
      return constant(query.field, source.terms(query.field, query.prefix), () => true, b);
    case 'wildcard':
      return constant(
        query.field,
        source.terms(query.field, wildcardPrefix(query.pattern)),
        wildcardMatcher(query.pattern),
        b,
      );
    case 'regexp':
      return constant(
        query.field,
        source.terms(query.field, ''),
        regexpMatcher(`/${query.pattern}/`, query.pattern),
        b,
      );
    case 'range': {
      const { lower, upper, includeLower, includeUpper } = query;
      const accept = (t: string): boolean => inTermRange(t, lower, upper, includeLower, includeUpper);
      return constant(query.field, source.terms(query.field, ''), accept, b);
    }
    case 'fuzzy': {
      const weights = new Map<string, number>();
      for (const { term, similarity } of fuzzyExpansions(source, query.field, query.term, query.maxEdits)) {
        weights.set(term, b * similarity * idf(query.field, term));
      }
      return { kind: 'scoredTerms', field: query.field, weights };
    }
    case 'matchAll':
      return { kind: 'all', score: b };
    case 'boolean': {
      const must: FulltextWeight[] = [];
      const should: FulltextWeight[] = [];
      const mustNot: FulltextWeight[] = [];
      for (const clause of query.clauses) {
        const target = clause.occur === 'must' ? must : clause.occur === 'should' ? should : mustNot;
        target.push(createWeight(source, clause.query, b));
      }
      return { kind: 'boolean', must, should, mustNot };
    }
  }
}

function constant(
  field: string,
  candidates: Iterable<string>,
  accept: (term: string) => boolean,
  score: number,
): FulltextWeight {
  const terms = new Set<string>();
  for (const t of candidates) if (accept(t)) terms.add(t);
  return { kind: 'constant', field, terms, score };
}

/**
 * The terms of `field` within `maxEdits` of `term`, each with Lucene's fuzzy boost
 * `1 − edits / min(length of term, length of the query term)` (1 for an exact match), best first, at most
 * {@link FUZZY_MAX_EXPANSIONS}. Terms whose boost would be negative are left out.
 */
export function fuzzyExpansions(
  source: FulltextTermSource,
  field: string,
  term: string,
  maxEdits: number,
): { term: string; similarity: number }[] {
  const queryLength = Array.from(term).length;
  const found: { term: string; similarity: number }[] = [];
  for (const candidate of source.terms(field, '')) {
    const edits = editDistance(term, candidate, maxEdits);
    if (edits > maxEdits) continue;
    const similarity = edits === 0 ? 1 : 1 - edits / Math.min(queryLength, Array.from(candidate).length);
    if (similarity >= 0) found.push({ term: candidate, similarity });
  }
  found.sort((x, y) => y.similarity - x.similarity || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
  return found.slice(0, FUZZY_MAX_EXPANSIONS);
}
