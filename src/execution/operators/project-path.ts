import type { ProjectPathOp } from '../../planner/index.js';
import { Node, Path, Relationship, type CypherValue } from '../../values/index.js';
import type { Row } from '../runtime/row.js';
import { StoreRelationship } from '../runtime/store-entities.js';
import type { BuildContext, Operator } from './operator.js';

/**
 * Builds the Path of a named pattern from its node and relationship slots; a variable-length step holds
 * a list of relationships, whose intermediate nodes are found by walking them. Null if any part is null.
 */
export function buildPathValue(plan: ProjectPathOp, row: Row, build: BuildContext): CypherValue {
  const start = row[plan.start];
  if (!(start instanceof Node)) return null;
  const nodes: Node[] = [start];
  const relationships: Relationship[] = [];
  let current: Node = start;
  for (const step of plan.steps) {
    const value = row[step.relationship];
    const list = step.list ? (Array.isArray(value) ? (value as CypherValue[]) : null) : [value ?? null];
    if (list === null) return null;
    for (const rel of list) {
      if (!(rel instanceof Relationship)) return null;
      relationships.push(rel);
      const other = otherEnd(rel, current, build);
      nodes.push(other);
      current = other;
    }
    const end = row[step.node];
    if (end instanceof Node) nodes[nodes.length - 1] = end;
    current = nodes[nodes.length - 1] ?? current;
  }
  return new Path(nodes, relationships);
}

function otherEnd(rel: Relationship, from: Node, build: BuildContext): Node {
  const entities = build.context.entities;
  if (rel instanceof StoreRelationship) {
    const start = rel.startRef;
    return entities.node(BigInt(start) === from.id ? rel.endRef : start);
  }
  return entities.node(Number(rel.startNodeId === from.id ? rel.endNodeId : rel.startNodeId));
}

/** The named-path projection operator. */
export function buildProjectPath(plan: ProjectPathOp, build: BuildContext): Operator {
  const source = build.build(plan.source);
  return {
    open(argument) {
      const input = source.open(argument);
      return {
        next: () => {
          const row = input.next();
          if (row === null) return null;
          const out = row.slice();
          out[plan.slot] = buildPathValue(plan, row, build);
          return out;
        },
        close: () => {
          input.close();
        },
      };
    },
  };
}
