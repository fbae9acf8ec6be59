import type { Statement } from '../../cypher/index.js';
import type { TextPosition } from '../../errors/index.js';
import { surveyStatement } from './statement-survey.js';
import { disconnectedPatterns } from './disconnected-patterns.js';
import {
  cartesianProduct,
  unknownLabel,
  unknownPropertyKey,
  unknownRelationshipType,
  type QueryNotification,
} from './query-notification.js';
import { TextPositions } from './text-positions.js';
import { tokenReferences, type TokenReference } from './token-references.js';

/** The token lookups a run needs (`TokenRegistries` of storage fits). */
export interface TokenLookup {
  readonly labels: { idOf(name: string): number | undefined };
  readonly relationshipTypes: { idOf(name: string): number | undefined };
  readonly propertyKeys: { idOf(name: string): number | undefined };
}

/** A name to look up at each run, with the notification of its last miss (it depends on the database only). */
interface CheckedReference {
  readonly reference: TokenReference;
  database?: string;
  notification?: QueryNotification;
}

/** What notifications a compiled statement can produce, worked out once. */
interface NotificationSources {
  /** Names to look up at each run (read-only statements only), in text order. */
  readonly references: readonly CheckedReference[];
  /** Notifications that do not depend on the data (cartesian products). */
  readonly fixed: readonly QueryNotification[];
}

/** The part of a compiled query the collector reads. */
export interface NotifiableQuery {
  readonly text: string;
  readonly analyzed: { readonly statement: Statement };
  /** Neo4j checks tokens only for read-only queries (`r`). */
  readonly plan: { readonly queryType: string };
}

// Keyed by the compiled query, which the query cache keeps for as long as it is useful.
const sourcesCache = new WeakMap<NotifiableQuery, NotificationSources>();

function sourcesOf(query: NotifiableQuery): NotificationSources {
  let sources = sourcesCache.get(query);
  if (sources === undefined) {
    const survey = surveyStatement(query.analyzed.statement);
    const pieces = disconnectedPatterns(survey);
    const positions = pieces.length === 0 ? undefined : new TextPositions(query.text);
    sources = {
      // Neo4j's CheckForUnresolvedTokens runs for read-only queries only: a write may create the token.
      references:
        query.plan.queryType === 'r'
          ? tokenReferences(survey, query.text)
              .sort((a, b) => offsetOf(a.position) - offsetOf(b.position))
              .map((reference) => ({ reference }))
          : [],
      fixed: pieces.map((piece) =>
        cartesianProduct(piece.variables, piece.pattern, positions?.at(piece.offset)),
      ),
    };
    sourcesCache.set(query, sources);
  }
  return sources;
}

/**
 * The notifications of one run of `query` (EXPLAIN and PROFILE included): unknown labels, relationship
 * types and property keys checked against the tokens now (tokens appear after a query was compiled and
 * cached), and the cartesian products found at compile time. Warnings come before information, each in
 * text order, which is the order GQL status lists need (warnings precede the success status, information
 * follows it).
 */
export function collectNotifications(
  query: NotifiableQuery,
  tokens: TokenLookup,
  database: string,
): readonly QueryNotification[] {
  const sources = sourcesOf(query);
  if (sources.references.length === 0) return sources.fixed;
  let warnings: QueryNotification[] | undefined;
  for (const entry of sources.references) {
    if (isKnown(entry.reference, tokens)) continue;
    if (entry.notification === undefined || entry.database !== database) {
      entry.notification = unknownToken(entry.reference, database);
      entry.database = database;
    }
    (warnings ??= []).push(entry.notification);
  }
  if (warnings === undefined) return sources.fixed;
  for (const notification of sources.fixed) warnings.push(notification);
  return warnings;
}

/** Where a reference points; those without a position sort last. */
function offsetOf(position: TextPosition | undefined): number {
  return position?.offset ?? Number.MAX_SAFE_INTEGER;
}

function isKnown(reference: TokenReference, tokens: TokenLookup): boolean {
  const registry =
    reference.kind === 'label'
      ? tokens.labels
      : reference.kind === 'relationshipType'
        ? tokens.relationshipTypes
        : tokens.propertyKeys;
  return registry.idOf(reference.name) !== undefined;
}

function unknownToken(reference: TokenReference, database: string): QueryNotification {
  const { name, position } = reference;
  switch (reference.kind) {
    case 'label':
      return unknownLabel(name, database, position);
    case 'relationshipType':
      return unknownRelationshipType(name, database, position);
    case 'propertyKey':
      return unknownPropertyKey(name, database, position);
  }
}
