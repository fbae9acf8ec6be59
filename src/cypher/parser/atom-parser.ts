import type {
  CaseAlternative,
  Expression,
  LabelExpression,
  ListLiteral,
  Literal,
  MapEntry,
  MapLiteral,
  MapProjectionItem,
  PatternElement,
  PatternPart,
  Query,
  Variable,
} from '../ast/index.js';
import { CypherSyntaxError } from '../../errors/index.js';
import { numberValue } from './literal-values.js';
import { TokenCursor } from './token-cursor.js';

/** Keywords that open a clause: inside `EXISTS { … }` they announce a full query rather than a pattern. */
const CLAUSE_STARTS = new Set([
  'MATCH',
  'OPTIONAL',
  'WITH',
  'UNWIND',
  'CALL',
  'RETURN',
  'USE',
  'CREATE',
  'MERGE',
  'SET',
  'DELETE',
  'DETACH',
  'REMOVE',
  'FOREACH',
  'LOAD',
  'FINISH',
]);

const QUANTIFIERS = new Set(['ALL', 'ANY', 'NONE', 'SINGLE']);

/**
 * Atoms of the expression grammar (openCypher `Atom`): literals, parameters, lists and comprehensions,
 * maps, CASE, subquery expressions, quantifiers, reduce, function calls, map projections, variables and
 * parenthesised expressions or pattern predicates. Operators live in the subclass `ExpressionParser`;
 * patterns and queries further down the chain, reached through the abstract methods.
 */
/** The coordinate types of `vector(…)` and their synonyms, by canonical name (Cypher 25). */
const VECTOR_COORDINATE_TYPES: ReadonlyMap<string, string> = new Map([
  ['INTEGER64', 'INTEGER'],
  ['INT64', 'INTEGER'],
  ['INTEGER', 'INTEGER'],
  ['INT', 'INTEGER'],
  ['INTEGER32', 'INTEGER32'],
  ['INT32', 'INTEGER32'],
  ['INTEGER16', 'INTEGER16'],
  ['INT16', 'INTEGER16'],
  ['INTEGER8', 'INTEGER8'],
  ['INT8', 'INTEGER8'],
  ['FLOAT64', 'FLOAT'],
  ['FLOAT', 'FLOAT'],
  ['FLOAT32', 'FLOAT32'],
]);

export abstract class AtomParser extends TokenCursor {
  /** `Expression` (the lowest precedence level, OR). */
  abstract parseExpression(): Expression;
  protected abstract parsePatternElement(): PatternElement;
  protected abstract parsePatternPart(): PatternPart;
  /**
   * A label expression after its `:` (or `IS`) has been consumed. `allowDisjunction` is false where `|`
   * separates parts of a comprehension or reduce, so `[x IN l WHERE x:A | x]` keeps its projection.
   */
  protected abstract parseLabelExpression(allowDisjunction?: boolean): LabelExpression;
  /** Above zero while parsing the parts of a comprehension that a `|` may end. */
  protected barDepth = 0;
  /**
   * The outermost list and map literals made of literals only, in the order they were completed (see
   * constant-literals.ts); speculative parses that were undone may leave some behind, which is harmless.
   */
  protected readonly constantLiterals: (ListLiteral | MapLiteral)[] = [];
  /** A full query inside braces; the caller consumes the braces. */
  protected abstract parseQuery(): Query;

  protected parseAtom(): Expression {
    const token = this.current;
    switch (token.type) {
      case 'integer':
      case 'float':
      case 'invalidNumber':
        return this.parseNumber(false, token.start);
      case 'string':
        this.advance();
        return { kind: 'Literal', pos: token.start, value: token.value };
      case 'parameter':
        this.advance();
        return { kind: 'Parameter', pos: token.start, name: token.value };
      case 'symbol':
        if (token.value === '[') return this.parseListAtom();
        if (token.value === '{') return this.parseMapLiteral();
        if (token.value === '(') return this.parseParenthesised();
        break;
      case 'identifier':
        return this.parseKeywordAtom() ?? this.parseNamedAtom();
      case 'escapedIdentifier':
        return this.parseNamedAtom();
      case 'eof':
        break;
    }
    return this.fail('an expression');
  }

  /** A number literal, negated when the caller folded a unary minus into it. */
  protected parseNumber(negative: boolean, pos: number): Literal {
    const token = this.advance();
    const result = numberValue(token, negative);
    if (!result.ok) {
      const spelling = this.text.slice(token.start, token.end);
      const what =
        result.detail === 'InvalidNumberLiteral' ? 'invalid number literal' : 'number out of range';
      this.failAt(token.start, `Invalid input '${spelling}': ${what}`, result.detail);
    }
    return { kind: 'Literal', pos, value: result.value };
  }

  private parseKeywordAtom(): Expression | undefined {
    const token = this.current;
    const next = this.peek(1);
    const nextIs = (symbol: string): boolean => next.type === 'symbol' && next.value === symbol;
    switch (token.upper) {
      case 'TRUE':
      case 'FALSE':
      case 'NULL':
        if (nextIs('(')) return undefined;
        this.advance();
        return {
          kind: 'Literal',
          pos: token.start,
          value: token.upper === 'NULL' ? null : token.upper === 'TRUE',
        };
      case 'CASE':
        return this.parseCase();
      case 'EXISTS':
      case 'COUNT':
        if (nextIs('{'))
          return this.parseSubqueryExpression(token.upper === 'EXISTS' ? 'ExistsSubquery' : 'CountSubquery');
        if (token.upper === 'COUNT' && nextIs('(') && this.isSymbol('*', 2) && this.isSymbol(')', 3)) {
          this.index += 4;
          return { kind: 'CountStar', pos: token.start };
        }
        return undefined;
      case 'COLLECT':
        if (!nextIs('{')) return undefined;
        this.index += 2;
        return { kind: 'CollectSubquery', pos: token.start, query: this.parseBracedQueryRest() };
      case 'REDUCE':
        return nextIs('(') ? this.parseReduce() : undefined;
      case 'SHORTESTPATH':
      case 'ALLSHORTESTPATHS':
        return nextIs('(')
          ? { kind: 'ShortestPathExpression', pos: token.start, part: this.parsePatternPart() }
          : undefined;
      default:
        if (QUANTIFIERS.has(token.upper) && nextIs('(') && this.isName(2) && this.isKeyword('IN', 3)) {
          return this.parseQuantifier();
        }
        return undefined;
    }
  }

  /** `CASE [subject] (WHEN e THEN e)+ [ELSE e] END`. */
  private parseCase(): Expression {
    const pos = this.advance().start;
    const subject = this.isKeyword('WHEN') ? undefined : this.parseExpression();
    const alternatives: CaseAlternative[] = [];
    while (this.acceptKeyword('WHEN')) {
      const when = this.parseExpression();
      this.expectKeyword('THEN');
      alternatives.push({ when, then: this.parseExpression() });
    }
    if (alternatives.length === 0) this.fail("'WHEN'");
    const otherwise = this.acceptKeyword('ELSE') ? this.parseExpression() : undefined;
    this.expectKeyword('END');
    return { kind: 'CaseExpression', pos, subject, alternatives, otherwise };
  }

  /** `EXISTS { query | pattern [WHERE e] }` and the same for `COUNT`. */
  private parseSubqueryExpression(kind: 'ExistsSubquery' | 'CountSubquery'): Expression {
    const pos = this.current.start;
    this.index += 2;
    const isQuery =
      this.current.type === 'identifier' && CLAUSE_STARTS.has(this.current.upper) && !this.isSymbol('=', 1);
    if (isQuery)
      return { kind, pos, query: this.parseBracedQueryRest(), pattern: undefined, where: undefined };
    const pattern = [this.parsePatternPart()];
    while (this.acceptSymbol(',')) pattern.push(this.parsePatternPart());
    const where = this.acceptKeyword('WHERE') ? this.parseExpression() : undefined;
    this.expectSymbol('}');
    return { kind, pos, query: undefined, pattern, where };
  }

  private parseBracedQueryRest(): Query {
    const query = this.parseQuery();
    this.expectSymbol('}');
    return query;
  }

  /** `reduce(accumulator = init, variable IN list | expression)`. */
  private parseReduce(): Expression {
    const pos = this.advance().start;
    this.expectSymbol('(');
    const accumulator = this.parseVariable();
    this.expectSymbol('=');
    const init = this.parseExpression();
    this.expectSymbol(',');
    const variable = this.parseVariable();
    this.expectKeyword('IN');
    this.barDepth++;
    const list = this.parseExpression();
    this.barDepth--;
    this.expectSymbol('|');
    const expression = this.parseExpression();
    this.expectSymbol(')');
    return { kind: 'Reduce', pos, accumulator, init, variable, list, expression };
  }

  /** `all|any|none|single(variable IN list [WHERE predicate])`. */
  private parseQuantifier(): Expression {
    const token = this.advance();
    this.expectSymbol('(');
    const variable = this.parseVariable();
    this.expectKeyword('IN');
    const list = this.parseExpression();
    const where = this.acceptKeyword('WHERE') ? this.parseExpression() : undefined;
    this.expectSymbol(')');
    const quantifier = token.upper.toLowerCase() as 'all' | 'any' | 'none' | 'single';
    return { kind: 'Quantifier', pos: token.start, quantifier, variable, list, where };
  }

  /** A function call (`ns.name(…)`), a map projection (`v { … }`) or a variable. */
  private parseNamedAtom(): Expression {
    const start = this.current.start;
    let ahead = 1;
    while (this.isSymbol('.', ahead) && this.isName(ahead + 1)) ahead += 2;
    if (this.isSymbol('(', ahead)) return this.parseFunctionCall(start, ahead);
    const variable = this.parseVariable();
    if (this.isSymbol('{')) return this.parseMapProjection(variable);
    return variable;
  }

  private parseFunctionCall(pos: number, nameTokens: number): Expression {
    const parts: string[] = [];
    for (let step = 0; step < nameTokens; step += 2) {
      parts.push(this.advance().value);
      if (step + 1 < nameTokens) this.advance();
    }
    this.expectSymbol('(');
    const distinct = this.acceptKeyword('DISTINCT');
    if (!distinct) this.acceptKeyword('ALL');
    const name = parts.join('.');
    const args: Expression[] = [];
    if (!this.isSymbol(')')) {
      args.push(this.parseExpression());
      while (this.acceptSymbol(',')) {
        args.push(args.length === 2 ? this.parseVectorCoordinateType(name) : this.parseExpression());
      }
    }
    this.expectSymbol(')');
    if (name.toLowerCase() === 'size')
      args.forEach((arg) => {
        this.rejectPatternValue(arg);
      });
    return { kind: 'FunctionCall', pos, name, distinct, args };
  }

  /**
   * The third argument of `vector(value, dimension, coordinateType)` (Cypher 25) is a type keyword, not an
   * expression: `INTEGER8` … `FLOAT64` and their synonyms become the canonical name as a STRING literal.
   */
  private parseVectorCoordinateType(functionName: string): Expression {
    const token = this.current;
    const type =
      functionName.toLowerCase() === 'vector' && token.type === 'identifier' && this.isSymbol(')', 1)
        ? VECTOR_COORDINATE_TYPES.get(token.upper)
        : undefined;
    if (type === undefined) return this.parseExpression();
    this.advance();
    return { kind: 'Literal', pos: token.start, value: type };
  }

  /** `subject { .key, key: expr, variable, .* }`. */
  private parseMapProjection(subject: Variable): Expression {
    this.expectSymbol('{');
    const items: MapProjectionItem[] = [];
    if (!this.isSymbol('}')) {
      do {
        if (this.acceptSymbol('.')) {
          if (this.acceptSymbol('*')) items.push({ kind: 'AllPropertiesSelector' });
          else items.push({ kind: 'PropertySelector', key: this.parseName('a property key name') });
        } else if (this.isName() && this.isSymbol(':', 1)) {
          const key = this.advance().value;
          this.advance();
          items.push({ kind: 'LiteralEntry', key, value: this.parseExpression() });
        } else {
          items.push({ kind: 'VariableSelector', variable: this.parseVariable() });
        }
      } while (this.acceptSymbol(','));
    }
    this.expectSymbol('}');
    return { kind: 'MapProjection', pos: subject.pos, subject, items };
  }

  /** `{key: value, …}`; keys are symbolic names (keywords allowed). */
  protected parseMapLiteral(): MapLiteral {
    const pos = this.expectSymbol('{').start;
    const mark = this.constantLiterals.length;
    let constant = true;
    const entries: MapEntry[] = [];
    if (!this.isSymbol('}')) {
      do {
        const key = this.parseName('a property key name');
        this.expectSymbol(':');
        const value = this.parseExpression();
        constant &&= this.isConstant(value);
        entries.push({ key, value });
      } while (this.acceptSymbol(','));
    }
    this.expectSymbol('}');
    const map: MapLiteral = { kind: 'MapLiteral', pos, entries };
    if (constant) this.keepConstant(map, mark);
    return map;
  }

  /**
   * True when `expression`, just parsed, is a literal or a constant list or map: such a list or map was
   * the last one kept by keepConstant, because everything kept while parsing it lies inside it.
   */
  private isConstant(expression: Expression): boolean {
    return expression.kind === 'Literal' || this.constantLiterals.at(-1) === expression;
  }

  /**
   * Keeps a constant list or map in place of the constants inside it (kept since `mark`): only the
   * outermost constants are recorded (see constant-literals.ts).
   */
  private keepConstant(literal: ListLiteral | MapLiteral, mark: number): void {
    const kept = this.constantLiterals;
    if (kept.length === mark) {
      kept.push(literal);
      return;
    }
    // Commonly one constant was kept inside (a row map's property map): overwrite it, no resizing.
    kept[mark] = literal;
    if (kept.length !== mark + 1) kept.length = mark + 1;
  }

  /**
   * `[`: a list comprehension (`[x IN list …]`), a pattern comprehension (`[(a)-->(b) | …]`, tried
   * speculatively because `[p = (1)]` is a list), or a list literal.
   */
  private parseListAtom(): Expression {
    const pos = this.current.start;
    if (this.isName(1) && this.isKeyword('IN', 2)) return this.parseListComprehension();
    const startsPattern =
      this.isSymbol('(', 1) || (this.isName(1) && this.isSymbol('=', 2) && this.isSymbol('(', 3));
    if (startsPattern) {
      const comprehension = this.attempt(() => this.parsePatternComprehension());
      if (comprehension !== undefined) return comprehension;
    }
    this.advance();
    const mark = this.constantLiterals.length;
    let constant = true;
    const elements: Expression[] = [];
    if (!this.isSymbol(']')) {
      do {
        const element = this.parseExpression();
        constant &&= this.isConstant(element);
        elements.push(element);
      } while (this.acceptSymbol(','));
    }
    this.expectSymbol(']');
    const list: ListLiteral = { kind: 'ListLiteral', pos, elements };
    if (constant) this.keepConstant(list, mark);
    return list;
  }

  private parseListComprehension(): Expression {
    const pos = this.advance().start;
    const variable = this.parseVariable();
    this.expectKeyword('IN');
    this.barDepth++;
    const list = this.parseExpression();
    const where = this.acceptKeyword('WHERE') ? this.parseExpression() : undefined;
    this.barDepth--;
    const projection = this.acceptSymbol('|') ? this.parseExpression() : undefined;
    this.expectSymbol(']');
    return { kind: 'ListComprehension', pos, variable, list, where, projection };
  }

  private parsePatternComprehension(): Expression {
    const pos = this.advance().start;
    let pathVariable: Variable | undefined;
    if (this.isName()) {
      pathVariable = this.parseVariable();
      this.expectSymbol('=');
    }
    const pattern = this.parsePatternElement();
    this.barDepth++;
    const where = this.acceptKeyword('WHERE') ? this.parseExpression() : undefined;
    this.barDepth--;
    this.expectSymbol('|');
    const projection = this.parseExpression();
    this.expectSymbol(']');
    return { kind: 'PatternComprehension', pos, pathVariable, pattern, where, projection };
  }

  /** `(expression)` or, when a relationship follows the closing parenthesis, a pattern predicate. */
  private parseParenthesised(): Expression {
    if (this.relationshipFollowsParenthesis()) {
      const pos = this.current.start;
      const pattern = this.attempt(() => this.parsePatternElement());
      if (pattern !== undefined && pattern.relationships.length > 0)
        return { kind: 'PatternPredicate', pos, pattern };
    }
    this.expectSymbol('(');
    const expression = this.parseExpression();
    this.expectSymbol(')');
    return expression;
  }

  /** Looks past the balanced parentheses at the cursor for `-` or `<-`, the start of a relationship. */
  private relationshipFollowsParenthesis(): boolean {
    let depth = 0;
    for (let ahead = 0; ; ahead++) {
      const token = this.peek(ahead);
      if (token.type === 'eof') return false;
      if (token.type !== 'symbol') continue;
      if (token.value === '(' || token.value === '[' || token.value === '{') depth++;
      else if (token.value === ')' || token.value === ']' || token.value === '}') depth--;
      if (depth === 0) {
        return (
          this.isSymbol('-', ahead + 1) || (this.isSymbol('<', ahead + 1) && this.isSymbol('-', ahead + 2))
        );
      }
    }
  }

  /**
   * Neo4j 5 allows a pattern only as a predicate; used as a value (a projected column, the argument of
   * `size`) it is a syntax error, as the TCK's Pattern1 and List6 scenarios expect.
   */
  protected rejectPatternValue(expression: Expression): void {
    if (expression.kind !== 'PatternPredicate') return;
    this.failAt(
      expression.pos,
      'A pattern expression should only be used in order to test the existence of a pattern. It can only be used in a predicate, e.g. in a WHERE clause; use a pattern comprehension or COUNT { } instead',
      'UnexpectedSyntax',
    );
  }

  /** Runs a speculative parse; on a syntax error the cursor is restored and `undefined` returned. */
  protected attempt<T>(parse: () => T): T | undefined {
    const saved = this.index;
    const savedDetail = this.unexpectedDetail;
    const savedBarDepth = this.barDepth;
    try {
      return parse();
    } catch (error: unknown) {
      if (!(error instanceof CypherSyntaxError)) throw error;
      this.index = saved;
      this.unexpectedDetail = savedDetail;
      this.barDepth = savedBarDepth;
      return undefined;
    }
  }
}
