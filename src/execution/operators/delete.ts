import { ConstraintViolationError, CypherTypeError } from '../../errors/index.js';
import type { DeleteOp } from '../../planner/index.js';
import { Node, Path, Relationship, typeName, type CypherValue } from '../../values/index.js';
import type { ExecutionContext } from '../runtime/context.js';
import { nodeRef, relationshipRef } from './entity-refs.js';
import type { BuildContext, DeferredChecks, Operator } from './operator.js';

/**
 * DELETE / DETACH DELETE of nodes, relationships and paths (null: no-op; already deleted: no-op). A node
 * deleted without DETACH must have lost all its relationships by the end of the statement, else the
 * statement fails with DeleteConnectedNode (Neo4j checks at commit; the end of the statement is as late as
 * the statement can see).
 */
class Deleter {
  private readonly context: ExecutionContext;
  private readonly detach: boolean;
  private readonly deferred: DeferredChecks;

  constructor(context: ExecutionContext, detach: boolean, deferred: DeferredChecks) {
    this.context = context;
    this.detach = detach;
    this.deferred = deferred;
  }

  delete(value: CypherValue): void {
    if (value === null) return;
    if (value instanceof Node) {
      this.deleteNode(nodeRef(value) ?? -1);
      return;
    }
    if (value instanceof Relationship) {
      this.deleteRelationship(relationshipRef(value) ?? -1);
      return;
    }
    if (value instanceof Path) {
      for (const rel of value.relationships) this.deleteRelationship(relationshipRef(rel) ?? -1);
      for (const node of value.nodes) this.deleteNode(nodeRef(node) ?? -1);
      return;
    }
    throw new CypherTypeError(
      `Type mismatch: expected Node, Path or Relationship but was ${typeName(value)}`,
      {
        detail: 'InvalidArgumentType',
      },
    );
  }

  private deleteRelationship(id: number): void {
    const { tx, statistics } = this.context;
    if (!tx.relationshipExists(id, 'NEW')) return;
    tx.deleteRelationship(id);
    statistics.relationshipsDeleted++;
  }

  private deleteNode(id: number): void {
    const { tx, statistics } = this.context;
    if (!tx.nodeExists(id, 'NEW')) return;
    if (this.detach) {
      statistics.relationshipsDeleted += tx.detachDeleteNode(id);
      statistics.nodesDeleted++;
      return;
    }
    const cursor = tx.expand(id, 'BOTH', undefined, 'NEW');
    const relationships: number[] = [];
    for (let rel = cursor.next(); rel !== -1; rel = cursor.next()) relationships.push(rel);
    tx.deleteNode(id);
    statistics.nodesDeleted++;
    if (relationships.length === 0) return;
    this.deferred.add(() => {
      if (relationships.some((rel) => tx.relationshipExists(rel, 'NEW'))) {
        throw new ConstraintViolationError(
          `Cannot delete node<${String(id)}>, because it still has relationships. To delete this node, you must first delete its relationships.`,
          { detail: 'DeleteConnectedNode' },
        );
      }
    });
  }
}

export function buildDelete(plan: DeleteOp, build: BuildContext): Operator {
  const source = build.build(plan.source);
  const values = plan.values.map((value) => build.compile(value));
  const context = build.context;
  const deleter = new Deleter(context, plan.detach, build.deferred);
  return {
    open(argument) {
      const input = source.open(argument);
      return {
        next: () => {
          const row = input.next();
          if (row === null) return null;
          for (const value of values) deleter.delete(value(row, context));
          return row;
        },
        close: () => {
          input.close();
        },
      };
    },
  };
}
