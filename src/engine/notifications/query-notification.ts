import { NotificationCode, type NotificationDefinition, type TextPosition } from '../../errors/index.js';

/**
 * A notification attached to a successful statement (Neo4j's warnings and information). Code, title,
 * severity, category and GQLSTATUS come from the registry entry; this occurrence adds its description, the
 * position it points at and the values of the GQLSTATUS message template. The Bolt layer sends it as a
 * legacy `notifications` entry (≤ 5.4) or as a GQL status object (5.6+).
 */
export interface QueryNotification {
  readonly definition: NotificationDefinition;
  /** The legacy `description` (Neo4j's text for this occurrence). */
  readonly description: string;
  readonly position?: TextPosition;
  /** Values of the GQLSTATUS message template, sent as `_status_parameters`. */
  readonly parameters?: Readonly<Record<string, string>>;
}

// Neo4j's legacy descriptions (NotificationCodeWithDescription), word for word: drivers and tools show them.
const MISSING_TOKEN =
  "is not available in the database, make sure you didn't misspell it or that the label is available when you run this statement in your application";
const CARTESIAN_PRODUCT =
  'If a part of a query contains multiple disconnected patterns, this will build a cartesian product between all those parts. This may produce a large amount of data and slow down query processing. While occasionally intended, it may often be possible to reformulate the query that avoids the use of this cross product, perhaps by adding a relationship between the different parts or by using OPTIONAL MATCH';

function withPosition(
  notification: Omit<QueryNotification, 'position'>,
  position: TextPosition | undefined,
): QueryNotification {
  return position === undefined ? notification : { ...notification, position };
}

/** 01N50: a label the database has never seen. */
export function unknownLabel(name: string, database: string, position?: TextPosition): QueryNotification {
  return withPosition(
    {
      definition: NotificationCode.UnknownLabelWarning,
      description: `One of the labels in your query ${MISSING_TOKEN} (the missing label name is: ${name})`,
      parameters: { label: name, db: database },
    },
    position,
  );
}

/** 01N51: a relationship type the database has never seen. */
export function unknownRelationshipType(
  name: string,
  database: string,
  position?: TextPosition,
): QueryNotification {
  return withPosition(
    {
      definition: NotificationCode.UnknownRelationshipTypeWarning,
      description: `One of the relationship types in your query ${MISSING_TOKEN} (the missing relationship type is: ${name})`,
      parameters: { relType: name, db: database },
    },
    position,
  );
}

/** 01N52: a property key the database has never seen. */
export function unknownPropertyKey(
  name: string,
  database: string,
  position?: TextPosition,
): QueryNotification {
  return withPosition(
    {
      definition: NotificationCode.UnknownPropertyKeyWarning,
      description: `One of the property names in your query ${MISSING_TOKEN} (the missing property name is: ${name})`,
      parameters: { propKey: name, db: database },
    },
    position,
  );
}

/**
 * 03N90: a MATCH whose pattern falls apart into disconnected pieces. `variables` are the named variables of
 * one piece after the first; `pattern` is the whole MATCH pattern.
 */
export function cartesianProduct(
  variables: readonly string[],
  pattern: string,
  position?: TextPosition,
): QueryNotification {
  const identifiers = `${variables.length === 1 ? 'identifier is' : 'identifiers are'}: (${variables.join(', ')})`;
  return withPosition(
    {
      definition: NotificationCode.CartesianProduct,
      description: `${CARTESIAN_PRODUCT} (${identifiers})`,
      parameters: { pat: pattern },
    },
    position,
  );
}
