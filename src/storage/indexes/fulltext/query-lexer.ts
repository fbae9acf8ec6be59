/**
 * The lexer of Lucene's classic query syntax, with its three lexical states: default, `Boost` (right after
 * `^`: one number) and `Range` (between `[`/`{` and `]`/`}`). Token kinds are named after Lucene's grammar.
 */
import { fulltextQueryError, lineAndColumn } from './query-errors.js';

/** Token kinds of Lucene's `QueryParser.jj`. */
export type QueryTokenKind =
  | 'AND'
  | 'OR'
  | 'NOT'
  | 'PLUS'
  | 'MINUS'
  | 'BAREOPER'
  | 'LPAREN'
  | 'RPAREN'
  | 'COLON'
  | 'STAR'
  | 'CARAT'
  | 'QUOTED'
  | 'TERM'
  | 'FUZZY_SLOP'
  | 'PREFIXTERM'
  | 'WILDTERM'
  | 'REGEXPTERM'
  | 'RANGEIN_START'
  | 'RANGEEX_START'
  | 'NUMBER'
  | 'RANGE_TO'
  | 'RANGEIN_END'
  | 'RANGEEX_END'
  | 'RANGE_QUOTED'
  | 'RANGE_GOOP'
  | 'EOF';

/** One token: its kind, its text exactly as written and where it starts. */
export interface QueryToken {
  readonly kind: QueryTokenKind;
  readonly image: string;
  readonly offset: number;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r', '\u3000']);
/** Characters that cannot start a term (besides whitespace) unless escaped. */
const NOT_TERM_START = new Set([
  '+',
  '-',
  '!',
  '(',
  ')',
  ':',
  '^',
  '[',
  ']',
  '"',
  '{',
  '}',
  '~',
  '*',
  '?',
  '\\',
  '/',
]);

function isTermChar(ch: string): boolean {
  return !WHITESPACE.has(ch) && (!NOT_TERM_START.has(ch) || ch === '-' || ch === '+');
}

/** Splits a query into tokens; throws Lucene-style lexical errors. The last token is `EOF`. */
export function tokenizeQuery(text: string): QueryToken[] {
  const tokens: QueryToken[] = [];
  let state: 'default' | 'boost' | 'range' = 'default';
  let i = 0;
  const lexicalError = (at: number, after: string): never => {
    const { line, column } = lineAndColumn(text, at);
    const found = at >= text.length ? '<EOF>' : JSON.stringify(text[at]);
    throw fulltextQueryError(
      text,
      `Lexical error at line ${line}, column ${column}.  Encountered: ${found} after : ${JSON.stringify(after)}`,
    );
  };
  const push = (kind: QueryTokenKind, end: number): void => {
    tokens.push({ kind, image: text.slice(i, end), offset: i });
    i = end;
  };
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (state === 'boost') {
      const m = /^\d+(\.\d+)?/.exec(text.slice(i));
      if (m === null) lexicalError(i, '');
      else push('NUMBER', i + m[0].length);
      state = 'default';
      continue;
    }
    if (WHITESPACE.has(ch)) {
      i++;
      continue;
    }
    if (state === 'range') {
      if (ch === ']' || ch === '}') {
        push(ch === ']' ? 'RANGEIN_END' : 'RANGEEX_END', i + 1);
        state = 'default';
      } else if (ch === '"') {
        let j = i + 1;
        while (j < text.length && text[j] !== '"') j += text[j] === '\\' && text[j + 1] === '"' ? 2 : 1;
        if (j >= text.length || j === i + 1) lexicalError(j, text.slice(i, j));
        push('RANGE_QUOTED', j + 1);
      } else {
        let j = i;
        while (j < text.length && !WHITESPACE.has(text[j] ?? '') && text[j] !== ']' && text[j] !== '}') j++;
        push(text.slice(i, j) === 'TO' ? 'RANGE_TO' : 'RANGE_GOOP', j);
      }
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '&&') push('AND', i + 2);
    else if (two === '||') push('OR', i + 2);
    else if ((ch === '+' || ch === '-' || ch === '!') && WHITESPACE.has(text[i + 1] ?? ''))
      push('BAREOPER', i + 2);
    else if (ch === '+') push('PLUS', i + 1);
    else if (ch === '-') push('MINUS', i + 1);
    else if (ch === '!') push('NOT', i + 1);
    else if (ch === '(') push('LPAREN', i + 1);
    else if (ch === ')') push('RPAREN', i + 1);
    else if (ch === ':') push('COLON', i + 1);
    else if (ch === '^') {
      push('CARAT', i + 1);
      state = 'boost';
    } else if (ch === '[' || ch === '{') {
      push(ch === '[' ? 'RANGEIN_START' : 'RANGEEX_START', i + 1);
      state = 'range';
    } else if (ch === '~') {
      const m = /^~(\d+(\.\d+)?)?/.exec(text.slice(i));
      push('FUZZY_SLOP', i + (m?.[0].length ?? 1));
    } else if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '\\') {
          if (j + 1 >= text.length) lexicalError(j + 1, text.slice(i, j + 1));
          j += 2;
        } else j++;
      }
      if (j >= text.length) lexicalError(j, text.slice(i));
      push('QUOTED', j + 1);
    } else if (ch === '/') {
      let j = i + 1;
      while (j < text.length && text[j] !== '/') j += text[j] === '\\' && text[j + 1] === '/' ? 2 : 1;
      if (j >= text.length) lexicalError(j, text.slice(i));
      push('REGEXPTERM', j + 1);
    } else if (ch === ']' || ch === '}') {
      lexicalError(i, '');
    } else {
      push(classifyWord(text, i, lexicalError), wordEnd(text, i, lexicalError));
    }
  }
  tokens.push({ kind: 'EOF', image: '', offset: text.length });
  return tokens;
}

type LexicalErrorReporter = (at: number, after: string) => never;

/** End of the run of term characters, wildcards and escapes starting at `start`. */
function wordEnd(text: string, start: number, error: LexicalErrorReporter): number {
  let j = start;
  while (j < text.length) {
    const c = text[j] ?? '';
    if (c === '\\') {
      if (j + 1 >= text.length) error(j + 1, text.slice(start, j + 1));
      j += 2;
    } else if (c === '*' || c === '?' || isTermChar(c)) j++;
    else break;
  }
  return j;
}

/** Which of TERM, PREFIXTERM, WILDTERM, STAR, AND, OR, NOT the longest match at `start` is (JavaCC rules). */
function classifyWord(text: string, start: number, error: LexicalErrorReporter): QueryTokenKind {
  const end = wordEnd(text, start, error);
  const word = text.slice(start, end);
  if (word === 'AND') return 'AND';
  if (word === 'OR') return 'OR';
  if (word === 'NOT') return 'NOT';
  if (word === '*') return 'STAR';
  let wildcards = 0;
  let lastIsStar = false;
  for (let j = 0; j < word.length; j++) {
    const c = word[j];
    if (c === '\\') {
      j++;
      lastIsStar = false;
    } else if (c === '*' || c === '?') {
      wildcards++;
      lastIsStar = c === '*' && j === word.length - 1;
    } else lastIsStar = false;
  }
  if (wildcards === 0) return 'TERM';
  if (wildcards === 1 && lastIsStar) return 'PREFIXTERM';
  return 'WILDTERM';
}
