/**
 * Term-level matching for multi-term queries: wildcard patterns, Lucene regular expressions, term ranges and
 * Damerau–Levenshtein edit distance for fuzzy queries.
 */
import { fulltextQueryError } from './query-errors.js';

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

/** `text` as a JavaScript regular expression (`u` flag) matching it literally, inside or outside a class. */
function literal(text: string): string {
  let out = '';
  for (const ch of text) {
    out += /^[\p{L}\p{N}]$/u.test(ch) ? ch : `\\u{${(ch.codePointAt(0) ?? 0).toString(16)}}`;
  }
  return out;
}

/** A matcher for a Lucene wildcard pattern: `*` any sequence, `?` one code point, `\x` literal `x`. */
export function wildcardMatcher(pattern: string): (term: string) => boolean {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    if (c === '*') source += '[\\s\\S]*';
    else if (c === '?') source += '[\\s\\S]';
    else {
      source += literal(c === '\\' ? (pattern[++i] ?? '') : c);
    }
  }
  const re = new RegExp(`^(?:${source})$`, 'u');
  return (term) => re.test(term);
}

/**
 * A matcher for a Lucene regular expression, matched against whole terms. Supported: literals, `.`,
 * character classes `[...]`, grouping, `|`, `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, `\` escapes, `"…"`
 * literal strings, `@` (any string) and `#` (the empty language). Lucene's complement `~`, intersection `&`
 * and numeric intervals `<n-m>` are not supported and are rejected.
 */
export function regexpMatcher(query: string, pattern: string): (term: string) => boolean {
  let source = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    if (inClass) {
      if (c === ']') inClass = false;
      if (c === '\\') source += literal(pattern[++i] ?? '');
      else source += c === '^' && pattern[i - 1] === '[' ? c : c === ']' || c === '-' ? c : literal(c);
      continue;
    }
    if (c === '[') {
      inClass = true;
      source += c;
    } else if (c === '\\') {
      source += literal(pattern[++i] ?? '');
    } else if (c === '"') {
      const end = pattern.indexOf('"', i + 1);
      if (end < 0)
        throw fulltextQueryError(query, `unterminated string in regular expression at position ${i}`);
      source += literal(pattern.slice(i + 1, end));
      i = end;
    } else if (c === '@') source += '[\\s\\S]*';
    else if (c === '#') source += '(?!)';
    else if (c === '.') source += '[\\s\\S]';
    else if (c === '~' || c === '&' || c === '<') {
      throw fulltextQueryError(query, `regular expression operator '${c}' at position ${i} is not supported`);
    } else if (c === '/' || c === '$' || c === '^') source += literal(c);
    else source += c;
  }
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${source})$`, 'u');
  } catch {
    throw fulltextQueryError(query, `invalid regular expression /${pattern}/`);
  }
  return (term) => re.test(term);
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
