import type { BinaryOperator, Expression, Literal } from '../ast/index.js';
import { TypeParser } from './type-parser.js';

const COMPARISONS: ReadonlyMap<string, BinaryOperator> = new Map<string, BinaryOperator>([
  ['=', '='],
  ['<>', '<>'],
  ['!=', '<>'],
  ['<', '<'],
  ['>', '>'],
  ['<=', '<='],
  ['>=', '>='],
]);

/**
 * Operator precedence climbing over the atoms, from loosest to tightest binding:
 * OR < XOR < AND < NOT < comparison (chained) < string/list/null predicates < `+` `-` `||` < `*` `/` `%`
 * < `^` (left-associative, as openCypher says) < unary `+` `-` < postfix (property, subscript, slice,
 * label check) < atom.
 */
export abstract class ExpressionParser extends TypeParser {
  /** `Expression = OrExpression`. */
  parseExpression(): Expression {
    return this.parseLoneLiteral() ?? this.parseOr();
  }

  /**
   * A shortcut for the commonest expression of large statements: a literal that is the whole expression
   * (`1`, `-2.5`, `'a'`, `true`, `null` followed by `,` `]` `}` or `)`). No operator can follow it, so
   * descending the ten precedence levels would build the same node; skipping them makes a list of
   * thousands of literals parse several times faster.
   */
  private parseLoneLiteral(): Literal | undefined {
    const token = this.current;
    const type = token.type;
    if (type === 'integer' || type === 'float') {
      return this.endsExpression(1) ? this.parseNumber(false, token.start) : undefined;
    }
    if (type === 'string') {
      if (!this.endsExpression(1)) return undefined;
      this.index++;
      return { kind: 'Literal', pos: token.start, value: token.value };
    }
    if (type === 'identifier') {
      const upper = token.upper;
      if ((upper !== 'TRUE' && upper !== 'FALSE' && upper !== 'NULL') || !this.endsExpression(1)) {
        return undefined;
      }
      this.index++;
      return { kind: 'Literal', pos: token.start, value: upper === 'NULL' ? null : upper === 'TRUE' };
    }
    if (type !== 'symbol' || token.value !== '-') return undefined;
    // A minus folded into the number, as parseUnary does.
    const next = this.peek(1).type;
    if ((next !== 'integer' && next !== 'float') || !this.endsExpression(2)) return undefined;
    this.index++;
    return this.parseNumber(true, token.start);
  }

  /** True when the token `ahead` positions on closes an expression whatever precedes it. */
  private endsExpression(ahead: number): boolean {
    const token = this.peek(ahead);
    if (token.type !== 'symbol') return false;
    const symbol = token.value;
    return symbol === ',' || symbol === ']' || symbol === '}' || symbol === ')';
  }

  private binary(operator: BinaryOperator, left: Expression, right: Expression): Expression {
    return { kind: 'BinaryOperation', pos: left.pos, operator, left, right };
  }

  /** `OrExpression = XorExpression (OR XorExpression)*`. */
  private parseOr(): Expression {
    let left = this.parseXor();
    while (this.acceptKeyword('OR')) left = this.binary('OR', left, this.parseXor());
    return left;
  }

  private parseXor(): Expression {
    let left = this.parseAnd();
    while (this.acceptKeyword('XOR')) left = this.binary('XOR', left, this.parseAnd());
    return left;
  }

  private parseAnd(): Expression {
    let left = this.parseNot();
    while (this.acceptKeyword('AND')) left = this.binary('AND', left, this.parseNot());
    return left;
  }

  /** `NotExpression = NOT* ComparisonExpression`. */
  private parseNot(): Expression {
    const token = this.current;
    if (!this.acceptKeyword('NOT')) return this.parseComparison();
    return { kind: 'UnaryOperation', pos: token.start, operator: 'NOT', operand: this.parseNot() };
  }

  /**
   * `ComparisonExpression = Predicate (ComparisonOperator Predicate)*`; a chain `a < b < c` means
   * `a < b AND b < c`, with the shared operand appearing (as the same object) in both comparisons.
   */
  private parseComparison(): Expression {
    const first = this.parsePredicate();
    const comparisons: Expression[] = [];
    let left = first;
    for (;;) {
      const token = this.current;
      const operator = token.type === 'symbol' ? COMPARISONS.get(token.value) : undefined;
      if (operator === undefined) break;
      this.advance();
      const right = this.parsePredicate();
      comparisons.push(this.binary(operator, left, right));
      left = right;
    }
    const [head, ...rest] = comparisons;
    if (head === undefined) return first;
    return rest.reduce((chain, next) => this.binary('AND', chain, next), head);
  }

  /**
   * String, list, null and type predicates: `=~`, `IN`, `STARTS WITH`, `ENDS WITH`, `CONTAINS`, `IS [NOT] NULL`,
   * `IS [NOT] :: type`.
   */
  private parsePredicate(): Expression {
    let left = this.parseAdditive();
    for (;;) {
      if (this.acceptSymbol('=~')) left = this.binary('=~', left, this.parseAdditive());
      else if (this.acceptKeyword('IN')) left = this.binary('IN', left, this.parseAdditive());
      else if (this.isKeyword('STARTS') && this.isKeyword('WITH', 1)) {
        this.index += 2;
        left = this.binary('STARTS WITH', left, this.parseAdditive());
      } else if (this.isKeyword('ENDS') && this.isKeyword('WITH', 1)) {
        this.index += 2;
        left = this.binary('ENDS WITH', left, this.parseAdditive());
      } else if (this.acceptKeyword('CONTAINS')) left = this.binary('CONTAINS', left, this.parseAdditive());
      else if (
        this.isKeyword('IS') &&
        (this.isKeyword('NULL', 1) || (this.isKeyword('NOT', 1) && this.isKeyword('NULL', 2)))
      ) {
        this.advance();
        const negated = this.acceptKeyword('NOT');
        this.advance();
        left = { kind: 'IsNull', pos: left.pos, operand: left, negated };
      } else if (this.isTypePredicate()) {
        left = this.parseTypePredicate(left);
      } else return left;
    }
  }

  /** `IS [NOT] ::`, `IS [NOT] TYPED` or a bare `::` follows. */
  private isTypePredicate(): boolean {
    if (this.isSymbol('::')) return true;
    if (!this.isKeyword('IS')) return false;
    const at = this.isKeyword('NOT', 1) ? 2 : 1;
    return this.isSymbol('::', at) || this.isKeyword('TYPED', at);
  }

  private parseTypePredicate(operand: Expression): Expression {
    let negated = false;
    if (!this.acceptSymbol('::')) {
      this.advance(); // IS
      negated = this.acceptKeyword('NOT');
      this.advance(); // :: or TYPED
    }
    return { kind: 'IsTyped', pos: operand.pos, operand, negated, type: this.parseCypherType() };
  }

  private parseAdditive(): Expression {
    let left = this.parseMultiplicative();
    for (;;) {
      const token = this.current;
      if (token.type !== 'symbol' || (token.value !== '+' && token.value !== '-' && token.value !== '||'))
        return left;
      this.advance();
      left = this.binary(token.value, left, this.parseMultiplicative());
    }
  }

  private parseMultiplicative(): Expression {
    let left = this.parsePower();
    for (;;) {
      const token = this.current;
      if (token.type !== 'symbol' || (token.value !== '*' && token.value !== '/' && token.value !== '%'))
        return left;
      this.advance();
      left = this.binary(token.value, left, this.parsePower());
    }
  }

  /** `PowerOfExpression = Unary ('^' Unary)*`: left-associative, so `2^3^2` is 64. */
  private parsePower(): Expression {
    let left = this.parseUnary();
    while (this.acceptSymbol('^')) left = this.binary('^', left, this.parseUnary());
    return left;
  }

  /**
   * Unary `+`/`-`. A minus directly before a number literal is folded into the literal, which is the only
   * way to write the smallest INTEGER (`-9223372036854775808`) without overflowing.
   */
  private parseUnary(): Expression {
    const token = this.current;
    if (token.type !== 'symbol' || (token.value !== '-' && token.value !== '+')) return this.parsePostfix();
    this.advance();
    const next = this.current.type;
    const isNumber = next === 'integer' || next === 'float' || next === 'invalidNumber';
    if (token.value === '-' && isNumber && !this.startsPostfix(1)) return this.parseNumber(true, token.start);
    return { kind: 'UnaryOperation', pos: token.start, operator: token.value, operand: this.parseUnary() };
  }

  private startsPostfix(ahead: number): boolean {
    return this.isSymbol('.', ahead) || this.isSymbol('[', ahead) || this.isSymbol(':', ahead);
  }

  /** Postfix operators: `.key`, `[index]`, `[from..to]` and label checks `:A:B` / `:A|B`. */
  protected parsePostfix(): Expression {
    let subject = this.parseAtom();
    for (;;) {
      const pos = subject.pos;
      if (this.isSymbol('.') && this.isName(1)) {
        this.advance();
        subject = { kind: 'PropertyAccess', pos, subject, key: this.advance().value };
      } else if (this.acceptSymbol('[')) {
        subject = this.parseSubscriptRest(subject);
      } else if (this.acceptSymbol(':')) {
        subject = {
          kind: 'LabelCheck',
          pos,
          subject,
          labels: this.parseLabelExpression(this.barDepth === 0),
        };
      } else {
        return subject;
      }
    }
  }

  private parseSubscriptRest(subject: Expression): Expression {
    const pos = subject.pos;
    const from = this.isSymbol('..') ? undefined : this.parseExpression();
    if (from !== undefined && this.acceptSymbol(']')) return { kind: 'Subscript', pos, subject, index: from };
    this.expectSymbol('..');
    const to = this.isSymbol(']') ? undefined : this.parseExpression();
    this.expectSymbol(']');
    return { kind: 'Slice', pos, subject, from, to };
  }
}
