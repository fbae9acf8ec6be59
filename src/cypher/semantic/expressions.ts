import { assertNever } from '../../errors/index.js';
import type { Expression, FunctionCall, MapProjection } from '../ast/index.js';
import { isConstantLiteral } from '../parser/constant-literals.js';
import type { AnalysisContext } from './context.js';
import { findFunction } from './known-functions.js';
import { acceptedOperands, binaryResultType } from './operator-types.js';
import { unexpectedSyntax } from './semantic-error.js';
import type { Scope } from './scope.js';
import {
  ANY,
  BOOLEAN,
  FLOAT,
  INTEGER,
  LIST_ANY,
  MAP,
  PATH,
  PROPERTY_HOLDERS,
  STRING,
  TypeBits,
  elementOf,
  listOf,
  mayBe,
  typeName,
  union,
  type StaticType,
} from './types.js';
import { dynamicLabelExpressions } from './label-leaves.js';

/**
 * Where aggregating functions may appear: `allowed` at the top of a WITH/RETURN item, `inside` within
 * the arguments of another aggregate (NestedAggregation), `forbidden` everywhere else (InvalidAggregation).
 */
export type AggregationMode = 'allowed' | 'inside' | 'forbidden';

export interface ExpressionEnv {
  readonly ctx: AnalysisContext;
  readonly scope: Scope;
  readonly aggregation: AggregationMode;
  /**
   * True at the root of a WHERE predicate and below boolean connectives: the only places a pattern may
   * be used as a predicate (`RETURN (n)-->()` and `size((n)-->())` are syntax errors, TCK Pattern1, List6).
   */
  readonly predicatePosition?: boolean;
}

/**
 * Checks one expression: every variable is defined (UndefinedVariable), aggregates appear only where
 * allowed, functions exist with the right number of arguments, and operands whose static type can never
 * be valid are rejected (InvalidArgumentType). Records parameters. Returns the expression's static type.
 * @throws CypherSemanticError / CypherTypeError with the TCK detail.
 */
export function checkExpression(expression: Expression, env: ExpressionEnv): StaticType {
  // Literals (and lists and maps of them) have nothing to check: only their type is needed.
  if (isConstantLiteral(expression)) return constantType(expression);
  const { ctx } = env;
  const inner: ExpressionEnv = { ctx, scope: env.scope, aggregation: env.aggregation };
  const sub = (e: Expression): StaticType => checkExpression(e, inner);
  const connective = (e: Expression): StaticType =>
    checkExpression(e, env.predicatePosition === true ? env : inner);
  switch (expression.kind) {
    case 'Literal':
      return literalType(expression.value);
    case 'ListLiteral': {
      let element: StaticType | undefined;
      for (const e of expression.elements) {
        const t = sub(e);
        element = element === undefined ? t : union(element, t);
      }
      return element === undefined ? LIST_ANY : listOf(element);
    }
    case 'MapLiteral':
      for (const entry of expression.entries) sub(entry.value);
      return MAP;
    case 'Parameter':
      ctx.parameters.add(expression.name);
      return ANY;
    case 'Variable': {
      const type = env.scope.lookup(expression.name);
      if (type === undefined) {
        throw ctx.error('UndefinedVariable', `Variable \`${expression.name}\` not defined`, expression.pos);
      }
      return type;
    }
    case 'PropertyAccess': {
      const subject = sub(expression.subject);
      if (!mayBe(subject, PROPERTY_HOLDERS)) {
        const message = `Type mismatch: expected Map, Node, Relationship, Point, Duration, Date, Time, LocalTime, LocalDateTime or DateTime but was ${typeName(subject)}`;
        // The TCK reports graph types (a path) as a SyntaxError and plain values as a TypeError.
        throw subject.mask === TypeBits.Path
          ? ctx.error('InvalidArgumentType', message, expression.subject.pos)
          : ctx.typeError(message, expression.subject.pos);
      }
      return ANY;
    }
    case 'Subscript': {
      const subject = sub(expression.subject);
      sub(expression.index);
      return subject.mask === TypeBits.List ? elementOf(subject) : ANY;
    }
    case 'Slice': {
      const subject = sub(expression.subject);
      if (expression.from !== undefined) sub(expression.from);
      if (expression.to !== undefined) sub(expression.to);
      return subject.mask === TypeBits.List ? subject : ANY;
    }
    case 'BinaryOperation': {
      const logical =
        expression.operator === 'AND' || expression.operator === 'OR' || expression.operator === 'XOR';
      const left = logical ? connective(expression.left) : sub(expression.left);
      const right = logical ? connective(expression.right) : sub(expression.right);
      const accepted = acceptedOperands(expression.operator);
      if (accepted !== undefined) {
        expectType(env, left, accepted, expression.left);
        expectType(env, right, accepted, expression.right);
      }
      if (expression.operator === 'IN') expectType(env, right, TypeBits.List, expression.right);
      return binaryResultType(expression.operator, left, right);
    }
    case 'UnaryOperation': {
      const operand =
        expression.operator === 'NOT' ? connective(expression.operand) : sub(expression.operand);
      if (expression.operator === 'NOT') {
        expectType(env, operand, TypeBits.Boolean, expression.operand);
        return BOOLEAN;
      }
      expectType(env, operand, TypeBits.Integer | TypeBits.Float | TypeBits.Duration, expression.operand);
      return operand;
    }
    case 'IsNull':
    case 'IsTyped':
      sub(expression.operand);
      return BOOLEAN;
    case 'LabelCheck':
      sub(expression.subject);
      for (const label of dynamicLabelExpressions(expression.labels)) sub(label);
      return BOOLEAN;
    case 'FunctionCall':
      return checkFunctionCall(expression, env);
    case 'CountStar':
      checkAggregatePlacement(env, 'count(*)', expression.pos);
      return INTEGER;
    case 'CaseExpression': {
      if (expression.subject !== undefined) sub(expression.subject);
      let result: StaticType | undefined;
      for (const alternative of expression.alternatives) {
        sub(alternative.when);
        const t = sub(alternative.then);
        result = result === undefined ? t : union(result, t);
      }
      if (expression.otherwise !== undefined) {
        const t = sub(expression.otherwise);
        result = result === undefined ? t : union(result, t);
      }
      // Without ELSE the result may be null, which every type admits.
      return result ?? ANY;
    }
    case 'ListComprehension': {
      const list = sub(expression.list);
      const inner = local(env, expression.variable.name, elementOf(list));
      if (expression.where !== undefined) checkPredicate(expression.where, inner);
      if (expression.projection === undefined) return list.mask === TypeBits.List ? list : LIST_ANY;
      return listOf(checkExpression(expression.projection, inner));
    }
    case 'Quantifier': {
      const list = sub(expression.list);
      const inner = local(env, expression.variable.name, elementOf(list));
      if (expression.where !== undefined) checkPredicate(expression.where, inner);
      return BOOLEAN;
    }
    case 'Reduce': {
      const init = sub(expression.init);
      const list = sub(expression.list);
      const withAccumulator = local(env, expression.accumulator.name, ANY);
      const inner = {
        ...withAccumulator,
        scope: withAccumulator.scope.bind(expression.variable.name, elementOf(list)),
      };
      return union(init, checkExpression(expression.expression, inner));
    }
    case 'MapProjection':
      checkMapProjection(expression, env);
      return MAP;
    case 'PatternPredicate':
      if (env.predicatePosition !== true) {
        throw unexpectedSyntax(
          ctx.text,
          'A pattern expression should only be used in order to test the existence of a pattern. It can no longer be used inside a function or as a value; use EXISTS { } or COUNT { } instead.',
          expression.pos,
        );
      }
      ctx.hooks.predicatePattern(expression.pattern, env.scope);
      return BOOLEAN;
    case 'PatternComprehension': {
      const parts = [
        {
          kind: 'PatternPart' as const,
          pos: expression.pos,
          variable: expression.pathVariable,
          shortest: undefined,
          element: expression.pattern,
        },
      ];
      const scope = ctx.hooks.pattern(parts, env.scope);
      const inner: ExpressionEnv = { ctx, scope, aggregation: 'forbidden' };
      if (expression.where !== undefined) checkPredicate(expression.where, inner);
      return listOf(checkExpression(expression.projection, inner));
    }
    case 'ShortestPathExpression':
      ctx.hooks.pattern([expression.part], env.scope);
      return expression.part.shortest === 'allShortestPaths' ? listOf(PATH) : PATH;
    case 'ExistsSubquery':
    case 'CountSubquery': {
      if (expression.query !== undefined) {
        ctx.hooks.subquery(
          expression.query,
          env.scope,
          expression.kind === 'ExistsSubquery' ? 'exists' : 'count',
        );
      } else if (expression.pattern !== undefined) {
        const scope = ctx.hooks.pattern(expression.pattern, env.scope);
        if (expression.where !== undefined)
          checkPredicate(expression.where, { ctx, scope, aggregation: 'forbidden' });
      }
      return expression.kind === 'ExistsSubquery' ? BOOLEAN : INTEGER;
    }
    case 'CollectSubquery':
      ctx.hooks.subquery(expression.query, env.scope, 'collect');
      return LIST_ANY;
    default:
      return assertNever(expression, 'expression');
  }
}

/**
 * Checks a predicate (WHERE, comprehension filters): an ordinary expression where aggregation is
 * forbidden and whose type must admit Boolean (`WHERE (n)` is InvalidArgumentType, TCK Pattern1 [11]).
 */
export function checkPredicate(expression: Expression, env: ExpressionEnv): void {
  const type = checkExpression(expression, { ...env, aggregation: 'forbidden', predicatePosition: true });
  expectType(env, type, TypeBits.Boolean, expression);
}

/** Fails with InvalidArgumentType when `actual` can never be one of `expected`. */
export function expectType(env: ExpressionEnv, actual: StaticType, expected: number, at: Expression): void {
  if (mayBe(actual, expected)) return;
  throw env.ctx.error(
    'InvalidArgumentType',
    `Type mismatch: expected ${typeName(expected)} but was ${typeName(actual)}`,
    at.pos,
  );
}

/** The static type of a constant literal, as the cases of checkExpression would work it out. */
function constantType(expression: Expression): StaticType {
  if (expression.kind === 'Literal') return literalType(expression.value);
  if (expression.kind !== 'ListLiteral') return MAP;
  let element: StaticType | undefined;
  for (const e of expression.elements) {
    const t = constantType(e);
    // The same type object again (a list of maps, of integers) needs no union.
    element = element === undefined || element === t ? t : union(element, t);
  }
  return element === undefined ? LIST_ANY : listOf(element);
}

function literalType(value: null | boolean | bigint | number | string): StaticType {
  if (value === null) return ANY;
  if (typeof value === 'boolean') return BOOLEAN;
  if (typeof value === 'bigint') return INTEGER;
  return typeof value === 'number' ? FLOAT : STRING;
}

/** Comprehension and quantifier locals: aggregation is never allowed inside them (TCK List12 [7]). */
function local(env: ExpressionEnv, name: string, type: StaticType): ExpressionEnv {
  return { ctx: env.ctx, scope: env.scope.bind(name, type), aggregation: 'forbidden' };
}

function checkAggregatePlacement(env: ExpressionEnv, text: string, pos: number): void {
  if (env.aggregation === 'inside') {
    throw env.ctx.error(
      'NestedAggregation',
      "Can't use aggregate functions inside of aggregate functions.",
      pos,
    );
  }
  if (env.aggregation === 'forbidden') {
    throw env.ctx.error(
      'InvalidAggregation',
      `Invalid use of aggregating function ${text} in this context`,
      pos,
    );
  }
}

function checkFunctionCall(call: FunctionCall, env: ExpressionEnv): StaticType {
  const { ctx } = env;
  const fn = findFunction(call.name);
  if (fn === undefined) throw ctx.error('UnknownFunction', `Unknown function '${call.name}'`, call.pos);
  if (call.args.length < fn.minArgs) {
    throw ctx.error(
      'InvalidNumberOfArguments',
      `Insufficient parameters for function '${fn.name}'`,
      call.pos,
    );
  }
  if (call.args.length > fn.maxArgs) {
    throw ctx.error('InvalidNumberOfArguments', `Too many parameters for function '${fn.name}'`, call.pos);
  }
  if (fn.aggregate) {
    checkAggregatePlacement(env, `${fn.name}(...)`, call.pos);
    const inner: ExpressionEnv = { ...env, aggregation: 'inside' };
    for (const arg of call.args) {
      checkExpression(arg, inner);
      const random = findNonDeterministic(arg);
      if (random !== undefined) {
        throw ctx.error(
          'NonConstantExpression',
          "Can't use non-deterministic (random) functions inside of aggregate functions.",
          random.pos,
        );
      }
    }
    return fn.returns;
  }
  call.args.forEach((arg, i) => {
    const type = checkExpression(arg, env);
    const accepted = fn.accepts[i];
    if (accepted !== undefined) expectType(env, type, accepted, arg);
  });
  return fn.returns;
}

/** The first call of a non-deterministic function in `expression` (not looking into subqueries). */
function findNonDeterministic(expression: Expression): FunctionCall | undefined {
  if (expression.kind === 'FunctionCall') {
    if (findFunction(expression.name)?.deterministic === false) return expression;
    for (const arg of expression.args) {
      const found = findNonDeterministic(arg);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (expression.kind === 'BinaryOperation') {
    return findNonDeterministic(expression.left) ?? findNonDeterministic(expression.right);
  }
  if (expression.kind === 'UnaryOperation') return findNonDeterministic(expression.operand);
  return undefined;
}

function checkMapProjection(projection: MapProjection, env: ExpressionEnv): void {
  checkExpression(projection.subject, env);
  for (const item of projection.items) {
    if (item.kind === 'VariableSelector') checkExpression(item.variable, env);
    else if (item.kind === 'LiteralEntry') checkExpression(item.value, env);
  }
}
