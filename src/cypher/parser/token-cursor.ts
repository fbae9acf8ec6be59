import { invariant } from '../../errors/index.js';
import type { Variable } from '../ast/index.js';
import type { Token } from './lexer.js';
import { syntaxError, type SyntaxDetail } from './syntax-error.js';

/**
 * The bottom of the parser class chain: a cursor over the token array with keyword/symbol helpers and
 * the one way to report a syntax error. Keywords are matched case-insensitively on identifier tokens.
 */
export abstract class TokenCursor {
  protected readonly text: string;
  protected readonly tokens: readonly Token[];
  protected index = 0;
  /** The detail reported for unexpected tokens; relationship details switch it to InvalidRelationshipPattern. */
  protected unexpectedDetail: SyntaxDetail = 'UnexpectedSyntax';

  constructor(text: string, tokens: readonly Token[]) {
    this.text = text;
    this.tokens = tokens;
  }

  /** The token `ahead` positions after the current one (the final `eof` token repeats forever). */
  protected peek(ahead = 0): Token {
    const tokens = this.tokens;
    const token = tokens[Math.min(this.index + ahead, tokens.length - 1)];
    invariant(token !== undefined, 'the token stream always ends with an eof token');
    return token;
  }

  protected get current(): Token {
    return this.peek(0);
  }

  /** End offset of the token consumed last. */
  protected get lastEnd(): number {
    return this.tokens[this.index - 1]?.end ?? 0;
  }

  protected advance(): Token {
    const token = this.current;
    if (token.type !== 'eof') this.index++;
    return token;
  }

  protected isKeyword(word: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.type === 'identifier' && token.upper === word;
  }

  protected isSymbol(symbol: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.type === 'symbol' && token.value === symbol;
  }

  protected acceptKeyword(word: string): boolean {
    if (!this.isKeyword(word)) return false;
    this.index++;
    return true;
  }

  protected acceptSymbol(symbol: string): boolean {
    if (!this.isSymbol(symbol)) return false;
    this.index++;
    return true;
  }

  protected expectKeyword(...words: string[]): Token {
    let token = this.current;
    for (const word of words) {
      if (!this.isKeyword(word)) this.fail(words.map((w) => `'${w}'`).join(' '));
      token = this.advance();
    }
    return token;
  }

  protected expectSymbol(symbol: string): Token {
    if (!this.isSymbol(symbol)) this.fail(`'${symbol}'`);
    return this.advance();
  }

  /** True for a token that can be a name (a plain or backtick-escaped identifier). */
  protected isName(ahead = 0): boolean {
    const type = this.peek(ahead).type;
    return type === 'identifier' || type === 'escapedIdentifier';
  }

  /** A symbolic name: an identifier (keywords included) or an escaped name. */
  protected parseName(what = 'a name'): string {
    if (!this.isName()) this.fail(what);
    return this.advance().value;
  }

  protected parseVariable(): Variable {
    const start = this.current.start;
    return { kind: 'Variable', pos: start, name: this.parseName('a variable name') };
  }

  /** Reports the current token as unexpected, saying what the grammar wanted instead. */
  protected fail(expected: string, token: Token = this.current): never {
    const found = token.type === 'eof' ? '' : this.text.slice(token.start, token.end);
    throw syntaxError(
      this.text,
      token.start,
      `Invalid input '${found}': expected ${expected}`,
      this.unexpectedDetail,
    );
  }

  /** Reports a problem at an offset with an explicit TCK detail. */
  protected failAt(offset: number, message: string, detail: SyntaxDetail): never {
    throw syntaxError(this.text, offset, message, detail);
  }
}
