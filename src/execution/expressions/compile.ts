import {
  assertNever,
  CypherSemanticError,
  DatabaseError,
  InternalError,
  Status,
} from '../../errors/index.js';
import type { BinaryOperator, Expression, FunctionCall, MapLiteral } from '../../planner/index.js';
import type { CypherValue } from '../../values/index.js';
import { isAggregateFunction, lookupFunction } from '../functions/registry.js';
import {
  add,
  concatenate,
  divide,
  modulo,
  multiply,
  negate,
  power,
  subtract,
  unaryPlus,
} from './arithmetic.js';
import { compileCase } from './case.js';
import { constantLiteralValue } from './constant-literal.js';
import {
  contains,
  endsWith,
  equalsOperator,
  greaterThan,
  greaterThanOrEqual,
  inList,
  lessThan,
  lessThanOrEqual,
  notEqualsOperator,
  startsWith,
} from './comparison.js';
import type { CompileScope, Evaluator } from './compile-scope.js';
import { compileListComprehension, compileQuantifier, compileReduce } from './comprehension.js';
import { compileLabelCheck } from './label-check.js';
import { compileTypePredicate } from './type-predicate.js';
import { and, not, or, truthValue, xor } from './logic.js';
import { compileMapProjection, setEntry } from './map-projection.js';
import { compilePropertyAccess } from './property-access.js';
import { regexMatch } from './regex.js';
import { compileSlice, compileSubscript } from './subscript.js';
import {
  compileCollect,
  compileCount,
  compileExists,
  compilePatternComprehension,
  compileShortestPath,
} from './subqueries.js';

type BinaryFunction = (a: CypherValue, b: CypherValue) => CypherValue;

/** The value-level function of each operator except the three logical ones, which short-circuit. */
const BINARY: Record<Exclude<BinaryOperator, 'AND' | 'OR' | 'XOR'>, BinaryFunction> = {
  '=': equalsOperator,
  '<>': notEqualsOperator,
  '<': lessThan,
  '>': greaterThan,
  '<=': lessThanOrEqual,
  '>=': greaterThanOrEqual,
  '=~': regexMatch,
  IN: inList,
  'STARTS WITH': startsWith,
  'ENDS WITH': endsWith,
  CONTAINS: contains,
  '+': add,
  '-': subtract,
  '*': multiply,
  '/': divide,
  '%': modulo,
  '^': power,
  '||': concatenate,
};

/**
 * Compiles an expression into a closure over (row, context), walking the AST once: evaluation never looks
 * at AST nodes again. Variables resolve to row slots through `scope`; aggregate calls must already have
 * been replaced by the planner.
 */
export function compileExpression(expression: Expression, scope: CompileScope): Evaluator {
  switch (expression.kind) {
    case 'Literal': {
      const value = expression.value;
      return () => value;
    }
    case 'ListLiteral': {
      const constant = constantLiteralValue(expression);
      if (constant !== undefined) return () => constant;
      const elements = expression.elements.map((element) => compileExpression(element, scope));
      return (row, context) => elements.map((element) => element(row, context));
    }
    case 'MapLiteral': {
      const constant = constantLiteralValue(expression);
      if (constant !== undefined) return () => constant;
      return compileMapLiteral(expression, scope);
    }
    case 'Parameter': {
      const name = expression.name;
      return (_row, context) => {
        const parameters = context.parameters;
        if (!Object.hasOwn(parameters, name)) {
          throw new DatabaseError(Status.ParameterMissing, `Expected parameter(s): ${name}`, {
            detail: 'MissingParameter',
          });
        }
        return parameters[name] ?? null;
      };
    }
    case 'Variable': {
      const slot = scope.slotOf(expression.name);
      if (slot === undefined) throw new InternalError(`Variable \`${expression.name}\` has no slot`);
      return (row) => row[slot] ?? null;
    }
    case 'PropertyAccess':
      return compilePropertyAccess(compileExpression(expression.subject, scope), expression.key);
    case 'Subscript':
      return compileSubscript(
        compileExpression(expression.subject, scope),
        compileExpression(expression.index, scope),
      );
    case 'Slice':
      return compileSlice(
        compileExpression(expression.subject, scope),
        expression.from === undefined ? undefined : compileExpression(expression.from, scope),
        expression.to === undefined ? undefined : compileExpression(expression.to, scope),
      );
    case 'BinaryOperation':
      return compileBinary(
        expression.operator,
        compileExpression(expression.left, scope),
        compileExpression(expression.right, scope),
      );
    case 'UnaryOperation': {
      const operand = compileExpression(expression.operand, scope);
      const operator = expression.operator;
      switch (operator) {
        case 'NOT':
          return (row, context) => not(truthValue(operand(row, context)));
        case '-':
          return (row, context) => negate(operand(row, context));
        case '+':
          return (row, context) => unaryPlus(operand(row, context));
        default:
          return assertNever(operator, 'unary operator');
      }
    }
    case 'IsNull': {
      const operand = compileExpression(expression.operand, scope);
      return expression.negated
        ? (row, context) => operand(row, context) !== null
        : (row, context) => operand(row, context) === null;
    }
    case 'IsTyped':
      return compileTypePredicate(
        compileExpression(expression.operand, scope),
        expression.type,
        expression.negated,
      );
    case 'LabelCheck':
      return compileLabelCheck(compileExpression(expression.subject, scope), expression.labels, (inner) =>
        compileExpression(inner, scope),
      );
    case 'FunctionCall':
      return compileFunctionCall(expression, scope);
    case 'CountStar':
      throw new InternalError('count(*) must be planned as an aggregation');
    case 'CaseExpression':
      return compileCase(expression, scope, compileExpression);
    case 'ListComprehension':
      return compileListComprehension(expression, scope, compileExpression);
    case 'Quantifier':
      return compileQuantifier(expression, scope, compileExpression);
    case 'Reduce':
      return compileReduce(expression, scope, compileExpression);
    case 'MapProjection':
      return compileMapProjection(expression, scope, compileExpression);
    case 'PatternComprehension':
      return compilePatternComprehension(expression, scope, compileExpression);
    case 'PatternPredicate':
    case 'ExistsSubquery':
      return compileExists(expression, scope);
    case 'CountSubquery':
      return compileCount(expression, scope);
    case 'CollectSubquery':
      return compileCollect(expression, scope);
    case 'ShortestPathExpression':
      return compileShortestPath(expression, scope);
    default:
      return assertNever(expression, 'expression');
  }
}

function compileValueOperator(apply: BinaryFunction, left: Evaluator, right: Evaluator): Evaluator {
  return (row, context) => apply(left(row, context), right(row, context));
}

function compileBinary(operator: BinaryOperator, left: Evaluator, right: Evaluator): Evaluator {
  // eslint-disable-next-line @typescript-eslint/switch-exhaustiveness-check -- the rest share one closure
  switch (operator) {
    case 'AND':
      return (row, context) => {
        const a = truthValue(left(row, context));
        if (a === false) return false;
        return and(a, truthValue(right(row, context)));
      };
    case 'OR':
      return (row, context) => {
        const a = truthValue(left(row, context));
        if (a === true) return true;
        return or(a, truthValue(right(row, context)));
      };
    case 'XOR':
      return (row, context) => xor(truthValue(left(row, context)), truthValue(right(row, context)));
    default:
      return compileValueOperator(BINARY[operator], left, right);
  }
}

function compileMapLiteral(expression: MapLiteral, scope: CompileScope): Evaluator {
  const entries = expression.entries.map((entry) => ({
    key: entry.key,
    value: compileExpression(entry.value, scope),
  }));
  // Every map the literal makes starts as a copy of a template holding its keys (in order, `__proto__` as
  // an own data property): the copies share one hidden class and the stores below overwrite existing
  // properties, instead of growing a new object key by key on every row.
  const template: Record<string, CypherValue> = {};
  for (const entry of entries) setEntry(template, entry.key, null);
  const keys = entries.map((entry) => entry.key);
  const values = entries.map((entry) => entry.value);
  const size = keys.length;
  return (row, context) => {
    const result: Record<string, CypherValue> = { ...template };
    for (let index = 0; index < size; index++) {
      const evaluate = values[index];
      if (evaluate !== undefined) result[keys[index] ?? ''] = evaluate(row, context);
    }
    return result;
  };
}

function compileFunctionCall(expression: FunctionCall, scope: CompileScope): Evaluator {
  const definition = lookupFunction(expression.name);
  if (definition === undefined) {
    if (isAggregateFunction(expression.name)) {
      throw new InternalError(`Aggregate function ${expression.name} must be planned as an aggregation`);
    }
    throw new CypherSemanticError(`Unknown function '${expression.name}'`, { detail: 'UnknownFunction' });
  }
  const count = expression.args.length;
  if (count < definition.minArgs || count > definition.maxArgs) {
    throw new CypherSemanticError(
      `Function call does not provide the required number of arguments: ${definition.signature}`,
      { detail: 'InvalidNumberOfArguments' },
    );
  }
  const args = expression.args.map((arg) => compileExpression(arg, scope));
  switch (args.length) {
    case 0:
      return (_row, context) => definition.call([], context);
    case 1: {
      const [first] = args as [Evaluator];
      return (row, context) => definition.call([first(row, context)], context);
    }
    case 2: {
      const [first, second] = args as [Evaluator, Evaluator];
      return (row, context) => definition.call([first(row, context), second(row, context)], context);
    }
    default:
      return (row, context) =>
        definition.call(
          args.map((arg) => arg(row, context)),
          context,
        );
  }
}
