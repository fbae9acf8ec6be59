import type { StatementSurvey } from './statement-survey.js';

/** Variable names that hold nodes or relationships somewhere in a statement. */
export interface EntityVariables {
  readonly nodes: ReadonlySet<string>;
  readonly relationships: ReadonlySet<string>;
}

/**
 * Which variables are nodes and which are relationships: those bound by node patterns and single-hop
 * relationship patterns, and their plain renamings (`WITH n AS m`). Neo4j warns about an unknown property
 * key only when it is read from a node or a relationship (a map or a temporal value has its own keys), and
 * reads `r:T` as a type check when `r` is a relationship. The analysis is by name over the whole
 * statement: good enough for warnings, which never change a result.
 */
export function entityVariables(survey: StatementSurvey): EntityVariables {
  const nodes = new Set<string>();
  const relationships = new Set<string>();
  for (const node of survey.nodePatterns) if (node.variable !== undefined) nodes.add(node.variable.name);
  for (const relationship of survey.relationshipPatterns) {
    // A variable-length relationship binds a list, not a relationship.
    if (relationship.variable !== undefined && relationship.length === undefined) {
      relationships.add(relationship.variable.name);
    }
  }
  const renamings: (readonly [from: string, to: string])[] = [];
  for (const projection of survey.projections) {
    for (const item of projection.items) {
      if (item.expression.kind === 'Variable' && item.alias !== undefined) {
        renamings.push([item.expression.name, item.alias.name]);
      }
    }
  }
  // Renamings can chain (`WITH n AS m WITH m AS k`): repeat until nothing changes.
  let changed = renamings.length > 0;
  while (changed) {
    changed = false;
    for (const [from, to] of renamings) {
      for (const names of [nodes, relationships]) {
        if (names.has(from) && !names.has(to)) {
          names.add(to);
          changed = true;
        }
      }
    }
  }
  return { nodes, relationships };
}
