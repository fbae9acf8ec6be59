import { assertNever } from '../../errors/index.js';
import type {
  BinaryOperator,
  Expression,
  LabelExpression,
  MapProjectionItem,
  PatternElement,
  PatternPart,
  Query,
} from '../ast/index.js';
import { printFloat, printFunctionName, printName, printString } from './names.js';
import { printCypherType } from './type-printer.js';

/** Binding strength of each precedence level, loosest first (the parser's levels). */
const Level = {
  or: 1,
  xor: 2,
  and: 3,
  not: 4,
  comparison: 5,
  predicate: 6,
  additive: 7,
  multiplicative: 8,
  power: 9,
  unary: 10,
  postfix: 11,
  atom: 12,
} as const;

const BINARY_LEVEL: Readonly<Record<BinaryOperator, number>> = {
  OR: Level.or,
  XOR: Level.xor,
  AND: Level.and,
  '=': Level.comparison,
  '<>': Level.comparison,
  '<': Level.comparison,
  '>': Level.comparison,
  '<=': Level.comparison,
  '>=': Level.comparison,
  '=~': Level.predicate,
  IN: Level.predicate,
  'STARTS WITH': Level.predicate,
  'ENDS WITH': Level.predicate,
  CONTAINS: Level.predicate,
  '+': Level.additive,
  '-': Level.additive,
  '||': Level.additive,
  '*': Level.multiplicative,
  '/': Level.multiplicative,
  '%': Level.multiplicative,
  '^': Level.power,
};

/**
 * Prints expressions as canonical Cypher with the fewest parentheses that keep the tree: a child is
 * wrapped only when it binds more loosely than its position requires. Comparisons are non-associative
 * (a comparison operand that is itself a comparison is wrapped), so printing never creates a chain.
 */
export abstract class ExpressionPrinter {
  protected abstract printPatternElement(element: PatternElement): string;
  protected abstract printPatternPart(part: PatternPart): string;
  protected abstract printQueryInline(query: Query): string;

  printExpression(expression: Expression, minimum = 0): string {
    const level = this.levelOf(expression);
    const text = this.printBare(expression);
    return level < minimum ? `(${text})` : text;
  }

  private levelOf(expression: Expression): number {
    const kind = expression.kind;
    if (kind === 'BinaryOperation') return BINARY_LEVEL[expression.operator];
    if (kind === 'UnaryOperation') return expression.operator === 'NOT' ? Level.not : Level.unary;
    if (kind === 'IsNull' || kind === 'IsTyped') return Level.predicate;
    if (kind === 'Literal') return isNegative(expression.value) ? Level.unary : Level.atom;
    const isPostfix =
      kind === 'PropertyAccess' || kind === 'Subscript' || kind === 'Slice' || kind === 'LabelCheck';
    return isPostfix ? Level.postfix : Level.atom;
  }

  private printBare(expression: Expression): string {
    switch (expression.kind) {
      case 'Literal':
        return printLiteral(expression.value);
      case 'ListLiteral':
        return `[${expression.elements.map((element) => this.printExpression(element)).join(', ')}]`;
      case 'MapLiteral':
        return this.printMap(expression.entries);
      case 'Parameter':
        return `$${/^[0-9]+$/.test(expression.name) ? expression.name : printName(expression.name)}`;
      case 'Variable':
        return printName(expression.name);
      case 'PropertyAccess':
        return `${this.printExpression(expression.subject, Level.postfix)}.${printName(expression.key)}`;
      case 'Subscript':
        return `${this.printExpression(expression.subject, Level.postfix)}[${this.printExpression(expression.index)}]`;
      case 'Slice': {
        const from = expression.from === undefined ? '' : this.printExpression(expression.from);
        const to = expression.to === undefined ? '' : this.printExpression(expression.to);
        return `${this.printExpression(expression.subject, Level.postfix)}[${from}..${to}]`;
      }
      case 'BinaryOperation': {
        const level = BINARY_LEVEL[expression.operator];
        const leftMinimum = level === Level.comparison ? level + 1 : level;
        const left = this.printExpression(expression.left, leftMinimum);
        return `${left} ${expression.operator} ${this.printExpression(expression.right, level + 1)}`;
      }
      case 'UnaryOperation':
        if (expression.operator === 'NOT')
          return `NOT ${this.printExpression(expression.operand, Level.not)}`;
        return `${expression.operator}${this.printUnaryOperand(expression.operand)}`;
      case 'IsNull':
        return `${this.printExpression(expression.operand, Level.predicate)} IS ${expression.negated ? 'NOT ' : ''}NULL`;
      case 'IsTyped':
        return `${this.printExpression(expression.operand, Level.predicate)} IS ${expression.negated ? 'NOT ' : ''}:: ${printCypherType(expression.type)}`;
      case 'LabelCheck':
        return `${this.printExpression(expression.subject, Level.postfix)}:${printLabelExpression(expression.labels, 'topNoBar', (inner) => this.printExpression(inner))}`;
      case 'FunctionCall': {
        const args = expression.args.map((arg) => this.printExpression(arg)).join(', ');
        return `${printFunctionName(expression.name)}(${expression.distinct ? 'DISTINCT ' : ''}${args})`;
      }
      case 'CountStar':
        return 'count(*)';
      case 'CaseExpression': {
        const parts = ['CASE'];
        if (expression.subject !== undefined) parts.push(this.printExpression(expression.subject));
        for (const { when, then } of expression.alternatives) {
          parts.push(`WHEN ${this.printExpression(when)} THEN ${this.printExpression(then)}`);
        }
        if (expression.otherwise !== undefined)
          parts.push(`ELSE ${this.printExpression(expression.otherwise)}`);
        return `${parts.join(' ')} END`;
      }
      case 'ListComprehension': {
        const where =
          expression.where === undefined ? '' : ` WHERE ${this.printExpression(expression.where)}`;
        const projection =
          expression.projection === undefined ? '' : ` | ${this.printExpression(expression.projection)}`;
        return `[${printName(expression.variable.name)} IN ${this.printExpression(expression.list)}${where}${projection}]`;
      }
      case 'PatternComprehension': {
        const path =
          expression.pathVariable === undefined ? '' : `${printName(expression.pathVariable.name)} = `;
        const where =
          expression.where === undefined ? '' : ` WHERE ${this.printExpression(expression.where)}`;
        return `[${path}${this.printPatternElement(expression.pattern)}${where} | ${this.printExpression(expression.projection)}]`;
      }
      case 'Quantifier': {
        const where =
          expression.where === undefined ? '' : ` WHERE ${this.printExpression(expression.where)}`;
        return `${expression.quantifier}(${printName(expression.variable.name)} IN ${this.printExpression(expression.list)}${where})`;
      }
      case 'Reduce':
        return `reduce(${printName(expression.accumulator.name)} = ${this.printExpression(expression.init)}, ${printName(expression.variable.name)} IN ${this.printExpression(expression.list)} | ${this.printExpression(expression.expression)})`;
      case 'MapProjection':
        return `${printName(expression.subject.name)} {${expression.items.map((item) => this.printMapProjectionItem(item)).join(', ')}}`;
      case 'PatternPredicate':
        return this.printPatternElement(expression.pattern);
      case 'ShortestPathExpression':
        return this.printPatternPart(expression.part);
      case 'ExistsSubquery':
      case 'CountSubquery': {
        const keyword = expression.kind === 'ExistsSubquery' ? 'EXISTS' : 'COUNT';
        if (expression.query !== undefined)
          return `${keyword} { ${this.printQueryInline(expression.query)} }`;
        const pattern = (expression.pattern ?? []).map((part) => this.printPatternPart(part)).join(', ');
        const where =
          expression.where === undefined ? '' : ` WHERE ${this.printExpression(expression.where)}`;
        return `${keyword} { ${pattern}${where} }`;
      }
      case 'CollectSubquery':
        return `COLLECT { ${this.printQueryInline(expression.query)} }`;
      default:
        return assertNever(expression, 'expression');
    }
  }

  /** After a unary sign: wrapped when it starts with a sign itself, so `- -1` never prints as `--1`. */
  private printUnaryOperand(operand: Expression): string {
    const text = this.printExpression(operand, Level.unary);
    return text.startsWith('-') || text.startsWith('+') ? ` ${text}` : text;
  }

  protected printMap(entries: readonly { readonly key: string; readonly value: Expression }[]): string {
    return `{${entries.map(({ key, value }) => `${printName(key)}: ${this.printExpression(value)}`).join(', ')}}`;
  }

  private printMapProjectionItem(item: MapProjectionItem): string {
    switch (item.kind) {
      case 'PropertySelector':
        return `.${printName(item.key)}`;
      case 'AllPropertiesSelector':
        return '.*';
      case 'VariableSelector':
        return printName(item.variable.name);
      case 'LiteralEntry':
        return `${printName(item.key)}: ${this.printExpression(item.value)}`;
      default:
        return assertNever(item, 'map projection item');
    }
  }
}

function isNegative(value: unknown): boolean {
  return (
    (typeof value === 'bigint' && value < 0n) ||
    (typeof value === 'number' && (value < 0 || Object.is(value, -0)))
  );
}

function printLiteral(value: null | boolean | bigint | number | string): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return printFloat(value);
  return printString(value);
}

/**
 * Where a label expression is printed: `top` (a pattern's labels), `topNoBar` (an expression's label check,
 * where `|` may end a comprehension, so a disjunction is wrapped), `or` (an operand of `|`), `tight` (an
 * operand of `&` or `!`). Conjunctions of plain names print in the familiar `A:B` form at the top.
 */
export type LabelContext = 'top' | 'topNoBar' | 'or' | 'tight';

/** A label expression as Cypher source (without the leading colon). */
export function printLabelExpression(
  labels: LabelExpression,
  context: LabelContext = 'top',
  printInner: (expression: Expression) => string = () => '…',
): string {
  const recurse = (operand: LabelExpression, inner: LabelContext): string =>
    printLabelExpression(operand, inner, printInner);
  switch (labels.kind) {
    case 'LabelName':
      return printName(labels.name);
    case 'LabelWildcard':
      return '%';
    case 'LabelNot':
      return `!${recurse(labels.operand, 'tight')}`;
    case 'LabelAnd': {
      const atTop = context === 'top' || context === 'topNoBar';
      if (atTop && labels.operands.every((operand) => operand.kind === 'LabelName')) {
        return labels.operands.map((operand) => recurse(operand, 'top')).join(':');
      }
      const text = labels.operands.map((operand) => recurse(operand, 'tight')).join('&');
      return context === 'tight' ? `(${text})` : text;
    }
    case 'LabelOr': {
      const text = labels.operands.map((operand) => recurse(operand, 'or')).join('|');
      return context === 'topNoBar' || context === 'tight' ? `(${text})` : text;
    }
    case 'LabelDynamic':
      return `$${labels.any ? 'any' : ''}(${printInner(labels.expression)})`;
    default:
      return assertNever(labels, 'label expression');
  }
}
