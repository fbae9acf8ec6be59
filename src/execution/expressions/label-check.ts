import { assertNever } from '../../errors/index.js';
import type { Expression, LabelExpression } from '../../planner/index.js';
import type { TokenRegistries } from '../../storage/index.js';
import { Node, Relationship, type CypherValue } from '../../values/index.js';
import { typeMismatch } from '../functions/type-errors.js';
import type { ExecutionContext } from '../runtime/context.js';
import { StoreNode, StoreRelationship } from '../runtime/store-entities.js';
import type { Evaluator } from './compile-scope.js';
import type { Row } from '../runtime/row.js';

type EntityTest = (entity: Node | Relationship, context: ExecutionContext, row: Row) => boolean;

/** Compiles the expression of a dynamic label (`$(…)`) in the scope of the label check. */
export type CompileInner = (expression: Expression) => Evaluator;

/**
 * `n:A:B`, `n:A|B`, `n:!A`, `n:%` on a node (its labels) or a relationship (its type); null gives null.
 * Stored nodes are asked through the transaction by label token, so no label list is built.
 */
export function compileLabelCheck(
  subject: Evaluator,
  labels: LabelExpression,
  compileInner: CompileInner,
): Evaluator {
  const test = compileTest(labels, compileInner);
  return (row, context) => {
    const value: CypherValue = subject(row, context);
    if (value === null) return null;
    if (value instanceof Node || value instanceof Relationship) return test(value, context, row);
    throw typeMismatch('Node or Relationship', value);
  };
}

function compileTest(expression: LabelExpression, compileInner: CompileInner): EntityTest {
  const sub = (operand: LabelExpression): EntityTest => compileTest(operand, compileInner);
  switch (expression.kind) {
    case 'LabelName':
      return nameTest(expression.name);
    case 'LabelAnd': {
      const operands = expression.operands.map(sub);
      return (entity, context, row) => operands.every((operand) => operand(entity, context, row));
    }
    case 'LabelOr': {
      const operands = expression.operands.map(sub);
      return (entity, context, row) => operands.some((operand) => operand(entity, context, row));
    }
    case 'LabelNot': {
      const operand = sub(expression.operand);
      return (entity, context, row) => !operand(entity, context, row);
    }
    case 'LabelDynamic': {
      const names = compileInner(expression.expression);
      const any = expression.any;
      return (entity, context, row) => {
        const wanted = dynamicLabelNames(names(row, context));
        const has = (name: string): boolean => hasName(entity, context, name);
        return any ? wanted.some(has) : wanted.every(has);
      };
    }
    case 'LabelWildcard':
      return (entity, context) =>
        entity instanceof StoreNode
          ? context.tx.nodeLabels(entity.ref).length > 0
          : entity instanceof Node
            ? entity.labels.length > 0
            : true;
    default:
      return assertNever(expression, 'label expression');
  }
}

/**
 * The label names a dynamic label's value stands for: a STRING, or a LIST<STRING>.
 * @throws CypherTypeError for null or anything else, and for a null element (Neo4j refuses them too).
 */
export function dynamicLabelNames(value: CypherValue): readonly string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  throw typeMismatch('String or List<String>', value);
}

/** Whether a node has the label, or a relationship the type, `name` (looked up each time). */
function hasName(entity: Node | Relationship, context: ExecutionContext, name: string): boolean {
  if (entity instanceof StoreNode) {
    const token = context.tokens.labels.idOf(name);
    return context.tx.nodeHasLabel(entity.ref, token ?? -1);
  }
  if (entity instanceof StoreRelationship || entity instanceof Relationship) return entity.type === name;
  return entity.labels.includes(name);
}

/** One label (or relationship type) name, with its token cached per registry once it exists. */
function nameTest(name: string): EntityTest {
  let registries: TokenRegistries | undefined;
  let labelToken: number | undefined;
  return (entity, context) => {
    if (entity instanceof StoreNode) {
      if (registries !== context.tokens || labelToken === undefined) {
        registries = context.tokens;
        labelToken = registries.labels.idOf(name);
      }
      // Reading with the never-assigned token -1 keeps the deleted-node check of a real look-up.
      return context.tx.nodeHasLabel(entity.ref, labelToken ?? -1);
    }
    if (entity instanceof StoreRelationship || entity instanceof Relationship) return entity.type === name;
    return entity.labels.includes(name);
  };
}
