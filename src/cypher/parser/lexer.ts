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

/**
 * The symbol a character code starts, for the characters that are symbols on their own; two-character
 * symbols are recognised from their first character in `symbol()`. Token values are these constant strings,
 * so a symbol token allocates no string.
 */
const ONE_CHAR_SYMBOLS: readonly (string | undefined)[] = (() => {
  const table: (string | undefined)[] = [];
  for (const symbol of '()[]{},.:;+-*/%^=<>|&!') table[symbol.charCodeAt(0)] = symbol;
  return table;
})();

const IDENTIFIER_START = /[\p{ID_Start}_]/u;
const IDENTIFIER_PART = /[\p{ID_Continue}]/u;
const WHITESPACE = /\s/u;

const SPACE = 32;
const TAB = 9;
const NEWLINE = 10;
const RETURN = 13;
const SLASH = 47;
const STAR = 42;
const BACKSLASH = 92;
const DOT = 46;
const DIGIT_0 = 48;
const DIGIT_7 = 55;
const DIGIT_9 = 57;
const UNDERSCORE = 95;

function isDigitCode(code: number): boolean {
  return code >= DIGIT_0 && code <= DIGIT_9;
}

/** ASCII letters, digits and `_`: the identifier characters the lexer checks without a regular expression. */
function isAsciiIdentifierPart(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || isDigitCode(code) || code === UNDERSCORE
  );
}

function isHexDigitCode(code: number): boolean {
  return isDigitCode(code) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70);
}

/**
 * Splits query text into tokens, skipping whitespace and `//` / `/* *\/` comments.
 * @throws CypherSyntaxError (UnexpectedSyntax, InvalidUnicodeCharacter, InvalidUnicodeLiteral) for text that
 * cannot start a token.
 */
export function tokenize(text: string): Token[] {
  return new Lexer(text).run();
}

/**
 * The lexer reads character codes, not one-character strings, and slices each token's value out of the
 * text once: statements of a dump replay are hundreds of kilobytes of literals, and a string per character
 * showed up as a fifth of their compile time.
 */
class Lexer {
  private readonly text: string;
  private index = 0;
  private readonly tokens: Token[] = [];
  /** Upper-cased identifiers by spelling: the same few names repeat over and over in a batch statement. */
  private readonly uppers = new Map<string, string>();

  constructor(text: string) {
    this.text = text;
  }

  run(): Token[] {
    const length = this.text.length;
    for (;;) {
      this.skipTrivia();
      if (this.index >= length) break;
      this.tokens.push(this.next());
    }
    this.tokens.push({ type: 'eof', value: '', upper: '', start: length, end: length });
    return this.tokens;
  }

  private skipTrivia(): void {
    const text = this.text;
    const length = text.length;
    let index = this.index;
    while (index < length) {
      const code = text.charCodeAt(index);
      if (code === SPACE || code === NEWLINE || code === TAB || code === RETURN) {
        index++;
      } else if (code === SLASH && text.charCodeAt(index + 1) === SLASH) {
        const end = text.indexOf('\n', index);
        index = end === -1 ? length : end + 1;
      } else if (code === SLASH && text.charCodeAt(index + 1) === STAR) {
        const end = text.indexOf('*/', index + 2);
        if (end === -1) throw this.error(index, 'Failed to parse comment: missing "*/"');
        index = end + 2;
      } else if (code > 0x7f && WHITESPACE.test(text.charAt(index))) {
        index++;
      } else {
        break;
      }
    }
    this.index = index;
  }

  private next(): Token {
    const text = this.text;
    const start = this.index;
    const code = text.charCodeAt(start);
    if (isDigitCode(code)) return this.number(start);
    if (code === DOT && isDigitCode(text.charCodeAt(start + 1))) return this.number(start);
    if (code < 0x80) {
      if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === UNDERSCORE) {
        this.index = start + 1;
        return this.identifier(start);
      }
      switch (code) {
        case 39: // '
        case 34: // "
          return this.string(start, code);
        case 96: {
          // `
          const name = this.escapedName(start);
          return { type: 'escapedIdentifier', value: name, upper: '', start, end: this.index };
        }
        case 36: // $
          return this.parameter(start);
        default: {
          const symbol = this.symbol(code, text.charCodeAt(start + 1));
          if (symbol !== undefined) {
            this.index = start + symbol.length;
            return { type: 'symbol', value: symbol, upper: '', start, end: this.index };
          }
          throw this.error(start, `Invalid input '${text.charAt(start)}'`);
        }
      }
    }
    const codePoint = String.fromCodePoint(text.codePointAt(start) ?? 0);
    if (IDENTIFIER_START.test(codePoint)) {
      this.index = start + codePoint.length;
      return this.identifier(start);
    }
    throw syntaxError(text, start, `Invalid input '${codePoint}'`, 'InvalidUnicodeCharacter');
  }

  /** The symbol starting with `code` (two characters when `following` completes one), if any. */
  private symbol(code: number, following: number): string | undefined {
    switch (code) {
      case 60: // <
        if (following === 62) return '<>';
        if (following === 61) return '<=';
        break;
      case 62: // >
        if (following === 61) return '>=';
        break;
      case 61: // =
        if (following === 126) return '=~';
        break;
      case 43: // +
        if (following === 61) return '+=';
        break;
      case DOT:
        if (following === DOT) return '..';
        break;
      case 124: // |
        if (following === 124) return '||';
        break;
      case 58: // :
        if (following === 58) return '::';
        break;
      case 33: // !
        if (following === 61) return '!=';
        break;
      default:
        break;
    }
    return ONE_CHAR_SYMBOLS[code];
  }

  /** The rest of an identifier whose first character ends before `this.index`. */
  private identifier(start: number): Token {
    this.consumeIdentifierPart();
    const value = this.text.slice(start, this.index);
    let upper = this.uppers.get(value);
    if (upper === undefined) {
      upper = value.toUpperCase();
      this.uppers.set(value, upper);
    }
    return { type: 'identifier', value, upper, start, end: this.index };
  }

  private consumeIdentifierPart(): void {
    const text = this.text;
    const length = text.length;
    let index = this.index;
    while (index < length) {
      const code = text.charCodeAt(index);
      if (code < 0x80) {
        if (!isAsciiIdentifierPart(code)) break;
        index++;
        continue;
      }
      const codePoint = String.fromCodePoint(text.codePointAt(index) ?? 0);
      if (!IDENTIFIER_PART.test(codePoint)) break;
      index += codePoint.length;
    }
    this.index = index;
  }

  /**
   * Numbers: `0x…` hexadecimal, `0o…` octal, decimal integers, and floats (`1.5`, `.5`, `1e10`, `1.5E-3`).
   * A `.` only starts a fraction when a digit follows, so `1..3` stays a range. Letters glued to a number
   * make an `invalidNumber` token: the parser reports InvalidNumberLiteral only where a number was wanted.
   */
  private number(start: number): Token {
    const text = this.text;
    if (text.charCodeAt(start) === DIGIT_0) {
      const marker = text.charCodeAt(start + 1) | 0x20; // lower case
      if (marker === 120 || marker === 111) {
        // 0x or 0o
        this.index = start + 2;
        this.consumeIdentifierPart();
        const hex = marker === 120;
        let valid = this.index > start + 2;
        for (let index = start + 2; valid && index < this.index; index++) {
          const code = text.charCodeAt(index);
          valid = hex ? isHexDigitCode(code) : code >= DIGIT_0 && code <= DIGIT_7;
        }
        return this.numberToken(valid ? 'integer' : 'invalidNumber', start);
      }
    }
    let type: TokenType = 'integer';
    this.index = start;
    this.digits();
    if (text.charCodeAt(this.index) === DOT && isDigitCode(text.charCodeAt(this.index + 1))) {
      type = 'float';
      this.index++;
      this.digits();
    }
    const exponent = text.charCodeAt(this.index) | 0x20;
    if (exponent === 101) {
      // e or E
      const sign = text.charCodeAt(this.index + 1);
      const signLength = sign === 43 || sign === 45 ? 1 : 0;
      if (isDigitCode(text.charCodeAt(this.index + 1 + signLength))) {
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
    const text = this.text;
    let index = this.index;
    while (isDigitCode(text.charCodeAt(index))) index++;
    this.index = index;
  }

  private numberToken(type: TokenType, start: number): Token {
    return { type, value: this.text.slice(start, this.index), upper: '', start, end: this.index };
  }

  /**
   * `'…'` or `"…"` with the escapes \\ \' \" \b \f \n \r \t \uXXXX \UXXXXXXXX. A string without escapes is
   * one slice of the text; with escapes, the runs between them are sliced and joined.
   */
  private string(start: number, quote: number): Token {
    const text = this.text;
    const length = text.length;
    let value = '';
    let runStart = start + 1;
    let index = runStart;
    for (;;) {
      if (index >= length) throw this.error(start, 'Failed to parse string literal: missing closing quote');
      const code = text.charCodeAt(index);
      if (code === quote) break;
      if (code !== BACKSLASH) {
        index++;
        continue;
      }
      value += text.slice(runStart, index);
      index = this.escape(index, (unescaped) => {
        value += unescaped;
      });
      runStart = index;
    }
    value += text.slice(runStart, index);
    this.index = index + 1;
    return { type: 'string', value, upper: '', start, end: this.index };
  }

  /** Reads the escape sequence at `index` (a backslash), hands over what it stands for, returns the end. */
  private escape(index: number, emit: (unescaped: string) => void): number {
    const text = this.text;
    const escape = text.charAt(index + 1);
    const simple = SIMPLE_ESCAPES[escape];
    if (simple !== undefined) {
      emit(simple);
      return index + 2;
    }
    if (escape === 'u' || escape === 'U') {
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
      emit(String.fromCodePoint(codePoint));
      return index + 2 + length;
    }
    throw this.error(index, `Invalid input '\\${escape}': invalid escape sequence in string literal`);
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
      if (text.charCodeAt(close + 1) !== 96) {
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
    const code = text.charCodeAt(this.index);
    let name: string;
    if (code === 96) {
      name = this.escapedName(this.index);
    } else if (isDigitCode(code)) {
      this.digits();
      name = text.slice(start + 1, this.index);
    } else if (IDENTIFIER_START.test(String.fromCodePoint(text.codePointAt(this.index) ?? 0))) {
      this.consumeIdentifierPart();
      name = text.slice(start + 1, this.index);
    } else if (code === 40) {
      // `$(…)`: a dynamic label or type (Neo4j 5.26), an expression in parentheses after a bare `$`.
      return { type: 'symbol', value: '$', upper: '', start, end: this.index };
    } else {
      throw this.error(start, "Invalid input '$': expected a parameter name");
    }
    return { type: 'parameter', value: name, upper: '', start, end: this.index };
  }

  private error(offset: number, message: string): Error {
    return syntaxError(this.text, offset, message, 'UnexpectedSyntax');
  }
}

const HEX = /^[0-9a-fA-F]+$/;

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
