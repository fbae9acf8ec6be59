import { printClause, type PatternPart } from '../../cypher/index.js';
import type { StatementSurvey } from './statement-survey.js';

/** One piece of a MATCH pattern that shares no variable with the pieces before it. */
export interface DisconnectedPattern {
  /** Offset of the MATCH clause (Neo4j points the notification there). */
  readonly offset: number;
  /** The piece's named node and relationship variables, sorted. */
  readonly variables: readonly string[];
  /** The whole MATCH pattern, printed. */
  readonly pattern: string;
}

/**
 * The cartesian products Neo4j reports: for each MATCH (subqueries included), its comma-separated path
 * patterns grouped into connected components by shared variables; every component after the first is
 * one notification. Disconnected patterns in different MATCH clauses are not reported (Neo4j's semantic
 * check `checkForCartesianProducts` works on one clause), and neither are the plan's other joins.
 */
export function disconnectedPatterns(survey: StatementSurvey): DisconnectedPattern[] {
  const found: DisconnectedPattern[] = [];
  for (const match of survey.matches) {
    if (match.pattern.parts.length < 2) continue;
    const components = connectedComponents(match.pattern.parts.map(variablesOf));
    if (components.length < 2) continue;
    const printed = printClause({ ...match, optional: false, where: undefined }).replace(/^MATCH /, '');
    for (const component of components.slice(1)) {
      found.push({ offset: match.pos, variables: [...component].sort(), pattern: printed });
    }
  }
  return found;
}

/** Named node and relationship variables of one path pattern (anonymous ones never connect anything). */
function variablesOf(part: PatternPart): Set<string> {
  const names = new Set<string>();
  for (const node of part.element.nodes) if (node.variable !== undefined) names.add(node.variable.name);
  for (const relationship of part.element.relationships) {
    if (relationship.kind === 'RelationshipPattern' && relationship.variable !== undefined)
      names.add(relationship.variable.name);
  }
  return names;
}

/** Groups parts that share variables (transitively), in order of each group's first part. */
function connectedComponents(parts: readonly Set<string>[]): Set<string>[] {
  const components: Set<string>[] = [];
  for (const part of parts) {
    const merged = new Set(part);
    // Every existing component sharing a name with this part joins it, at the earliest one's place.
    let place = -1;
    for (let index = components.length - 1; index >= 0; index--) {
      const component = components[index];
      if (component === undefined || ![...part].some((name) => component.has(name))) continue;
      for (const name of component) merged.add(name);
      components.splice(index, 1);
      place = index;
    }
    if (place === -1) components.push(merged);
    else components.splice(place, 0, merged);
  }
  return components;
}
