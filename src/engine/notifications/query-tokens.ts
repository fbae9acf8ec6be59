/**
 * A small tokenizer for finding names in query text. The AST keeps positions for clauses, patterns and
 * expressions but not for label, relationship type or property key names, which notifications point at;
 * this scanner finds them starting from a node's `pos`. It never fails: text the parser accepted is all it
 * sees, and anything it does not recognise becomes a one-character symbol.
 */

/** One lexeme of the query text. */
export interface QueryToken {
  readonly kind: 'name' | 'string' | 'number' | 'parameter' | 'symbol';
  /** Names unescaped (`` `a``b` `` -> ``a`b``), symbols as written; empty for strings and numbers. */
  readonly value: string;
  /** 0-based offset of the first character. */
  readonly start: number;
}

const NAME_START = /[\p{ID_Start}_]/u;
const NAME_PART = /[\p{ID_Continue}]/u;
const WHITESPACE = /\s/u;

/** Splits `text` into tokens, skipping whitespace and comments. */
export function scanQueryTokens(text: string): QueryToken[] {
  const tokens: QueryToken[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index] ?? '';
    const next = text[index + 1] ?? '';
    const code = text.charCodeAt(index);
    if (code === 32 || code === 10 || code === 13 || code === 9 || (code > 0x7f && WHITESPACE.test(char))) {
      index++;
    } else if (char === '/' && next === '/') {
      const end = text.indexOf('\n', index);
      index = end === -1 ? text.length : end + 1;
    } else if (char === '/' && next === '*') {
      const end = text.indexOf('*/', index + 2);
      index = end === -1 ? text.length : end + 2;
    } else if (char === "'" || char === '"') {
      tokens.push({ kind: 'string', value: '', start: index });
      index = skipString(text, index, char);
    } else if (char === '`') {
      const [value, end] = escapedName(text, index);
      tokens.push({ kind: 'name', value, start: index });
      index = end;
    } else if (char === '$') {
      tokens.push({ kind: 'parameter', value: '', start: index });
      index = text[index + 1] === '`' ? escapedName(text, index + 1)[1] : nameEnd(text, index + 1);
    } else if (isDigit(char) || (char === '.' && isDigit(next) && text[index - 1] !== '.')) {
      tokens.push({ kind: 'number', value: '', start: index });
      index = numberEnd(text, index);
    } else if (isAsciiLetter(code) || code === 95) {
      const end = nameEnd(text, index + 1);
      tokens.push({ kind: 'name', value: text.slice(index, end), start: index });
      index = end;
    } else {
      const codePoint = String.fromCodePoint(text.codePointAt(index) ?? 0);
      if (code > 0x7f && NAME_START.test(codePoint)) {
        const end = nameEnd(text, index + codePoint.length);
        tokens.push({ kind: 'name', value: text.slice(index, end), start: index });
        index = end;
      } else {
        tokens.push({ kind: 'symbol', value: codePoint, start: index });
        index += codePoint.length;
      }
    }
  }
  return tokens;
}

/** The index of the token starting exactly at `offset`, or -1. */
export function tokenAt(tokens: readonly QueryToken[], offset: number): number {
  let low = 0;
  let high = tokens.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const start = tokens[middle]?.start ?? 0;
    if (start === offset) return middle;
    if (start < offset) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** True when token `index` is the symbol `symbol`. */
export function isSymbolAt(tokens: readonly QueryToken[], index: number, symbol: string): boolean {
  const token = tokens[index];
  return token?.kind === 'symbol' && token.value === symbol;
}

function isDigit(char: string): boolean {
  return char >= '0' && char <= '9';
}

function skipString(text: string, start: number, quote: string): number {
  let index = start + 1;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\') index += 2;
    else if (char === quote) return index + 1;
    else index++;
  }
  return text.length;
}

/** A backticked name: its unescaped value (a doubled backtick is one backtick) and where it ends. */
function escapedName(text: string, start: number): [string, number] {
  let value = '';
  let index = start + 1;
  while (index < text.length) {
    const char = text[index] ?? '';
    if (char === '`') {
      if (text[index + 1] !== '`') return [value, index + 1];
      value += '`';
      index += 2;
    } else {
      value += char;
      index++;
    }
  }
  return [value, text.length];
}

function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

function nameEnd(text: string, start: number): number {
  let index = start;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code < 0x80) {
      // ASCII fast path: letters, digits and underscore.
      if (!(isAsciiLetter(code) || (code >= 48 && code <= 57) || code === 95)) return index;
      index++;
      continue;
    }
    const codePoint = String.fromCodePoint(text.codePointAt(index) ?? 0);
    if (!NAME_PART.test(codePoint)) return index;
    index += codePoint.length;
  }
  return index;
}

/** Digits, letters (hex, exponents, invalid suffixes), a fraction when a digit follows the dot (`1..3` stays a range). */
function numberEnd(text: string, start: number): number {
  let index = start;
  while (index < text.length) {
    const char = text[index] ?? '';
    const next = text[index + 1] ?? '';
    if (/[0-9A-Za-z_]/.test(char)) {
      const exponentSign = (char === 'e' || char === 'E') && (next === '+' || next === '-');
      index += exponentSign && isDigit(text[index + 2] ?? '') ? 2 : 1;
    } else if (char === '.' && isDigit(next)) {
      index++;
    } else {
      return index;
    }
  }
  return index;
}
