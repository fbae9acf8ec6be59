import {
  isConstantLiteral,
  type LabelCheck,
  type MapProjection,
  type Match,
  type NodePattern,
  type Projection,
  type PropertyAccess,
  type RelationshipPattern,
  type Statement,
} from '../../cypher/index.js';

/**
 * The AST nodes the notification checks look at, gathered in one walk over the statement. The walk goes by
 * shape (every object with a string `kind` is a node) rather than by a visitor per node type, so it sees
 * patterns and expressions in subqueries, comprehensions and pattern predicates without listing every place
 * they can occur. Parents come before children, in source order. A node the tree shares (the middle operand
 * of a chained comparison) may be listed twice; the checks merge duplicates by position.
 */
export interface StatementSurvey {
  readonly nodePatterns: NodePattern[];
  readonly relationshipPatterns: RelationshipPattern[];
  readonly labelChecks: LabelCheck[];
  readonly propertyAccesses: PropertyAccess[];
  readonly mapProjections: MapProjection[];
  readonly matches: Match[];
  /** The projections of WITH and RETURN clauses. */
  readonly projections: Projection[];
}

/** Walks `statement` once and sorts the interesting nodes by kind. */
export function surveyStatement(statement: Statement): StatementSurvey {
  const survey: StatementSurvey = {
    nodePatterns: [],
    relationshipPatterns: [],
    labelChecks: [],
    propertyAccesses: [],
    mapProjections: [],
    matches: [],
    projections: [],
  };
  walk(statement, survey);
  return survey;
}

function walk(value: object, survey: StatementSurvey): void {
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) if (typeof item === 'object' && item !== null) walk(item, survey);
    return;
  }
  const record = value as Readonly<Record<string, unknown>>;
  switch (record['kind']) {
    case 'NodePattern':
      survey.nodePatterns.push(value as NodePattern);
      break;
    case 'RelationshipPattern':
      survey.relationshipPatterns.push(value as RelationshipPattern);
      break;
    case 'LabelCheck':
      survey.labelChecks.push(value as LabelCheck);
      break;
    case 'PropertyAccess':
      survey.propertyAccesses.push(value as PropertyAccess);
      break;
    case 'MapProjection':
      survey.mapProjections.push(value as MapProjection);
      break;
    case 'Match':
      survey.matches.push(value as Match);
      break;
    case 'With':
    case 'Return':
      survey.projections.push((value as { readonly projection: Projection }).projection);
      break;
    case 'Literal':
      return;
    default:
      // Lists and maps of literals hold none of the nodes looked for (a dump batch is thousands of maps).
      if (isConstantLiteral(value)) return;
      break;
  }
  for (const key in record) {
    const child = record[key];
    if (typeof child === 'object' && child !== null) walk(child, survey);
  }
}
