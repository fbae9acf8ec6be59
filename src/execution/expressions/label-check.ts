import { assertNever } from '../../errors/index.js';
import type { LabelExpression } from '../../planner/index.js';
import type { TokenRegistries } from '../../storage/index.js';
import { Node, Relationship, type CypherValue } from '../../values/index.js';
import { typeMismatch } from '../functions/type-errors.js';
import type { ExecutionContext } from '../runtime/context.js';
import { StoreNode, StoreRelationship } from '../runtime/store-entities.js';
import type { Evaluator } from './compile-scope.js';

type EntityTest = (entity: Node | Relationship, context: ExecutionContext) => boolean;

/**
 * `n:A:B`, `n:A|B`, `n:!A`, `n:%` on a node (its labels) or a relationship (its type); null gives null.
 * Stored nodes are asked through the transaction by label token, so no label list is built.
 */
export function compileLabelCheck(subject: Evaluator, labels: LabelExpression): Evaluator {
  const test = compileTest(labels);
  return (row, context) => {
    const value: CypherValue = subject(row, context);
    if (value === null) return null;
    if (value instanceof Node || value instanceof Relationship) return test(value, context);
    throw typeMismatch('Node or Relationship', value);
  };
}

function compileTest(expression: LabelExpression): EntityTest {
  switch (expression.kind) {
    case 'LabelName':
      return nameTest(expression.name);
    case 'LabelAnd': {
      const operands = expression.operands.map(compileTest);
      return (entity, context) => operands.every((operand) => operand(entity, context));
    }
    case 'LabelOr': {
      const operands = expression.operands.map(compileTest);
      return (entity, context) => operands.some((operand) => operand(entity, context));
    }
    case 'LabelNot': {
      const operand = compileTest(expression.operand);
      return (entity, context) => !operand(entity, context);
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
