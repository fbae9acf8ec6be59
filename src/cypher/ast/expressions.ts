import type { CypherValue } from '../../values/index.js';
import type { CypherType } from './cypher-types.js';
import type { LabelExpression, PatternElement, PatternPart } from './patterns.js';
import type { Query } from './statements.js';

/**
 * Expressions of openCypher (the `Expression` production and everything below it). Every node carries `pos`,
 * the 0-based offset of its first character in the query text; errors turn it into line and column.
 */
export type Expression =
  | Literal
  | ListLiteral
  | MapLiteral
  | Parameter
  | Variable
  | PropertyAccess
  | Subscript
  | Slice
  | BinaryOperation
  | UnaryOperation
  | IsNull
  | IsTyped
  | LabelCheck
  | FunctionCall
  | CountStar
  | CaseExpression
  | ListComprehension
  | PatternComprehension
  | Quantifier
  | Reduce
  | MapProjection
  | PatternPredicate
  | ShortestPathExpression
  | ExistsSubquery
  | CountSubquery
  | CollectSubquery;

/** `null`, `true`/`false`, an INTEGER (bigint), a FLOAT (number) or a STRING, already unescaped. */
export interface Literal {
  readonly kind: 'Literal';
  readonly pos: number;
  readonly value: null | boolean | bigint | number | string;
}

export interface ListLiteral {
  readonly kind: 'ListLiteral';
  readonly pos: number;
  readonly elements: readonly Expression[];
}

export interface MapLiteral {
  readonly kind: 'MapLiteral';
  readonly pos: number;
  /** In source order; duplicate keys are kept (the semantic check reports them). */
  readonly entries: readonly MapEntry[];
}

export interface MapEntry {
  readonly key: string;
  readonly value: Expression;
}

/** `$name` or `$0`. */
export interface Parameter {
  readonly kind: 'Parameter';
  readonly pos: number;
  readonly name: string;
}

/** A variable reference; `name` is unescaped (`` `a b` `` -> `a b`). */
export interface Variable {
  readonly kind: 'Variable';
  readonly pos: number;
  readonly name: string;
}

/** `subject.key`. */
export interface PropertyAccess {
  readonly kind: 'PropertyAccess';
  readonly pos: number;
  readonly subject: Expression;
  readonly key: string;
}

/** `subject[index]` (list index or dynamic map/property key). */
export interface Subscript {
  readonly kind: 'Subscript';
  readonly pos: number;
  readonly subject: Expression;
  readonly index: Expression;
}

/** `subject[from..to]`, either bound optional. */
export interface Slice {
  readonly kind: 'Slice';
  readonly pos: number;
  readonly subject: Expression;
  readonly from: Expression | undefined;
  readonly to: Expression | undefined;
}

export type BinaryOperator =
  | 'OR'
  | 'XOR'
  | 'AND'
  | '='
  | '<>'
  | '<'
  | '>'
  | '<='
  | '>='
  | '=~'
  | 'IN'
  | 'STARTS WITH'
  | 'ENDS WITH'
  | 'CONTAINS'
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | '^'
  | '||';

/**
 * A binary operation. Chained comparisons (`a < b < c`) are parsed as `(a < b) AND (b < c)` with the middle
 * operand shared (the same object), as openCypher specifies.
 */
export interface BinaryOperation {
  readonly kind: 'BinaryOperation';
  readonly pos: number;
  readonly operator: BinaryOperator;
  readonly left: Expression;
  readonly right: Expression;
}

export interface UnaryOperation {
  readonly kind: 'UnaryOperation';
  readonly pos: number;
  readonly operator: 'NOT' | '-' | '+';
  readonly operand: Expression;
}

/** `operand IS NULL` or, with `negated`, `IS NOT NULL`. */
export interface IsNull {
  readonly kind: 'IsNull';
  readonly pos: number;
  readonly operand: Expression;
  readonly negated: boolean;
}

/**
 * A type predicate: `operand IS :: type`, `operand :: type` or `operand IS TYPED type`, and with `negated`
 * `IS NOT :: type` / `IS NOT TYPED type`. Never null: null is of every type that does not say NOT NULL.
 */
export interface IsTyped {
  readonly kind: 'IsTyped';
  readonly pos: number;
  readonly operand: Expression;
  readonly negated: boolean;
  readonly type: CypherType;
}

/** `n:A:B` or `n:A|B` in an expression: labels of a node, or the type of a relationship. */
export interface LabelCheck {
  readonly kind: 'LabelCheck';
  readonly pos: number;
  readonly subject: Expression;
  readonly labels: LabelExpression;
}

/**
 * A function call; `name` keeps its namespace and source spelling (`toUpper`, `date.truncate`), lookups are
 * case-insensitive. `distinct` is set by `count(DISTINCT x)`.
 */
export interface FunctionCall {
  readonly kind: 'FunctionCall';
  readonly pos: number;
  readonly name: string;
  readonly distinct: boolean;
  readonly args: readonly Expression[];
}

/** `count(*)`. */
export interface CountStar {
  readonly kind: 'CountStar';
  readonly pos: number;
}

/** Simple form (`CASE x WHEN 1 THEN …`) when `subject` is set, generic form otherwise. */
export interface CaseExpression {
  readonly kind: 'CaseExpression';
  readonly pos: number;
  readonly subject: Expression | undefined;
  readonly alternatives: readonly CaseAlternative[];
  readonly otherwise: Expression | undefined;
}

export interface CaseAlternative {
  readonly when: Expression;
  readonly then: Expression;
}

/** `[variable IN list WHERE predicate | projection]`. */
export interface ListComprehension {
  readonly kind: 'ListComprehension';
  readonly pos: number;
  readonly variable: Variable;
  readonly list: Expression;
  readonly where: Expression | undefined;
  readonly projection: Expression | undefined;
}

/** `[p = (a)-->(b) WHERE predicate | projection]`. */
export interface PatternComprehension {
  readonly kind: 'PatternComprehension';
  readonly pos: number;
  readonly pathVariable: Variable | undefined;
  readonly pattern: PatternElement;
  readonly where: Expression | undefined;
  readonly projection: Expression;
}

/** `all(x IN list WHERE p)`, `any`, `none`, `single`. */
export interface Quantifier {
  readonly kind: 'Quantifier';
  readonly pos: number;
  readonly quantifier: 'all' | 'any' | 'none' | 'single';
  readonly variable: Variable;
  readonly list: Expression;
  readonly where: Expression | undefined;
}

/** `reduce(accumulator = init, variable IN list | expression)`. */
export interface Reduce {
  readonly kind: 'Reduce';
  readonly pos: number;
  readonly accumulator: Variable;
  readonly init: Expression;
  readonly variable: Variable;
  readonly list: Expression;
  readonly expression: Expression;
}

/** `subject { .key, key: expr, variable, .* }`. */
export interface MapProjection {
  readonly kind: 'MapProjection';
  readonly pos: number;
  readonly subject: Variable;
  readonly items: readonly MapProjectionItem[];
}

export type MapProjectionItem =
  | { readonly kind: 'PropertySelector'; readonly key: string }
  | { readonly kind: 'AllPropertiesSelector' }
  | { readonly kind: 'VariableSelector'; readonly variable: Variable }
  | { readonly kind: 'LiteralEntry'; readonly key: string; readonly value: Expression };

/** A relationship pattern used as a predicate: `WHERE (a)-[:T]->()`. True when at least one match exists. */
export interface PatternPredicate {
  readonly kind: 'PatternPredicate';
  readonly pos: number;
  readonly pattern: PatternElement;
}

/** `shortestPath((a)-[*]-(b))` or `allShortestPaths(…)` used as an expression. */
export interface ShortestPathExpression {
  readonly kind: 'ShortestPathExpression';
  readonly pos: number;
  readonly part: PatternPart;
}

/**
 * `EXISTS { … }`: either a full query (`query`) or the short form of a pattern with an optional WHERE
 * (`pattern`, `where`); exactly one of `query` / `pattern` is set. The same shape serves COUNT and COLLECT.
 */
export interface ExistsSubquery {
  readonly kind: 'ExistsSubquery';
  readonly pos: number;
  readonly query: Query | undefined;
  readonly pattern: readonly PatternPart[] | undefined;
  readonly where: Expression | undefined;
}

export interface CountSubquery {
  readonly kind: 'CountSubquery';
  readonly pos: number;
  readonly query: Query | undefined;
  readonly pattern: readonly PatternPart[] | undefined;
  readonly where: Expression | undefined;
}

/** `COLLECT { … RETURN x }`: always a full query returning one column. */
export interface CollectSubquery {
  readonly kind: 'CollectSubquery';
  readonly pos: number;
  readonly query: Query;
}

/** Values a literal can hold (for code that folds constants). */
export type LiteralValue = Extract<CypherValue, null | boolean | bigint | number | string>;
