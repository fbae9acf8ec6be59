/**
 * The parsed form of a fulltext query: Lucene's query classes as immutable plain data with a `kind`
 * discriminant. Every node carries its `boost` (1 unless `^` said otherwise); terms are already analyzed or
 * normalized, and field-less parts are already expanded over the index's fields.
 */

/** Lucene's `TermQuery`: documents whose `field` holds `term`; scored with BM25. */
export interface TermQuery {
  readonly kind: 'term';
  readonly field: string;
  readonly term: string;
  readonly boost: number;
}

/** One term of a phrase and its position relative to the phrase's first term. */
export interface PhraseTerm {
  readonly term: string;
  readonly position: number;
}

/** Lucene's `PhraseQuery`: the terms at their relative positions, allowing `slop` moves. */
export interface PhraseQuery {
  readonly kind: 'phrase';
  readonly field: string;
  readonly terms: readonly PhraseTerm[];
  readonly slop: number;
  readonly boost: number;
}

/** Lucene's `PrefixQuery` (`foo*`); constant score. */
export interface PrefixQuery {
  readonly kind: 'prefix';
  readonly field: string;
  readonly prefix: string;
  readonly boost: number;
}

/**
 * Lucene's `WildcardQuery` (`te?t`, `t*st`); constant score. `pattern` keeps backslash escapes: `*` and `?`
 * are wildcards unless escaped.
 */
export interface WildcardQuery {
  readonly kind: 'wildcard';
  readonly field: string;
  readonly pattern: string;
  readonly boost: number;
}

/** Lucene's `FuzzyQuery` (`term~`, `term~1`): terms within `maxEdits` Damerau–Levenshtein edits. */
export interface FuzzyQuery {
  readonly kind: 'fuzzy';
  readonly field: string;
  readonly term: string;
  readonly maxEdits: number;
  readonly boost: number;
}

/** Lucene's `TermRangeQuery` (`[a TO b]`, `{a TO *]`); `undefined` bounds are open; constant score. */
export interface TermRangeQuery {
  readonly kind: 'range';
  readonly field: string;
  readonly lower: string | undefined;
  readonly upper: string | undefined;
  readonly includeLower: boolean;
  readonly includeUpper: boolean;
  readonly boost: number;
}

/** Lucene's `RegexpQuery` (`/ab+c/`), matched against whole terms; constant score. */
export interface RegexpQuery {
  readonly kind: 'regexp';
  readonly field: string;
  /** The expression in Lucene's regular-expression syntax. */
  readonly pattern: string;
  readonly boost: number;
}

/** Lucene's `MatchAllDocsQuery` (`*:*`): every document, score = boost. */
export interface MatchAllQuery {
  readonly kind: 'matchAll';
  readonly boost: number;
}

/** Lucene's `BooleanClause.Occur`. */
export type Occur = 'must' | 'should' | 'mustNot';

/** One clause of a boolean query. */
export interface BooleanClause {
  readonly occur: Occur;
  readonly query: FulltextQuery;
}

/**
 * Lucene's `BooleanQuery`: matches when every `must` clause matches, no `mustNot` clause matches, and — when
 * there is no `must` clause — at least one `should` clause matches. A query with no clauses, or with only
 * `mustNot` clauses, matches nothing. Score: the sum of the matching `must` and `should` clauses.
 */
export interface BooleanQuery {
  readonly kind: 'boolean';
  readonly clauses: readonly BooleanClause[];
  readonly boost: number;
}

/** A parsed fulltext query. */
export type FulltextQuery =
  | TermQuery
  | PhraseQuery
  | PrefixQuery
  | WildcardQuery
  | FuzzyQuery
  | TermRangeQuery
  | RegexpQuery
  | MatchAllQuery
  | BooleanQuery;

/** The query that matches nothing: an empty boolean query, as Lucene's parser returns for an empty result. */
export const MATCH_NO_DOCS: BooleanQuery = Object.freeze({
  kind: 'boolean',
  clauses: Object.freeze([]),
  boost: 1,
});

/** Returns `query` with its boost multiplied by `factor`. */
export function withBoost(query: FulltextQuery, factor: number): FulltextQuery {
  return factor === 1 ? query : { ...query, boost: query.boost * factor };
}

/** Prints a query in Lucene's `toString()` style (for tests, logs and EXPLAIN). */
export function printFulltextQuery(query: FulltextQuery): string {
  const boost = query.boost === 1 ? '' : `^${query.boost}`;
  switch (query.kind) {
    case 'term':
      return `${query.field}:${query.term}${boost}`;
    case 'phrase': {
      const words: string[] = [];
      let next = 0;
      for (const t of query.terms) {
        for (; next < t.position; next++) words.push('?');
        words.push(t.term);
        next = t.position + 1;
      }
      return `${query.field}:"${words.join(' ')}"${query.slop === 0 ? '' : `~${query.slop}`}${boost}`;
    }
    case 'prefix':
      return `${query.field}:${query.prefix}*${boost}`;
    case 'wildcard':
      return `${query.field}:${query.pattern}${boost}`;
    case 'fuzzy':
      return `${query.field}:${query.term}~${query.maxEdits}${boost}`;
    case 'range':
      return (
        `${query.field}:${query.includeLower ? '[' : '{'}${query.lower ?? '*'} TO ` +
        `${query.upper ?? '*'}${query.includeUpper ? ']' : '}'}${boost}`
      );
    case 'regexp':
      return `${query.field}:/${query.pattern}/${boost}`;
    case 'matchAll':
      return `*:*${boost}`;
    case 'boolean': {
      const parts = query.clauses.map((c) => {
        const prefix = c.occur === 'must' ? '+' : c.occur === 'mustNot' ? '-' : '';
        const inner = printFulltextQuery(c.query);
        return prefix + (c.query.kind === 'boolean' ? `(${inner})` : inner);
      });
      return boost === '' ? parts.join(' ') : `(${parts.join(' ')})${boost}`;
    }
  }
}
