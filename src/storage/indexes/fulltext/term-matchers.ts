/**
 * Term-level matching for multi-term queries: wildcard patterns, Lucene regular expressions, term ranges and
 * Damerau–Levenshtein edit distance for fuzzy queries.
 */
import { fulltextQueryError } from './query-errors.js';
import { compileRegexp, RegexpSyntaxError } from './regexp-automaton.js';

/** The literal text before a wildcard pattern's first unescaped `*` or `?` (used to narrow term scans). */
export function wildcardPrefix(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' || c === '?') break;
    if (c === '\\') i++;
    out += pattern[i] ?? '';
  }
  return out;
}

/** One element of a wildcard pattern: a literal code point, `?` (one code point) or `*` (any sequence). */
type WildcardToken = number | '?' | '*';

/**
 * A matcher for a Lucene wildcard pattern: `*` any sequence, `?` one code point, `\x` literal `x`. It walks
 * term and pattern together and, on a mismatch, retries from the last `*` one code point further: at most
 * O(term × pattern) steps, where a backtracking regular expression is exponential in the stars.
 */
export function wildcardMatcher(pattern: string): (term: string) => boolean {
  const tokens: WildcardToken[] = [];
  const chars = Array.from(pattern);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    if (c === '*' || c === '?') tokens.push(c);
    else tokens.push((c === '\\' ? (chars[++i] ?? '') : c).codePointAt(0) ?? 0);
  }
  return (term) => {
    const text = Array.from(term, (char) => char.codePointAt(0) ?? 0);
    let at = 0;
    let next = 0;
    let star = -1;
    let resume = 0;
    while (at < text.length) {
      const token = tokens[next];
      if (token === '?' || (token !== undefined && token === text[at])) {
        at++;
        next++;
      } else if (token === '*') {
        star = next++;
        resume = at;
      } else if (star >= 0) {
        next = star + 1;
        at = ++resume;
      } else {
        return false;
      }
    }
    while (tokens[next] === '*') next++;
    return next === tokens.length;
  };
}

/**
 * A matcher for a Lucene regular expression, matched against whole terms by an automaton
 * (regexp-automaton.ts: the syntax, and why not `RegExp`).
 * @throws DatabaseError (ProcedureCallFailed, as a parse error of `query`) for an unsupported or invalid pattern
 */
export function regexpMatcher(query: string, pattern: string): (term: string) => boolean {
  try {
    return compileRegexp(pattern);
  } catch (error) {
    if (!(error instanceof RegexpSyntaxError)) throw error;
    throw fulltextQueryError(
      query,
      error.message.includes('not supported')
        ? error.message
        : `invalid regular expression /${pattern}/: ${error.message}`,
    );
  }
}

/** Whether `term` lies within a term range (code-unit order; undefined bounds are open). */
export function inTermRange(
  term: string,
  lower: string | undefined,
  upper: string | undefined,
  includeLower: boolean,
  includeUpper: boolean,
): boolean {
  if (lower !== undefined && (includeLower ? term < lower : term <= lower)) return false;
  if (upper !== undefined && (includeUpper ? term > upper : term >= upper)) return false;
  return true;
}

/**
 * Damerau–Levenshtein distance (optimal string alignment: insertions, deletions, substitutions and
 * transpositions of adjacent code points, each costing one), as Lucene's fuzzy automata count edits. Returns
 * `limit + 1` as soon as the distance is known to exceed `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  const s = Array.from(a);
  const t = Array.from(b);
  if (Math.abs(s.length - t.length) > limit) return limit + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        d = Math.min(d, (previous2[j - 2] ?? 0) + 1);
      }
      current.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
    previous2 = previous;
    previous = current;
  }
  return Math.min(previous[t.length] ?? 0, limit + 1);
}
