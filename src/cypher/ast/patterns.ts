import type { Expression, Variable } from './expressions.js';

/** A comma-separated list of path patterns (`MATCH (a)-->(b), (c)`). */
export interface Pattern {
  readonly kind: 'Pattern';
  readonly pos: number;
  readonly parts: readonly PatternPart[];
}

/**
 * One path pattern, optionally named (`p = (a)-->(b)`) and optionally wrapped in `shortestPath(…)` /
 * `allShortestPaths(…)` (or the GQL forms `SHORTEST 1` / `ALL SHORTEST`, normalised to these two).
 */
export interface PatternPart {
  readonly kind: 'PatternPart';
  readonly pos: number;
  readonly variable: Variable | undefined;
  readonly shortest: 'shortestPath' | 'allShortestPaths' | undefined;
  readonly element: PatternElement;
}

/**
 * A chain `node (rel node)*`: `nodes.length === relationships.length + 1`, relationship i joins nodes i and
 * i + 1. Quantified relationships (`-[:R]->+`, `{1,3}`) are held as variable-length ones; quantified path
 * patterns (`((a)-[:R]->(b)){1,3}`) are not in the AST yet: the parser reports them as unsupported syntax.
 */
export interface PatternElement {
  readonly kind: 'PatternElement';
  readonly pos: number;
  readonly nodes: readonly NodePattern[];
  readonly relationships: readonly RelationshipPattern[];
}

/** `(variable:Labels {properties} WHERE predicate)`. */
export interface NodePattern {
  readonly kind: 'NodePattern';
  readonly pos: number;
  readonly variable: Variable | undefined;
  readonly labels: LabelExpression | undefined;
  /** A map literal or a parameter. */
  readonly properties: Expression | undefined;
  readonly where: Expression | undefined;
}

/** Range of a variable-length relationship: `*` = {min: undefined, max: undefined}, `*2` = {2, 2}, `*..3`. */
export interface RangeQuantifier {
  readonly min: number | undefined;
  readonly max: number | undefined;
}

/** `-[variable:T1|T2 *1..3 {properties} WHERE predicate]->`. */
export interface RelationshipPattern {
  readonly kind: 'RelationshipPattern';
  readonly pos: number;
  readonly variable: Variable | undefined;
  /** Alternative types (`:A|B`, `:A|:B`); empty = any type. */
  readonly types: readonly string[];
  /** `OUTGOING` for `-->`, `INCOMING` for `<--`, `BOTH` for `--` (and `<-->`). */
  readonly direction: 'OUTGOING' | 'INCOMING' | 'BOTH';
  /** Undefined for a single hop. */
  readonly length: RangeQuantifier | undefined;
  readonly properties: Expression | undefined;
  readonly where: Expression | undefined;
}

/**
 * Label expressions: `:A:B` and `:A&B` are `LabelAnd`, `:A|B` is `LabelOr`, `!A` is `LabelNot`, `%` is
 * `LabelWildcard`. A single label is a `LabelName`.
 */
export type LabelExpression =
  | { readonly kind: 'LabelName'; readonly name: string }
  | { readonly kind: 'LabelAnd'; readonly operands: readonly LabelExpression[] }
  | { readonly kind: 'LabelOr'; readonly operands: readonly LabelExpression[] }
  | { readonly kind: 'LabelNot'; readonly operand: LabelExpression }
  | { readonly kind: 'LabelWildcard' }
  | LabelDynamic;

/**
 * `$(expression)`, `$all(expression)` or `$any(expression)` (Neo4j 5.26 dynamic labels): the labels a STRING
 * or LIST<STRING> evaluates to, each row; all of them required, or with `any` one of them.
 */
export interface LabelDynamic {
  readonly kind: 'LabelDynamic';
  readonly expression: Expression;
  readonly any: boolean;
}
