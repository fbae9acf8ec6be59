/**
 * The registry of notification codes: warnings and information Quiver attaches to a successful result
 * (Bolt `notifications` up to 5.4, GQL status objects in `statuses` from 5.6). Codes, titles and severities
 * follow docs-status-codes `notifications/all-notifications.adoc`; each points to its GQLSTATUS in
 * `gql-status.ts`. Severity and category are derived from that GQLSTATUS (class 01 is a warning, its
 * classification is the category), so the legacy and GQL views cannot disagree.
 */
import { GqlStatus, type GqlStatusCode } from './gql-status.js';
import type { GqlStatusDefinition, NotificationClassification } from './gql-status-definition.js';
import { toStatusCode, type StatusCode } from './status.js';

/** Legacy notification severity, sent as `severity` (≤ 5.4) and `diagnostic_record._severity` (5.6+). */
export type NotificationSeverity = 'WARNING' | 'INFORMATION';

export interface NotificationDefinition {
  /** `Neo.ClientNotification.<Category>.<Title>`. */
  readonly code: StatusCode;
  /** The fixed title drivers expose as `notification.title`. */
  readonly title: string;
  readonly severity: NotificationSeverity;
  /** The legacy category, equal to the GQL classification (`PERFORMANCE`, `UNRECOGNIZED`, ...). */
  readonly category: NotificationClassification;
  /** The GQLSTATUS sent as `gql_status` from Bolt 5.6 on. */
  readonly gql: GqlStatusDefinition;
  /** What the notification means and when Quiver emits it, for docs/errors.md. */
  readonly meaning: string;
}

function note(
  code: string,
  gqlStatus: GqlStatusCode,
  title: string,
  meaning: string,
): NotificationDefinition {
  const gql = GqlStatus[gqlStatus];
  if (gql.kind !== 'warning' && gql.kind !== 'information') {
    throw new Error(`Notification ${code} points to ${gqlStatus}, which is not a warning or information`);
  }
  if (gql.classification === undefined || gql.classification.endsWith('_ERROR')) {
    throw new Error(`Notification ${code} points to ${gqlStatus}, which has no notification classification`);
  }
  return Object.freeze({
    code: toStatusCode(code),
    title,
    severity: gql.kind === 'warning' ? 'WARNING' : 'INFORMATION',
    category: gql.classification as NotificationClassification,
    gql,
    meaning,
  });
}

/** Every notification Quiver may emit. Keys are the last part of the code. */
// One entry per line: this is a table, and wrapping each call over six lines would hide its shape.
// prettier-ignore
export const NotificationCode = {
  CartesianProduct: note('Neo.ClientNotification.Statement.CartesianProduct', '03N90', 'This query builds a cartesian product between disconnected patterns.', 'A MATCH has patterns with no variable in common, so every combination of their rows is produced'),
  UnboundedVariableLengthPattern: note('Neo.ClientNotification.Statement.UnboundedVariableLengthPattern', '03N91', 'The provided pattern is unbounded, consider adding an upper limit to the number of node hops.', 'A shortest-path pattern has no upper bound on its length'),
  ExhaustiveShortestPath: note('Neo.ClientNotification.Statement.ExhaustiveShortestPath', '03N92', 'Exhaustive shortest path has been planned for your query that means that shortest path graph algorithm might not be used to find the shortest path. Hence an exhaustive enumeration of all paths might be used in order to find the requested shortest path.', 'A predicate on a shortest path forces enumerating all paths'),
  NoApplicableIndex: note('Neo.ClientNotification.Statement.NoApplicableIndex', '03N93', 'Adding a schema index may speed up this query.', 'LOAD CSV is combined with MATCH or MERGE on a label without an index'),
  EagerOperator: note('Neo.ClientNotification.Statement.EagerOperator', '03N94', 'The execution plan for this query contains the Eager operator, which forces all dependent data to be materialized in main memory before proceeding', 'The plan materializes intermediate rows (Eager) in a LOAD CSV query'),
  DynamicProperty: note('Neo.ClientNotification.Statement.DynamicProperty', '03N95', 'Queries using dynamic properties will use neither index seeks nor index scans for those properties', 'A property accessed as `n[$key]` cannot use an index that exists on the label'),
  JoinHintUnfulfillableWarning: note('Neo.ClientNotification.Statement.JoinHintUnfulfillableWarning', '01N30', 'The database was unable to plan a hinted join.', 'A USING JOIN hint could not be honoured'),
  HintedIndexNotFound: note('Neo.ClientNotification.Schema.HintedIndexNotFound', '01N31', 'The request (directly or indirectly) referred to an index that does not exist.', 'A USING INDEX hint names an index that does not exist'),
  RuntimeUnsupportedWarning: note('Neo.ClientNotification.Statement.RuntimeUnsupportedWarning', '01N40', 'This query is not supported by the chosen runtime.', 'The runtime requested with a CYPHER option cannot run the query, so another one is used'),
  UnknownLabelWarning: note('Neo.ClientNotification.Statement.UnknownLabelWarning', '01N50', 'The provided label is not in the database.', 'The query matches a label no node has ever had; often a typo'),
  UnknownRelationshipTypeWarning: note('Neo.ClientNotification.Statement.UnknownRelationshipTypeWarning', '01N51', 'The provided relationship type is not in the database.', 'The query matches a relationship type that does not exist; often a typo'),
  UnknownPropertyKeyWarning: note('Neo.ClientNotification.Statement.UnknownPropertyKeyWarning', '01N52', 'The provided property key is not in the database', 'The query reads a property key that does not exist; often a typo'),
  FeatureDeprecationWarning: note('Neo.ClientNotification.Statement.FeatureDeprecationWarning', '01N00', 'This feature is deprecated and will be removed in future versions.', 'The query uses deprecated syntax or a deprecated function; 01N01 (with a replacement) and 01N02 (without one) are the more specific statuses'),
  ParameterNotProvided: note('Neo.ClientNotification.Statement.ParameterNotProvided', '01N60', 'The statement refers to a parameter that was not provided in the request.', 'An EXPLAIN query refers to parameters the request did not provide (running it would fail with ParameterMissing)'),
  UnsatisfiableRelationshipTypeExpression: note('Neo.ClientNotification.Statement.UnsatisfiableRelationshipTypeExpression', '01N61', 'The query contains a relationship type expression that cannot be satisfied.', 'A relationship type expression such as `:A&B` can never match, because a relationship has exactly one type'),
  RepeatedRelationshipReference: note('Neo.ClientNotification.Statement.RepeatedRelationshipReference', '01N63', 'The query returns no results because a relationship variable is bound more than once.', 'The same relationship variable appears twice in one pattern, so no row can match'),
  SubqueryVariableShadowing: note('Neo.ClientNotification.Statement.SubqueryVariableShadowing', '03N60', 'Variable in subquery is shadowing a variable with the same name from the outer scope.', 'A CALL subquery declares a variable with the name of an outer one without importing it'),
  ProcedureWarning: note('Neo.ClientNotification.Procedure.ProcedureWarning', '01N62', 'The query used a procedure that generated a warning.', 'A procedure reported a warning while running'),
} as const;

export type NotificationName = keyof typeof NotificationCode;

/** Every notification, in declaration order. */
export const ALL_NOTIFICATION_CODES: readonly NotificationDefinition[] = Object.values(NotificationCode);
