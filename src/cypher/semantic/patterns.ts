import type {
  Expression,
  LabelExpression,
  NodePattern,
  PathSelector,
  PatternElement,
  PatternPart,
  QuantifiedPathPattern,
  RelationshipPattern,
  Variable,
} from '../ast/index.js';
import type { AnalysisContext } from './context.js';
import { checkExpression, checkPredicate, type ExpressionEnv } from './expressions.js';
import type { Scope } from './scope.js';
import { NODE, PATH, RELATIONSHIP, TypeBits, listOf, mayBe, typeName, type StaticType } from './types.js';
import { dynamicLabelExpressions } from './label-leaves.js';
import { unexpectedSyntax } from './semantic-error.js';

/**
 * How a pattern is used. `create` and `merge` bind new entities (so re-using a bound variable with new
 * labels or properties is VariableAlreadyBound, and relationships need one type and, for CREATE, a
 * direction); `match` and `expression` only constrain; a `predicate` (a pattern used as a WHERE
 * predicate) may not introduce new variables at all (TCK Pattern1 [10]).
 */
export type PatternMode = 'match' | 'create' | 'merge' | 'expression' | 'predicate';

/**
 * Binds the variables of a comma-separated pattern and checks them (openCypher TCK Match1-6, Create1-2,
 * Merge1-5): a node variable must not already hold a relationship, path or value (VariableTypeConflict),
 * a path variable must be new (VariableAlreadyBound), a relationship variable appears once per pattern.
 * Property maps and inline WHERE predicates are checked in the scope with every variable of the pattern.
 * @returns `scope` extended with the pattern's variables.
 */
export function bindPattern(
  ctx: AnalysisContext,
  parts: readonly PatternPart[],
  scope: Scope,
  mode: PatternMode,
): Scope {
  const binder = new PatternBinder(ctx, scope, mode);
  for (const part of parts) binder.bindPart(part);
  binder.checkDeferred();
  return binder.scope;
}

class PatternBinder {
  scope: Scope;
  readonly #ctx: AnalysisContext;
  readonly #mode: PatternMode;
  readonly #outer: Scope;
  /** Relationship variables bound by this pattern (each may appear only once). */
  readonly #relationships = new Set<string>();
  readonly #deferred: { expression: Expression; predicate: boolean }[] = [];

  constructor(ctx: AnalysisContext, scope: Scope, mode: PatternMode) {
    this.#ctx = ctx;
    this.#mode = mode;
    this.#outer = scope;
    this.scope = scope;
  }

  bindPart(part: PatternPart): void {
    const { nodes, relationships } = part.element;
    if (part.selector !== undefined) this.#checkSelector(part.selector, part.pos);
    const pathName = part.variable?.name;
    if (part.variable !== undefined && pathName !== undefined) {
      const usedInside = variablesOfElement(part.element).has(pathName);
      if (this.scope.has(pathName) || usedInside) {
        throw this.#ctx.error(
          'VariableAlreadyBound',
          `Variable \`${pathName}\` already declared`,
          part.variable.pos,
        );
      }
    }
    const single = relationships.length === 0;
    const quantified = relationships.find((r) => r.kind === 'QuantifiedPathPattern');
    const dynamic = relationships.find((r) => r.kind === 'RelationshipPattern' && r.dynamicTypes.length > 0);
    if (dynamic !== undefined && part.shortest !== undefined) {
      throw unexpectedSyntax(
        this.#ctx.text,
        'Dynamic relationship types are not supported in shortestPath or allShortestPaths ' +
          '(a GQL selector such as SHORTEST 1 takes them)',
        dynamic.pos,
      );
    }
    if (quantified !== undefined && part.shortest !== undefined) {
      throw unexpectedSyntax(
        this.#ctx.text,
        'Quantified path patterns are not allowed in shortestPath or allShortestPaths ' +
          '(a GQL selector such as SHORTEST 1 takes them)',
        quantified.pos,
      );
    }
    nodes.forEach((node) => {
      this.#bindNode(node, single);
    });
    for (const relationship of relationships) {
      if (relationship.kind === 'QuantifiedPathPattern') this.#bindQuantified(relationship);
      else this.#bindRelationship(relationship);
    }
    if (part.variable !== undefined) this.scope = this.scope.bind(part.variable.name, PATH);
  }

  checkDeferred(): void {
    const env: ExpressionEnv = { ctx: this.#ctx, scope: this.scope, aggregation: 'forbidden' };
    for (const { expression, predicate } of this.#deferred) {
      if (predicate) checkPredicate(expression, env);
      else checkExpression(expression, env);
    }
  }

  #bindNode(node: NodePattern, single: boolean): void {
    this.#defer(node.properties, node.where);
    for (const expression of dynamicLabelExpressions(node.labels)) {
      this.#deferred.push({ expression, predicate: false });
    }
    if ((this.#mode === 'create' || this.#mode === 'merge') && !isLabelConjunction(node.labels)) {
      throw unexpectedSyntax(
        this.#ctx.text,
        `${this.#mode.toUpperCase()} can only give a node a conjunction of labels (\`:A:B\`, \`:A&B\`, \`:$(…)\`), ` +
          'not a disjunction, a negation, a wildcard or $any(…)',
        node.pos,
      );
    }
    const variable = node.variable;
    if (variable === undefined) return;
    const existing = this.scope.lookup(variable.name);
    if (existing === undefined) {
      this.#introduce(variable.name, variable.pos);
      this.scope = this.scope.bind(variable.name, NODE);
      return;
    }
    this.#expectType(existing, TypeBits.Node, 'Node', variable.name, variable.pos);
    if (this.#mode !== 'create' && this.#mode !== 'merge') return;
    const decorated = node.labels !== undefined || node.properties !== undefined;
    if (decorated) {
      throw this.#ctx.error(
        'VariableAlreadyBound',
        `Can't create node \`${variable.name}\` with labels or properties here. The variable is already declared in this context`,
        variable.pos,
      );
    }
    if (single) {
      throw this.#ctx.error(
        'VariableAlreadyBound',
        `Variable \`${variable.name}\` already declared`,
        variable.pos,
      );
    }
  }

  /** A path selector selects among matches: not in CREATE or MERGE; its k a positive integer or a parameter. */
  #checkSelector(selector: PathSelector, pos: number): void {
    if (this.#mode === 'create' || this.#mode === 'merge') {
      throw unexpectedSyntax(
        this.#ctx.text,
        `Path selectors are not allowed in ${this.#mode.toUpperCase()}`,
        pos,
      );
    }
    const count = selector.count;
    if (count.kind === 'Parameter') {
      this.#deferred.push({ expression: count, predicate: false });
      return;
    }
    if (count.kind !== 'Literal' || typeof count.value !== 'bigint' || count.value < 1n) {
      throw unexpectedSyntax(
        this.#ctx.text,
        'The number of paths or groups a path selector keeps must be a positive integer',
        pos,
      );
    }
  }

  /**
   * A quantified path pattern: its variables are new (not bound before, nor elsewhere in the pattern), its
   * predicates see them one iteration at a time (and the variables of earlier clauses), and outside it they
   * are group variables, lists of what each iteration bound.
   */
  #bindQuantified(quantified: QuantifiedPathPattern): void {
    if (this.#mode === 'create' || this.#mode === 'merge') {
      throw unexpectedSyntax(
        this.#ctx.text,
        `Quantified path patterns are not allowed in ${this.#mode.toUpperCase()}`,
        quantified.pos,
      );
    }
    let inner = this.#outer;
    const groups = new Map<string, StaticType>();
    const declare = (variable: Variable | undefined, type: StaticType): void => {
      if (variable === undefined) return;
      const { name, pos } = variable;
      // A node variable may repeat inside the pattern (`((a)-->(a))`); nothing else may.
      if (type === NODE && groups.get(name) === NODE) return;
      if (this.scope.has(name) || groups.has(name)) {
        throw this.#ctx.error(
          'VariableAlreadyBound',
          `Variable \`${name}\` already declared: a variable of a quantified path pattern must not be bound anywhere else`,
          pos,
        );
      }
      this.#introduce(name, pos);
      inner = inner.bind(name, type);
      groups.set(name, type);
    };
    const { nodes, relationships } = quantified.element;
    for (const node of nodes) declare(node.variable, NODE);
    for (const relationship of relationships) {
      if (relationship.kind === 'RelationshipPattern') declare(relationship.variable, RELATIONSHIP);
    }
    const env: ExpressionEnv = { ctx: this.#ctx, scope: inner, aggregation: 'forbidden' };
    const check = (expression: Expression | undefined, predicate: boolean): void => {
      if (expression === undefined) return;
      if (predicate) checkPredicate(expression, env);
      else checkExpression(expression, env);
    };
    for (const node of nodes) {
      check(node.properties, false);
      check(node.where, true);
      for (const expression of dynamicLabelExpressions(node.labels)) check(expression, false);
    }
    for (const relationship of relationships) {
      if (relationship.kind !== 'RelationshipPattern') continue;
      check(relationship.properties, false);
      check(relationship.where, true);
      for (const dynamic of relationship.dynamicTypes) check(dynamic.expression, false);
    }
    check(quantified.where, true);
    for (const [name, type] of groups) {
      if (type === RELATIONSHIP) this.#relationships.add(name);
      this.scope = this.scope.bind(name, listOf(type));
    }
  }

  #bindRelationship(relationship: RelationshipPattern): void {
    const variable = relationship.variable;
    const creating = this.#mode === 'create' || this.#mode === 'merge';
    // Re-creating a bound relationship is reported before any shape problem (TCK Create2 [23], Merge5 [26]).
    if (creating && variable !== undefined && this.#outer.has(variable.name)) {
      throw this.#ctx.error(
        'VariableAlreadyBound',
        `Variable \`${variable.name}\` already declared`,
        variable.pos,
      );
    }
    this.#checkShape(relationship);
    this.#defer(relationship.properties, relationship.where);
    for (const dynamic of relationship.dynamicTypes) {
      this.#deferred.push({ expression: dynamic.expression, predicate: false });
    }
    if (variable === undefined) return;
    const name = variable.name;
    const varLength = relationship.length !== undefined;
    const existing = this.scope.lookup(name);
    if (existing === undefined) this.#introduce(name, variable.pos);
    else {
      if (varLength) this.#expectType(existing, TypeBits.List, 'List<Relationship>', name, variable.pos);
      else this.#expectType(existing, TypeBits.Relationship, 'Relationship', name, variable.pos);
      if (creating || this.#relationships.has(name) || !this.#outer.has(name)) {
        throw this.#ctx.error('VariableAlreadyBound', `Variable \`${name}\` already declared`, variable.pos);
      }
    }
    this.#relationships.add(name);
    this.scope = this.scope.bind(name, varLength ? listOf(RELATIONSHIP) : RELATIONSHIP);
  }

  /** Rules on the relationship itself: ranges, and what CREATE/MERGE can build. */
  #checkShape(relationship: RelationshipPattern): void {
    const { length } = relationship;
    if (length !== undefined && ((length.min ?? 0) < 0 || (length.max ?? 0) < 0)) {
      throw this.#ctx.error(
        'InvalidRelationshipPattern',
        'Invalid relationship pattern: negative bound',
        relationship.pos,
      );
    }
    if (this.#mode !== 'create' && this.#mode !== 'merge') return;
    const clause = this.#mode === 'create' ? 'CREATE' : 'MERGE';
    if (length !== undefined) {
      throw this.#ctx.error(
        'CreatingVarLength',
        `Variable length relationships cannot be used in ${clause}`,
        relationship.pos,
      );
    }
    if (relationship.dynamicTypes.some((dynamic) => dynamic.any)) {
      throw unexpectedSyntax(
        this.#ctx.text,
        `${clause} needs one relationship type: \`$any(…)\` offers several`,
        relationship.pos,
      );
    }
    if (relationship.types.length + relationship.dynamicTypes.length !== 1) {
      throw this.#ctx.error(
        'NoSingleRelationshipType',
        `Exactly one relationship type must be specified for ${clause}. Did you forget to prefix your relationship type with a ':'?`,
        relationship.pos,
      );
    }
    if (this.#mode === 'create' && relationship.direction === 'BOTH') {
      throw this.#ctx.error(
        'RequiresDirectedRelationship',
        'Only directed relationships are supported in CREATE',
        relationship.pos,
      );
    }
  }

  /** A pattern used as a predicate only tests bound variables; a new one is undefined. */
  #introduce(name: string, pos: number): void {
    if (this.#mode === 'predicate') {
      throw this.#ctx.error('UndefinedVariable', `Variable \`${name}\` not defined`, pos);
    }
  }

  #expectType(existing: StaticType, bits: number, expected: string, name: string, pos: number): void {
    if (mayBe(existing, bits)) return;
    throw this.#ctx.error(
      'VariableTypeConflict',
      `Type mismatch: \`${name}\` defined with conflicting type ${typeName(existing)} (expected ${expected})`,
      pos,
    );
  }

  #defer(properties: Expression | undefined, where: Expression | undefined): void {
    if (properties !== undefined) {
      if (properties.kind === 'Parameter' && (this.#mode === 'match' || this.#mode === 'merge')) {
        throw this.#ctx.error(
          'InvalidParameterUse',
          'Parameter maps cannot be used in MATCH patterns (use a literal map instead, e.g. "{id: $param.id}")',
          properties.pos,
        );
      }
      this.#deferred.push({ expression: properties, predicate: false });
    }
    if (where !== undefined) this.#deferred.push({ expression: where, predicate: true });
  }
}

/** The named node and relationship variables of a chain, quantified path patterns included. */
function variablesOfElement(element: PatternElement): Set<string> {
  const names = new Set<string>();
  for (const node of element.nodes) if (node.variable !== undefined) names.add(node.variable.name);
  for (const connection of element.relationships) {
    if (connection.kind === 'QuantifiedPathPattern') {
      for (const name of variablesOfElement(connection.element)) names.add(name);
    } else if (connection.variable !== undefined) names.add(connection.variable.name);
  }
  return names;
}

/** `:A`, `:A:B`, `:A&B`, `:$(…)` and mixes of them: the labels a created node can be given. */
function isLabelConjunction(labels: LabelExpression | undefined): boolean {
  if (labels === undefined || labels.kind === 'LabelName') return true;
  if (labels.kind === 'LabelDynamic') return !labels.any;
  return labels.kind === 'LabelAnd' && labels.operands.every(isLabelConjunction);
}
