/**
 * Runs a fulltext query against a storage index: candidates come from the postings of the query's positive
 * parts (or every id when nothing bounds them), every candidate is re-checked against the document as the
 * reader sees it (postings may be stale), and matches are scored with Lucene's BM25.
 */
import type { AnalyzedToken } from './analyzers.js';
import { averageFieldLength, bm25TermFrequency } from './bm25.js';
import type { FulltextQuery, PhraseTerm } from './query-ast.js';
import type { FulltextTermSource } from './term-source.js';
import { createWeight, type FulltextWeight } from './weights.js';

/** One search result. */
export interface FulltextHit {
  readonly id: number;
  readonly score: number;
}

/** Every matching entity, best first (score descending, then id ascending). */
export function searchFulltext(source: FulltextTermSource, query: FulltextQuery): FulltextHit[] {
  const weight = createWeight(source, query);
  const bounded = candidateLists(source, weight);
  const ids = new Set<number>();
  for (const list of bounded === 'all' ? [source.allIds()] : bounded) for (const id of list) ids.add(id);
  const avgdl = new Map<string, number>();
  const averageLength = (field: string): number => {
    let value = avgdl.get(field);
    if (value === undefined) {
      value = averageFieldLength(source.fieldStatistics(field));
      avgdl.set(field, value);
    }
    return value;
  };
  const hits: FulltextHit[] = [];
  for (const id of ids) {
    const doc = source.document(id);
    if (doc === undefined) continue;
    const score = scoreDocument(weight, new DocumentView(doc), averageLength);
    if (score !== undefined) hits.push({ id, score });
  }
  hits.sort((a, b) => b.score - a.score || a.id - b.id);
  return hits;
}

/** Posting lists whose union holds every possible match, or `'all'` when nothing bounds the query. */
function candidateLists(source: FulltextTermSource, weight: FulltextWeight): Iterable<number>[] | 'all' {
  switch (weight.kind) {
    case 'scoredTerms':
      return [...weight.weights.keys()].map((t) => source.postings(weight.field, t));
    case 'constant':
      return [...weight.terms].map((t) => source.postings(weight.field, t));
    case 'phrase': {
      let rarest: PhraseTerm | undefined;
      let rarestFreq = Infinity;
      for (const t of weight.terms) {
        const df = source.docFreq(weight.field, t.term);
        if (df < rarestFreq) [rarest, rarestFreq] = [t, df];
      }
      return rarest === undefined ? [] : [source.postings(weight.field, rarest.term)];
    }
    case 'all':
      return 'all';
    case 'boolean': {
      if (weight.must.length > 0) {
        for (const clause of weight.must) {
          const lists = candidateLists(source, clause);
          if (lists !== 'all') return lists;
        }
        return 'all';
      }
      const union: Iterable<number>[] = [];
      for (const clause of weight.should) {
        const lists = candidateLists(source, clause);
        if (lists === 'all') return 'all';
        union.push(...lists);
      }
      return union;
    }
  }
}

/** Per-field term frequencies and positions of one document, computed on first use. */
class DocumentView {
  private readonly doc: ReadonlyMap<string, readonly AnalyzedToken[]>;
  private readonly cache = new Map<string, Map<string, number[]>>();

  constructor(doc: ReadonlyMap<string, readonly AnalyzedToken[]>) {
    this.doc = doc;
  }

  /** The number of tokens in `field` (BM25's document length). */
  length(field: string): number {
    return this.doc.get(field)?.length ?? 0;
  }

  /** Positions of `term` in `field` (ascending; empty when absent). */
  positions(field: string, term: string): readonly number[] {
    let byTerm = this.cache.get(field);
    if (byTerm === undefined) {
      byTerm = new Map();
      for (const token of this.doc.get(field) ?? []) {
        const list = byTerm.get(token.term);
        if (list === undefined) byTerm.set(token.term, [token.position]);
        else list.push(token.position);
      }
      for (const list of byTerm.values()) list.sort((a, b) => a - b);
      this.cache.set(field, byTerm);
    }
    return byTerm.get(term) ?? [];
  }
}

/** The document's score for `weight`, or undefined when it does not match. */
function scoreDocument(
  weight: FulltextWeight,
  doc: DocumentView,
  averageLength: (field: string) => number,
): number | undefined {
  switch (weight.kind) {
    case 'scoredTerms': {
      let score: number | undefined;
      for (const [term, w] of weight.weights) {
        const freq = doc.positions(weight.field, term).length;
        if (freq === 0) continue;
        score =
          (score ?? 0) + w * bm25TermFrequency(freq, doc.length(weight.field), averageLength(weight.field));
      }
      return score;
    }
    case 'constant': {
      for (const term of weight.terms) {
        if (doc.positions(weight.field, term).length > 0) return weight.score;
      }
      return undefined;
    }
    case 'phrase': {
      const lists = weight.terms.map((t) => doc.positions(weight.field, t.term));
      const freq = phraseFrequency(weight.terms, lists, weight.slop);
      if (freq === 0) return undefined;
      return weight.weight * bm25TermFrequency(freq, doc.length(weight.field), averageLength(weight.field));
    }
    case 'all':
      return weight.score;
    case 'boolean': {
      for (const clause of weight.mustNot) {
        if (scoreDocument(clause, doc, averageLength) !== undefined) return undefined;
      }
      let score = 0;
      for (const clause of weight.must) {
        const s = scoreDocument(clause, doc, averageLength);
        if (s === undefined) return undefined;
        score += s;
      }
      let anyShould = false;
      for (const clause of weight.should) {
        const s = scoreDocument(clause, doc, averageLength);
        if (s === undefined) continue;
        anyShould = true;
        score += s;
      }
      return weight.must.length > 0 || anyShould ? score : undefined;
    }
  }
}

/**
 * How often a phrase occurs. Exact phrases (slop 0) count the start positions where every term sits at its
 * relative position. Sloppy phrases sweep the terms' position lists (each shifted by the term's offset in
 * the phrase), always advancing the list at the smallest shifted position; every state whose spread
 * (largest − smallest shifted position) is within the slop and uses distinct positions for repeated terms
 * adds `1 / (1 + spread)`, the sloppy weight of Lucene's `SloppyPhraseMatcher`.
 */
export function phraseFrequency(
  terms: readonly PhraseTerm[],
  positions: readonly (readonly number[])[],
  slop: number,
): number {
  if (positions.some((p) => p.length === 0)) return 0;
  const shifted = positions.map((list, i) => list.map((p) => p - (terms[i]?.position ?? 0)));
  if (slop === 0) {
    const sets = shifted.map((list) => new Set(list));
    return (shifted[0] ?? []).filter((start) => sets.every((s) => s.has(start))).length;
  }
  const pointers = shifted.map(() => 0);
  let freq = 0;
  for (;;) {
    let min = Infinity;
    let max = -Infinity;
    let argMin = 0;
    const used = new Map<string, Set<number>>();
    let distinct = true;
    for (let i = 0; i < shifted.length; i++) {
      const value = shifted[i]?.[pointers[i] ?? 0] ?? 0;
      if (value < min) [min, argMin] = [value, i];
      max = Math.max(max, value);
      const term = terms[i]?.term ?? '';
      const actual = value + (terms[i]?.position ?? 0);
      const seen = used.get(term) ?? new Set<number>();
      if (seen.has(actual)) distinct = false;
      seen.add(actual);
      used.set(term, seen);
    }
    if (distinct && max - min <= slop) freq += 1 / (1 + (max - min));
    pointers[argMin] = (pointers[argMin] ?? 0) + 1;
    if ((pointers[argMin] ?? 0) >= (shifted[argMin]?.length ?? 0)) return freq;
  }
}
