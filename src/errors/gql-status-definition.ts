/**
 * The shape of one GQLSTATUS (ISO/IEC 39075 chapter 23, as extended by Neo4j) and the rules that derive its
 * standard description. The registry itself is in `gql-status.ts`; this file holds only what every entry
 * shares, so the registry stays a plain list of facts.
 */

/** GQL diagnostic classification of an error, sent as `diagnostic_record._classification` (Bolt 5.7+). */
export type GqlClassification = 'CLIENT_ERROR' | 'TRANSIENT_ERROR' | 'DATABASE_ERROR';

/**
 * Classification of a notification (the legacy "category"), sent as `_classification` in a 5.6+ status object
 * and filtered by `notifications_disabled_classifications`.
 */
export type NotificationClassification =
  | 'HINT'
  | 'UNRECOGNIZED'
  | 'UNSUPPORTED'
  | 'PERFORMANCE'
  | 'DEPRECATION'
  | 'SECURITY'
  | 'TOPOLOGY'
  | 'SCHEMA'
  | 'GENERIC';

/** What a GQLSTATUS reports, decided by its class (its first two characters). */
export type GqlStatusKind = 'success' | 'no data' | 'warning' | 'information' | 'error';

/** One GQLSTATUS: a five-character code, its condition and subcondition, and Neo4j's message template. */
export interface GqlStatusDefinition {
  /** Five characters: a two-character class and a three-character subclass, such as `42I06`. */
  readonly code: string;
  readonly kind: GqlStatusKind;
  /** The GQL condition named by the class, such as `syntax error or access rule violation`. */
  readonly condition: string;
  /** The subcondition named by the subclass; empty for a bare class such as `42000`. */
  readonly subcondition: string;
  /**
   * The standard description, such as `error: syntax error or access rule violation - invalid syntax`.
   * Neo4j sends it (followed by the rendered message, see {@link renderGqlDescription}) as `description`.
   */
  readonly description: string;
  /** Neo4j's message template with `{ $name }` placeholders; empty when Neo4j defines no message. */
  readonly messageTemplate: string;
  /**
   * Errors: Neo4j's GQL classification, or `undefined` where Neo4j leaves it unknown (then the
   * classification of the Neo4j status code applies). Notifications: their classification (category).
   */
  readonly classification: GqlClassification | NotificationClassification | undefined;
}

/**
 * Condition names per GQLSTATUS class, spelled as Neo4j's `Condition` enum lowercases them. A class missing
 * here cannot be registered, which keeps typos in the registry from inventing conditions.
 */
const CONDITIONS: Readonly<Record<string, { readonly condition: string; readonly kind: GqlStatusKind }>> = {
  '00': { condition: 'successful completion', kind: 'success' },
  '01': { condition: 'warning', kind: 'warning' },
  '02': { condition: 'no data', kind: 'no data' },
  '03': { condition: 'informational', kind: 'information' },
  '08': { condition: 'connection exception', kind: 'error' },
  '22': { condition: 'data exception', kind: 'error' },
  '25': { condition: 'invalid transaction state', kind: 'error' },
  '2D': { condition: 'invalid transaction termination', kind: 'error' },
  '40': { condition: 'transaction rollback', kind: 'error' },
  '42': { condition: 'syntax error or access rule violation', kind: 'error' },
  '50': { condition: 'general processing exception', kind: 'error' },
  '51': { condition: 'system configuration or operation exception', kind: 'error' },
  '52': { condition: 'procedure exception', kind: 'error' },
};

const ERROR_CLASSIFICATIONS: readonly string[] = ['CLIENT_ERROR', 'TRANSIENT_ERROR', 'DATABASE_ERROR'];

/**
 * The standard description, built the way Neo4j's `Condition.createStandardDescription` builds it:
 * warnings and information name only the subcondition; success, no data and errors name the condition and
 * append ` - subcondition` when there is one.
 */
function standardDescription(kind: GqlStatusKind, condition: string, subcondition: string): string {
  const suffix = subcondition === '' ? '' : ` - ${subcondition}`;
  switch (kind) {
    case 'warning':
      return `warn: ${subcondition}`;
    case 'information':
      return `info: ${subcondition}`;
    case 'success':
    case 'no data':
      return `note: ${condition}${suffix}`;
    case 'error':
      return `error: ${condition}${suffix}`;
  }
}

/**
 * Builds a registry entry and checks it. Used only by `gql-status.ts` while the module loads, so a mistake
 * in the registry fails every test at once instead of reaching a client.
 */
export function defineGqlStatus(
  code: string,
  subcondition: string,
  classification: GqlClassification | NotificationClassification | undefined,
  messageTemplate = '',
): GqlStatusDefinition {
  if (!/^[0-9A-Z]{5}$/.test(code)) throw new Error(`Malformed GQLSTATUS in the registry: ${code}`);
  const entry = CONDITIONS[code.slice(0, 2)];
  if (entry === undefined) throw new Error(`GQLSTATUS ${code} has a class the registry does not know`);
  const isError = entry.kind === 'error';
  if (classification !== undefined && isError !== ERROR_CLASSIFICATIONS.includes(classification)) {
    throw new Error(`GQLSTATUS ${code} has classification ${classification}, which does not fit its class`);
  }
  return Object.freeze({
    code,
    kind: entry.kind,
    condition: entry.condition,
    subcondition,
    description: standardDescription(entry.kind, entry.condition, subcondition),
    messageTemplate,
    classification,
  });
}

/**
 * The `description` Neo4j sends for a GQLSTATUS: the standard description, then `. ` and the message
 * template with its `{ $name }` placeholders filled from `parameters`. A placeholder without a value is
 * rendered as `$name`, so a missing parameter is visible rather than silently empty. Values are inserted
 * as given; quoting them is the caller's choice.
 */
export function renderGqlDescription(
  gql: GqlStatusDefinition,
  parameters: Readonly<Record<string, string>> = {},
): string {
  if (gql.messageTemplate === '') return gql.description;
  const message = gql.messageTemplate.replace(
    /\{ \$([A-Za-z0-9]+) \}/g,
    // Own properties only: a placeholder must never pick up `Object.prototype` members.
    (_placeholder, name: string) => (Object.hasOwn(parameters, name) ? (parameters[name] ?? '') : `$${name}`),
  );
  return `${gql.description}. ${message}`;
}
