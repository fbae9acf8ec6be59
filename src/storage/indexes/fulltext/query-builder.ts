/**
 * Builds query nodes for one field or for all of an index's fields, as Lucene's `QueryParserBase` and
 * `MultiFieldQueryParser` do: analysis of plain and quoted text, normalization of multi-term queries, and
 * expansion of a field-less part into a `SHOULD` disjunction over the fields.
 */
import type { FulltextAnalyzer } from './analyzers.js';
import type { FulltextQuery, PhraseTerm } from './query-ast.js';

/** Options of the query parser. */
export interface FulltextQueryOptions {
  /**
   * Whether unquoted text that analyzes to several terms (`foo-bar`) becomes a phrase. Lucene's and Neo4j's
   * default is `false`: such text becomes a disjunction of its terms.
   */
  readonly autoGeneratePhraseQueries?: boolean;
}

/**
 * `SHOULD` disjunction of `queries`; undefined when there are none (Lucene's `getMultiFieldQuery`). Unlike
 * Lucene, a single query is returned as it is rather than wrapped (same matches, same scores).
 */
export function disjunction(queries: readonly FulltextQuery[]): FulltextQuery | undefined {
  if (queries.length <= 1) return queries[0];
  return { kind: 'boolean', clauses: queries.map((query) => ({ occur: 'should', query })), boost: 1 };
}

/** Applies `build` to `field`, or to every index field when `field` is undefined, combining with OR. */
export function perField(
  field: string | undefined,
  fields: readonly string[],
  build: (field: string) => FulltextQuery | undefined,
): FulltextQuery | undefined {
  if (field !== undefined) return build(field);
  const parts: FulltextQuery[] = [];
  for (const f of fields) {
    const q = build(f);
    if (q !== undefined) parts.push(q);
  }
  return disjunction(parts);
}

/** Lucene's `QueryBuilder.createFieldQuery` for one field (default operator OR). */
function fieldQuery(
  field: string,
  text: string,
  quoted: boolean,
  slop: number,
  analyzer: FulltextAnalyzer,
  options: FulltextQueryOptions,
): FulltextQuery | undefined {
  const tokens = analyzer.analyze(text);
  const first = tokens[0];
  if (first === undefined) return undefined;
  if (tokens.length === 1) return { kind: 'term', field, term: first.term, boost: 1 };
  if (quoted || options.autoGeneratePhraseQueries === true) {
    const terms: PhraseTerm[] = tokens.map((t) => ({ term: t.term, position: t.position - first.position }));
    return { kind: 'phrase', field, terms, slop, boost: 1 };
  }
  return disjunction(tokens.map((t) => ({ kind: 'term', field, term: t.term, boost: 1 })));
}

/**
 * Plain or quoted text in `field`, or in all fields. Unquoted multi-term text over several fields is grouped
 * per term, as `MultiFieldQueryParser` does: `foo-bar` → `(title:foo body:foo) (title:bar body:bar)`.
 */
export function textQuery(
  field: string | undefined,
  fields: readonly string[],
  text: string,
  quoted: boolean,
  slop: number,
  analyzer: FulltextAnalyzer,
  options: FulltextQueryOptions,
): FulltextQuery | undefined {
  if (field !== undefined) return fieldQuery(field, text, quoted, slop, analyzer, options);
  if (quoted) return perField(undefined, fields, (f) => fieldQuery(f, text, true, slop, analyzer, options));
  const perFieldQueries = fields.map((f) => fieldQuery(f, text, false, slop, analyzer, options));
  let maxTerms = 0;
  for (const q of perFieldQueries) {
    if (q !== undefined) maxTerms = Math.max(maxTerms, q.kind === 'boolean' ? q.clauses.length : 1);
  }
  const clauses: FulltextQuery[] = [];
  for (let termNum = 0; termNum < maxTerms; termNum++) {
    const termClauses: FulltextQuery[] = [];
    for (const q of perFieldQueries) {
      if (q === undefined) continue;
      const part = q.kind === 'boolean' ? q.clauses[termNum]?.query : termNum === 0 ? q : undefined;
      if (part !== undefined) termClauses.push(part);
    }
    if (maxTerms > 1) {
      const group = disjunction(termClauses);
      if (group !== undefined) clauses.push(group);
    } else clauses.push(...termClauses);
  }
  return disjunction(clauses);
}

/** Lucene's `analyzeWildcard`: normalizes the literal parts of a wildcard pattern, keeping `*`, `?` and escapes. */
export function normalizeWildcard(pattern: string, analyzer: FulltextAnalyzer): string {
  let out = '';
  let literal = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    if (c === '\\' || c === '*' || c === '?') {
      out += analyzer.normalize(literal);
      literal = '';
      out += c === '\\' ? pattern.slice(i, i + 2) : c;
      if (c === '\\') i++;
    } else literal += c;
  }
  return out + analyzer.normalize(literal);
}
