import type {
  Expression,
  LabelDynamic,
  LabelExpression,
  NodePattern,
  Pattern,
  PatternConnection,
  PatternElement,
  PatternPart,
  PathSelector,
  QuantifiedPathPattern,
  RangeQuantifier,
  RelationshipPattern,
  Variable,
} from '../ast/index.js';
import { ExpressionParser } from './expression-parser.js';

/** The anonymous node pattern juxtaposed with a quantified path pattern that has no node beside it. */
function anonymousNode(pos: number): NodePattern {
  return {
    kind: 'NodePattern',
    pos,
    variable: undefined,
    labels: undefined,
    properties: undefined,
    where: undefined,
  };
}

/**
 * Patterns (openCypher `Pattern`, `PatternPart`, `PatternElement`, `NodePattern`, `RelationshipPattern`)
 * and label expressions, with the Neo4j 5 forms: `:A&B`, `!A`, `%`, `IS A`, WHERE inside node and
 * relationship patterns, and GQL `SHORTEST 1` / `ALL SHORTEST` normalised to shortestPath/allShortestPaths.
 */
export abstract class PatternParser extends ExpressionParser {
  /** `Pattern = PatternPart (',' PatternPart)*`. */
  protected parsePattern(): Pattern {
    const pos = this.current.start;
    const parts = [this.parsePatternPart()];
    while (this.acceptSymbol(',')) parts.push(this.parsePatternPart());
    return { kind: 'Pattern', pos, parts };
  }

  /** `PatternPart = [Variable '='] (shortestPath(…) | allShortestPaths(…) | [PathSelector] PatternElement)`. */
  protected parsePatternPart(): PatternPart {
    const pos = this.current.start;
    let variable: Variable | undefined;
    if (this.isName() && this.isSymbol('=', 1)) {
      variable = this.parseVariable();
      this.advance();
    }
    if ((this.isKeyword('SHORTESTPATH') || this.isKeyword('ALLSHORTESTPATHS')) && this.isSymbol('(', 1)) {
      const shortest = this.advance().upper === 'SHORTESTPATH' ? 'shortestPath' : 'allShortestPaths';
      this.expectSymbol('(');
      const element = this.parsePatternElement();
      this.expectSymbol(')');
      return { kind: 'PatternPart', pos, variable, shortest, element };
    }
    const selector = this.parsePathSelector();
    const element = this.parsePatternElement();
    if (selector === undefined) return { kind: 'PatternPart', pos, variable, shortest: undefined, element };
    return { kind: 'PatternPart', pos, variable, shortest: undefined, selector, element };
  }

  /**
   * GQL path selectors before a path pattern: `ANY SHORTEST`, `ALL SHORTEST`, `SHORTEST k`,
   * `SHORTEST [k] GROUPS`, `ANY [k]`, `ALL` (each with an optional `PATH` / `PATHS`). Undefined when there is
   * none (or `ALL`, which keeps every path).
   */
  private parsePathSelector(): PathSelector | undefined {
    const at = this.current.start;
    const literalOne: Expression = { kind: 'Literal', pos: at, value: 1n };
    if (this.isKeyword('ALL')) {
      this.advance();
      if (this.acceptKeyword('SHORTEST')) {
        this.acceptPathKeyword();
        return { kind: 'SHORTEST GROUPS', count: literalOne };
      }
      this.acceptPathKeyword();
      return undefined;
    }
    if (this.isKeyword('ANY')) {
      this.advance();
      if (this.acceptKeyword('SHORTEST')) {
        this.acceptPathKeyword();
        return { kind: 'SHORTEST', count: literalOne };
      }
      const count = this.parseSelectorCount() ?? literalOne;
      this.acceptPathKeyword();
      return { kind: 'ANY', count };
    }
    if (this.isKeyword('SHORTEST')) {
      this.advance();
      const count = this.parseSelectorCount();
      this.acceptPathKeyword();
      if (this.acceptKeyword('GROUP') || this.acceptKeyword('GROUPS')) {
        return { kind: 'SHORTEST GROUPS', count: count ?? literalOne };
      }
      if (count === undefined) this.fail('a number of paths or GROUPS after SHORTEST');
      return { kind: 'SHORTEST', count };
    }
    return undefined;
  }

  /** k of a selector: an integer literal or a parameter, if one is here. */
  private parseSelectorCount(): Expression | undefined {
    if (this.current.type === 'integer') return this.parseAtom();
    if (this.current.type === 'parameter') return this.parseAtom();
    return undefined;
  }

  private acceptPathKeyword(): void {
    if (!this.acceptKeyword('PATH')) this.acceptKeyword('PATHS');
  }

  /**
   * `PatternElement = (NodePattern (RelationshipPattern NodePattern)* | ParenthesizedPath)+`: node chains
   * and quantified path patterns side by side, or one whole element in parentheses. An anonymous node is
   * juxtaposed where a quantified path pattern starts or ends the chain or meets another one.
   */
  protected parsePatternElement(): PatternElement {
    const pos = this.current.start;
    const nodes: NodePattern[] = [];
    const relationships: PatternConnection[] = [];
    do {
      if (this.isSymbol('(') && this.isSymbol('(', 1)) {
        const groupAt = this.current.start;
        const group = this.parseParenthesizedPath();
        if (group.kind === 'PatternElement') {
          if (nodes.length > 0 || this.isSymbol('(')) {
            this.failAt(
              groupAt,
              'A parenthesized path pattern needs a quantifier (such as `+` or `{1,3}`) when it is juxtaposed with other patterns',
              'UnexpectedSyntax',
            );
          }
          return group;
        }
        if (nodes.length === 0) nodes.push(anonymousNode(groupAt));
        relationships.push(group);
        if (!this.isSymbol('(') || this.isSymbol('(', 1)) nodes.push(anonymousNode(this.current.start));
        else nodes.push(this.parseNodePattern());
      } else {
        if (nodes.length > 0) {
          this.failAt(
            this.current.start,
            'Juxtaposition is currently only supported for quantified path patterns: join node patterns with a relationship pattern',
            'UnexpectedSyntax',
          );
        }
        nodes.push(this.parseNodePattern());
      }
      while (this.isSymbol('-') || (this.isSymbol('<') && this.isSymbol('-', 1))) {
        relationships.push(this.parseRelationshipPattern());
        nodes.push(this.parseNodePattern());
      }
    } while (this.isSymbol('('));
    return { kind: 'PatternElement', pos, nodes, relationships };
  }

  /**
   * `'(' PatternElement [WHERE Expression] ')' [Quantifier]`: a quantified path pattern, or without a
   * quantifier a whole pattern element in parentheses (its WHERE is not supported there).
   */
  private parseParenthesizedPath(): QuantifiedPathPattern | PatternElement {
    const pos = this.expectSymbol('(').start;
    const element = this.parsePatternElement();
    const whereAt = this.current.start;
    const where = this.acceptKeyword('WHERE') ? this.parseExpression() : undefined;
    this.expectSymbol(')');
    const quantifier = this.parseRelationshipQuantifier();
    if (quantifier === undefined) {
      if (where !== undefined) {
        this.failAt(
          whereAt,
          'a quantifier after a parenthesized path pattern with WHERE',
          'UnexpectedSyntax',
        );
      }
      return element;
    }
    if (element.relationships.some((connection) => connection.kind === 'QuantifiedPathPattern')) {
      this.failAt(pos, 'Quantified path patterns are not allowed to be nested', 'UnexpectedSyntax');
    }
    if (element.relationships.length === 0) {
      this.failAt(
        pos,
        'A quantified path pattern needs to have at least one relationship',
        'UnexpectedSyntax',
      );
    }
    for (const connection of element.relationships) {
      if (connection.kind === 'RelationshipPattern' && connection.length !== undefined) {
        this.failAt(
          connection.pos,
          'Variable length relationships cannot be part of a quantified path pattern',
          'UnexpectedSyntax',
        );
      }
    }
    return {
      kind: 'QuantifiedPathPattern',
      pos,
      element,
      where,
      min: quantifier.min ?? 0,
      max: quantifier.max,
    };
  }

  /** `NodePattern = '(' [Variable] [LabelExpression] [Properties] [WHERE Expression] ')'`. */
  private parseNodePattern(): NodePattern {
    const pos = this.expectSymbol('(').start;
    const variable = this.isName() && !this.isKeyword('WHERE') ? this.parseVariable() : undefined;
    let labels: LabelExpression | undefined;
    if (this.acceptSymbol(':') || this.acceptKeyword('IS')) labels = this.parseLabelExpression();
    const properties = this.parsePatternProperties();
    const where = this.acceptKeyword('WHERE') ? this.parseExpression() : undefined;
    this.expectSymbol(')');
    return { kind: 'NodePattern', pos, variable, labels, properties, where };
  }

  private parsePatternProperties(): Expression | undefined {
    if (this.isSymbol('{')) return this.parseMapLiteral();
    if (this.current.type === 'parameter') return this.parseAtom();
    return undefined;
  }

  /**
   * `RelationshipPattern = ['<'] '-' ['[' RelationshipDetail ']'] '-' ['>']`. Inside the brackets an
   * unexpected token is reported as InvalidRelationshipPattern (e.g. `[:T*-2]`, `[:T..]`).
   */
  private parseRelationshipPattern(): RelationshipPattern {
    const pos = this.current.start;
    const left = this.acceptSymbol('<');
    this.expectSymbol('-');
    let variable: Variable | undefined;
    let types: readonly string[] = [];
    let dynamicTypes: readonly LabelDynamic[] = [];
    let length: RangeQuantifier | undefined;
    let properties: Expression | undefined;
    let where: Expression | undefined;
    if (this.acceptSymbol('[')) {
      const outerDetail = this.unexpectedDetail;
      this.unexpectedDetail = 'InvalidRelationshipPattern';
      if (this.isName() && !this.isKeyword('WHERE')) variable = this.parseVariable();
      if (this.acceptSymbol(':') || this.acceptKeyword('IS'))
        ({ types, dynamicTypes } = this.parseRelationshipTypes());
      if (this.acceptSymbol('*')) length = this.parseRange();
      this.unexpectedDetail = outerDetail;
      properties = this.parsePatternProperties();
      where = this.acceptKeyword('WHERE') ? this.parseExpression() : undefined;
      this.unexpectedDetail = 'InvalidRelationshipPattern';
      this.expectSymbol(']');
      this.unexpectedDetail = outerDetail;
    }
    this.expectSymbol('-');
    const right = this.acceptSymbol('>');
    const direction = left === right ? 'BOTH' : left ? 'INCOMING' : 'OUTGOING';
    const quantifierAt = this.current.start;
    const quantifier = this.parseRelationshipQuantifier();
    if (quantifier !== undefined) {
      if (length !== undefined) {
        this.failAt(
          quantifierAt,
          'A variable-length relationship (`*`) cannot also be quantified',
          'InvalidRelationshipPattern',
        );
      }
      length = quantifier;
      // In a quantified relationship the WHERE speaks of each relationship; the variable-length form
      // binds the variable to the list, so the predicate must hold for every element of it.
      if (where !== undefined && variable !== undefined) {
        where = { kind: 'Quantifier', pos: where.pos, quantifier: 'all', variable, list: variable, where };
      }
    }
    return {
      kind: 'RelationshipPattern',
      pos,
      variable,
      types,
      dynamicTypes,
      direction,
      length,
      properties,
      where,
    };
  }

  /**
   * A quantifier after a relationship pattern (Neo4j 5.9+ quantified relationships): `+` is one or more
   * hops, `*` zero or more, `{n}`, `{n,}`, `{,m}` and `{n,m}` bounded ones (`{,m}` from zero). The same as
   * the variable-length `*n..m` form, which is how the AST holds it.
   */
  private parseRelationshipQuantifier(): RangeQuantifier | undefined {
    if (this.acceptSymbol('+')) return { min: 1, max: undefined };
    if (this.acceptSymbol('*')) return { min: 0, max: undefined };
    if (!this.isSymbol('{') || (this.peek(1).type !== 'integer' && !this.isSymbol(',', 1))) return undefined;
    const start = this.advance().start;
    const min = this.parseRangeBound() ?? 0;
    let max: number | undefined = min;
    if (this.acceptSymbol(',')) max = this.parseRangeBound();
    this.expectSymbol('}');
    if (max !== undefined && max < min) {
      this.failAt(
        start,
        `A quantifier's upper bound (${max}) is below its lower bound (${min})`,
        'UnexpectedSyntax',
      );
    }
    return { min, max };
  }

  /**
   * `:A|B|:C|$(e)`: alternative relationship types, names or dynamic (`$(e)`, `$any(e)`); a disjunction
   * is all a relationship pattern can hold.
   */
  private parseRelationshipTypes(): { types: string[]; dynamicTypes: LabelDynamic[] } {
    const types: string[] = [];
    const dynamicTypes: LabelDynamic[] = [];
    for (;;) {
      const dynamic = this.parseDynamicLabel();
      if (dynamic === undefined) types.push(this.parseName('a relationship type name'));
      else dynamicTypes.push(dynamic);
      if (!this.acceptSymbol('|')) return { types, dynamicTypes };
      this.acceptSymbol(':');
    }
  }

  /** After `*`: nothing, `n`, `n..`, `..m` or `n..m`. */
  private parseRange(): RangeQuantifier {
    const min = this.parseRangeBound();
    if (!this.acceptSymbol('..')) return { min, max: min };
    return { min, max: this.parseRangeBound() };
  }

  private parseRangeBound(): number | undefined {
    if (this.current.type !== 'integer') return undefined;
    return Number(this.parseNumber(false, this.current.start).value);
  }

  /** Where the first `:A:B` colon conjunction since the last {@link takeColonConjunction} was parsed. */
  private colonConjunctionAt: number | undefined;

  /** The offset of the first colon conjunction parsed since the last call (INSERT refuses them). */
  protected takeColonConjunction(): number | undefined {
    const at = this.colonConjunctionAt;
    this.colonConjunctionAt = undefined;
    return at;
  }

  /**
   * Labels after the first `:` (or `IS`): `A:B` is a conjunction of colon-separated terms, each term a
   * full label expression.
   */
  protected parseLabelExpression(allowDisjunction = true): LabelExpression {
    const operands = [this.parseLabelOr(allowDisjunction)];
    while (this.isSymbol(':')) {
      this.colonConjunctionAt ??= this.current.start;
      this.advance();
      operands.push(this.parseLabelOr(allowDisjunction));
    }
    const [first] = operands;
    return operands.length === 1 && first !== undefined ? first : { kind: 'LabelAnd', operands };
  }

  /** `LabelExpression = Conjunction ('|' [':'] Conjunction)*` with `&`, `!`, `%` and parentheses. */
  private parseLabelOr(allowDisjunction = true): LabelExpression {
    const operands = [this.parseLabelAnd()];
    while (allowDisjunction && this.acceptSymbol('|')) {
      this.acceptSymbol(':');
      operands.push(this.parseLabelAnd());
    }
    const [first] = operands;
    return operands.length === 1 && first !== undefined ? first : { kind: 'LabelOr', operands };
  }

  private parseLabelAnd(): LabelExpression {
    const operands = [this.parseLabelNot()];
    while (this.acceptSymbol('&')) operands.push(this.parseLabelNot());
    const [first] = operands;
    return operands.length === 1 && first !== undefined ? first : { kind: 'LabelAnd', operands };
  }

  private parseLabelNot(): LabelExpression {
    const dynamic = this.parseDynamicLabel();
    if (dynamic !== undefined) return dynamic;
    if (this.acceptSymbol('!')) return { kind: 'LabelNot', operand: this.parseLabelNot() };
    if (this.acceptSymbol('%')) return { kind: 'LabelWildcard' };
    if (this.acceptSymbol('(')) {
      const inner = this.parseLabelOr();
      this.expectSymbol(')');
      return inner;
    }
    return { kind: 'LabelName', name: this.parseName('a label name') };
  }

  /** `$(expression)`, `$all(expression)` or `$any(expression)`: a dynamic label, or undefined if none is here. */
  protected parseDynamicLabel(): LabelDynamic | undefined {
    const token = this.current;
    let any = false;
    if (this.isSymbol('$') && this.isSymbol('(', 1)) {
      this.index += 2;
    } else if (token.type === 'parameter' && this.isSymbol('(', 1) && /^(any|all)$/i.test(token.value)) {
      any = token.value.toLowerCase() === 'any';
      this.index += 2;
    } else {
      return undefined;
    }
    const expression = this.parseExpression();
    this.expectSymbol(')');
    return { kind: 'LabelDynamic', expression, any };
  }
}
