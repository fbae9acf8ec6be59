import { syntaxError } from './syntax-error.js';

/**
 * Token kinds. Keywords are not a kind of their own: Cypher keywords are mostly non-reserved, so they are
 * `identifier` tokens the parser compares by `upper` in the places where the grammar expects them.
 */
export type TokenType =
  | 'identifier'
  | 'escapedIdentifier'
  | 'integer'
  | 'float'
  | 'invalidNumber'
  | 'string'
  | 'parameter'
  | 'symbol'
  | 'eof';

/** One lexeme; `start`/`end` are 0-based offsets into the query text (end exclusive). */
export interface Token {
  readonly type: TokenType;
  /**
   * identifier/escapedIdentifier: the name (unescaped); string: the unescaped value; parameter: the name;
   * numbers: the source spelling; symbol: the symbol itself.
   */
  readonly value: string;
  /** Upper-cased value of a plain identifier (for keyword checks); empty for every other kind. */
  readonly upper: string;
  readonly start: number;
  readonly end: number;
}

/** Symbols of two characters, tried before the single-character ones. */
const TWO_CHAR_SYMBOLS = new Set(['<>', '<=', '>=', '=~', '+=', '..', '||', '::', '!=']);
const ONE_CHAR_SYMBOLS = new Set('()[]{},.:;+-*/%^=<>|&!');

const IDENTIFIER_START = /[\p{ID_Start}_]/u;
const IDENTIFIER_PART = /[\p{ID_Continue}]/u;
const WHITESPACE = /\s/u;
const HEX = /^[0-9a-fA-F]+$/;
const OCTAL = /^[0-7]+$/;

/**
 * Splits query text into tokens, skipping whitespace and `//` / `/* *\/` comments.
 * @throws CypherSyntaxError (UnexpectedSyntax, InvalidUnicodeCharacter, InvalidUnicodeLiteral) for text that
 * cannot start a token.
 */
export function tokenize(text: string): Token[] {
  return new Lexer(text).run();
}

class Lexer {
  private readonly text: string;
  private index = 0;
  private readonly tokens: Token[] = [];

  constructor(text: string) {
    this.text = text;
  }

  run(): Token[] {
    for (;;) {
      this.skipTrivia();
      if (this.index >= this.text.length) break;
      this.tokens.push(this.next());
    }
    this.tokens.push({ type: 'eof', value: '', upper: '', start: this.text.length, end: this.text.length });
    return this.tokens;
  }

  private skipTrivia(): void {
    const text = this.text;
    while (this.index < text.length) {
      const char = text[this.index] ?? '';
      if (
        char === ' ' ||
        char === '\n' ||
        char === '\t' ||
        char === '\r' ||
        (char > '\x7f' && WHITESPACE.test(char))
      ) {
        this.index++;
      } else if (text.startsWith('//', this.index)) {
        const end = text.indexOf('\n', this.index);
        this.index = end === -1 ? text.length : end + 1;
      } else if (text.startsWith('/*', this.index)) {
        const end = text.indexOf('*/', this.index + 2);
        if (end === -1) throw this.error(this.index, 'Failed to parse comment: missing "*/"');
        this.index = end + 2;
      } else {
        return;
      }
    }
  }

  private next(): Token {
    const text = this.text;
    const start = this.index;
    const char = text[start] ?? '';
    const nextChar = text[start + 1] ?? '';
    if (char >= '0' && char <= '9') return this.number(start);
    if (char === '.' && nextChar >= '0' && nextChar <= '9') return this.number(start);
    if (char === "'" || char === '"') return this.string(start, char);
    if (char === '`') {
      const name = this.escapedName(start);
      return { type: 'escapedIdentifier', value: name, upper: '', start, end: this.index };
    }
    if (char === '$') return this.parameter(start);
    const codePoint = String.fromCodePoint(text.codePointAt(start) ?? 0);
    if (IDENTIFIER_START.test(codePoint)) {
      this.index += codePoint.length;
      this.consumeIdentifierPart();
      const value = text.slice(start, this.index);
      return { type: 'identifier', value, upper: value.toUpperCase(), start, end: this.index };
    }
    const two = text.slice(start, start + 2);
    if (TWO_CHAR_SYMBOLS.has(two)) {
      this.index += 2;
      return { type: 'symbol', value: two, upper: '', start, end: this.index };
    }
    if (ONE_CHAR_SYMBOLS.has(char)) {
      this.index++;
      return { type: 'symbol', value: char, upper: '', start, end: this.index };
    }
    if ((codePoint.codePointAt(0) ?? 0) > 0x7f) {
      throw syntaxError(text, start, `Invalid input '${codePoint}'`, 'InvalidUnicodeCharacter');
    }
    throw this.error(start, `Invalid input '${codePoint}'`);
  }

  private consumeIdentifierPart(): void {
    const text = this.text;
    while (this.index < text.length) {
      const code = text.charCodeAt(this.index);
      if (code < 0x80) {
        // ASCII fast path: letters, digits and underscore.
        const isPart =
          (code >= 97 && code <= 122) ||
          (code >= 65 && code <= 90) ||
          (code >= 48 && code <= 57) ||
          code === 95;
        if (!isPart) return;
        this.index++;
        continue;
      }
      const codePoint = String.fromCodePoint(text.codePointAt(this.index) ?? 0);
      if (!IDENTIFIER_PART.test(codePoint)) return;
      this.index += codePoint.length;
    }
  }

  /**
   * Numbers: `0x…` hexadecimal, `0o…` octal, decimal integers, and floats (`1.5`, `.5`, `1e10`, `1.5E-3`).
   * A `.` only starts a fraction when a digit follows, so `1..3` stays a range. Letters glued to a number
   * make an `invalidNumber` token: the parser reports InvalidNumberLiteral only where a number was wanted.
   */
  private number(start: number): Token {
    const text = this.text;
    const prefix = text.slice(start, start + 2).toLowerCase();
    if (prefix === '0x' || prefix === '0o') {
      this.index = start + 2;
      this.consumeIdentifierPart();
      const digits = text.slice(start + 2, this.index);
      const valid = prefix === '0x' ? HEX.test(digits) : OCTAL.test(digits);
      return this.numberToken(valid ? 'integer' : 'invalidNumber', start);
    }
    let type: TokenType = 'integer';
    this.digits();
    if (text[this.index] === '.' && isDigit(text[this.index + 1])) {
      type = 'float';
      this.index++;
      this.digits();
    }
    const exponent = text[this.index];
    if (exponent === 'e' || exponent === 'E') {
      const sign = text[this.index + 1];
      const signLength = sign === '+' || sign === '-' ? 1 : 0;
      if (isDigit(text[this.index + 1 + signLength])) {
        type = 'float';
        this.index += 1 + signLength;
        this.digits();
      }
    }
    const before = this.index;
    this.consumeIdentifierPart();
    return this.numberToken(this.index === before ? type : 'invalidNumber', start);
  }

  private digits(): void {
    while (isDigit(this.text[this.index])) this.index++;
  }

  private numberToken(type: TokenType, start: number): Token {
    return { type, value: this.text.slice(start, this.index), upper: '', start, end: this.index };
  }

  /** `'…'` or `"…"` with the escapes \\ \' \" \b \f \n \r \t \uXXXX \UXXXXXXXX. */
  private string(start: number, quote: string): Token {
    const text = this.text;
    let value = '';
    let index = start + 1;
    for (;;) {
      if (index >= text.length)
        throw this.error(start, 'Failed to parse string literal: missing closing quote');
      const char = text[index] ?? '';
      if (char === quote) break;
      if (char !== '\\') {
        value += char;
        index++;
        continue;
      }
      const escape = text[index + 1] ?? '';
      const simple = SIMPLE_ESCAPES[escape];
      if (simple !== undefined) {
        value += simple;
        index += 2;
      } else if (escape === 'u' || escape === 'U') {
        const length = escape === 'u' ? 4 : 8;
        const hex = text.slice(index + 2, index + 2 + length);
        const codePoint = hex.length === length && HEX.test(hex) ? Number.parseInt(hex, 16) : Number.NaN;
        if (!(codePoint <= 0x10ffff)) {
          throw syntaxError(
            text,
            index,
            `Invalid input '\\${escape}${hex}': invalid unicode literal`,
            'InvalidUnicodeLiteral',
          );
        }
        value += String.fromCodePoint(codePoint);
        index += 2 + length;
      } else {
        throw this.error(index, `Invalid input '\\${escape}': invalid escape sequence in string literal`);
      }
    }
    this.index = index + 1;
    return { type: 'string', value, upper: '', start, end: this.index };
  }

  /** `` `name` `` with doubled backticks standing for one. */
  private escapedName(start: number): string {
    const text = this.text;
    let name = '';
    let index = start + 1;
    for (;;) {
      const close = text.indexOf('`', index);
      if (close === -1) throw this.error(start, 'Failed to parse escaped name: missing closing backtick');
      name += text.slice(index, close);
      if (text[close + 1] !== '`') {
        this.index = close + 1;
        return name;
      }
      name += '`';
      index = close + 2;
    }
  }

  /** `$name`, `` $`name` `` or `$0`. */
  private parameter(start: number): Token {
    const text = this.text;
    this.index = start + 1;
    const char = text[this.index] ?? '';
    let name: string;
    if (char === '`') {
      name = this.escapedName(this.index);
    } else if (isDigit(char)) {
      this.digits();
      name = text.slice(start + 1, this.index);
    } else if (IDENTIFIER_START.test(String.fromCodePoint(text.codePointAt(this.index) ?? 0))) {
      this.consumeIdentifierPart();
      name = text.slice(start + 1, this.index);
    } else {
      throw this.error(start, "Invalid input '$': expected a parameter name");
    }
    return { type: 'parameter', value: name, upper: '', start, end: this.index };
  }

  private error(offset: number, message: string): Error {
    return syntaxError(this.text, offset, message, 'UnexpectedSyntax');
  }
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}
