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
  /**
   * The GQL path selector the part was written with (`shortest` is then undefined: it stands for the
   * shortestPath() functions only). Unlike the functions, a selector's paths are chosen before the MATCH's
   * WHERE applies: that WHERE filters the selected paths, it does not guide the search.
   */
  readonly selector?: PathSelector;
  readonly element: PatternElement;
}

/**
 * Which matching paths of each (first node, last node) pair a pattern part keeps: `SHORTEST k` the k
 * shortest (`ANY SHORTEST` is `SHORTEST 1`), `SHORTEST k GROUPS` every path whose length is one of the k
 * smallest (`ALL SHORTEST` is `SHORTEST 1 GROUPS`), `ANY k` any k of them (`ANY` is `ANY 1`). `ALL` keeps
 * every path: it is no selector.
 */
export interface PathSelector {
  readonly kind: 'SHORTEST' | 'SHORTEST GROUPS' | 'ANY';
  /** k: an integer literal or a parameter. */
  readonly count: Expression;
}

/**
 * A chain `node (connection node)*`: `nodes.length === relationships.length + 1`, connection i joins nodes
 * i and i + 1. A connection is a relationship pattern or a quantified path pattern. Quantified
 * relationships (`-[:R]->+`, `{1,3}`) are held as variable-length relationships. A quantified path pattern
 * at either end of the chain, or two of them side by side, get an anonymous node pattern juxtaposed.
 */
export interface PatternElement {
  readonly kind: 'PatternElement';
  readonly pos: number;
  readonly nodes: readonly NodePattern[];
  readonly relationships: readonly PatternConnection[];
}

/** What joins two node patterns of a chain. */
export type PatternConnection = RelationshipPattern | QuantifiedPathPattern;

/**
 * `((a)-[r:R]->(b) WHERE predicate){min,max}` (Neo4j 5.9+ / GQL quantified path patterns): the inner chain
 * repeated min..max times, each iteration's last node the next one's first. The node patterns juxtaposed
 * outside are the first iteration's first node and the last iteration's last node. Outside the pattern the
 * inner variables are group variables: lists of what each iteration bound.
 */
export interface QuantifiedPathPattern {
  readonly kind: 'QuantifiedPathPattern';
  readonly pos: number;
  /** The repeated chain: at least one relationship, none of them variable-length. */
  readonly element: PatternElement;
  readonly where: Expression | undefined;
  readonly min: number;
  /** Undefined for no upper bound (`+`, `*`, `{n,}`). */
  readonly max: number | undefined;
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
  /** Alternative types (`:A|B`, `:A|:B`); empty (and no dynamic ones) = any type. */
  readonly types: readonly string[];
  /**
   * `:$(expression)`, `:$any(expression)` (Neo4j 5.26 dynamic types), alternatives to `types`: the type is
   * the STRING the expression evaluates to, or (`$any`) one of the LIST<STRING>.
   */
  readonly dynamicTypes: readonly LabelDynamic[];
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
