import type { NodePattern } from '../../cypher/index.js';
import type { TextPosition } from '../../errors/index.js';
import type { StatementSurvey } from './statement-survey.js';
import { entityVariables } from './entity-variables.js';
import {
  labelCheckOffsets,
  labelNames,
  mapKeyOffsets,
  nodeLabelOffsets,
  propertyKeyOffset,
  relationshipTypeOffsets,
  selectorOffsets,
} from './name-offsets.js';
import { scanQueryTokens, type QueryToken } from './query-tokens.js';
import { TextPositions } from './text-positions.js';

/** Which token registry a name is looked up in. */
export type TokenReferenceKind = 'label' | 'relationshipType' | 'propertyKey';

/** A label, relationship type or property key a query reads, and where it is written. */
export interface TokenReference {
  readonly kind: TokenReferenceKind;
  readonly name: string;
  readonly position: TextPosition | undefined;
}

/**
 * The names a read-only statement looks up, in the places Neo4j checks (its `CheckForUnresolvedTokens`):
 * every label and relationship type in a pattern or a label predicate, and every property key read from a
 * node or relationship (`n.key`, pattern properties `(n {key: …})`, projections `n {.key}`). Each
 * occurrence is one reference (Neo4j warns once per occurrence), duplicates of one position merged.
 */
export function tokenReferences(survey: StatementSurvey, text: string): TokenReference[] {
  const entities = entityVariables(survey);
  const isEntity = (name: string) => entities.nodes.has(name) || entities.relationships.has(name);
  let scanned: QueryToken[] | undefined;
  const tokens = (): QueryToken[] => (scanned ??= scanQueryTokens(text));
  let positions: TextPositions | undefined;
  const references = new Map<string, TokenReference>();
  const add = (
    kind: TokenReferenceKind,
    names: readonly string[],
    offsets: readonly (number | undefined)[],
  ) => {
    names.forEach((name, index) => {
      const offset = offsets[index];
      const key = `${kind}\u0000${name}\u0000${String(offset)}`;
      if (references.has(key)) return;
      positions ??= new TextPositions(text);
      references.set(key, { kind, name, position: offset === undefined ? undefined : positions.at(offset) });
    });
  };
  const addMapKeys = (properties: NodePattern['properties']) => {
    if (properties?.kind !== 'MapLiteral' || properties.entries.length === 0) return;
    const keys = properties.entries.map((entry) => entry.key);
    add('propertyKey', keys, mapKeyOffsets(tokens(), properties));
  };

  for (const pattern of survey.nodePatterns) {
    if (pattern.labels !== undefined) {
      add('label', labelNames(pattern.labels), nodeLabelOffsets(tokens(), pattern));
    }
    addMapKeys(pattern.properties);
  }
  for (const pattern of survey.relationshipPatterns) {
    if (pattern.types.length > 0) {
      add('relationshipType', pattern.types, relationshipTypeOffsets(tokens(), pattern));
    }
    addMapKeys(pattern.properties);
  }
  for (const check of survey.labelChecks) {
    if (check.subject.kind !== 'Variable') continue;
    const name = check.subject.name;
    // Like Neo4j: `x:A` names labels of a node, the type of a relationship, and nothing it cannot type.
    const isNode = entities.nodes.has(name);
    if (isNode === entities.relationships.has(name)) continue;
    add(isNode ? 'label' : 'relationshipType', labelNames(check.labels), labelCheckOffsets(tokens(), check));
  }
  for (const access of survey.propertyAccesses) {
    if (access.subject.kind !== 'Variable' || !isEntity(access.subject.name)) continue;
    add('propertyKey', [access.key], [propertyKeyOffset(tokens(), access)]);
  }
  for (const projection of survey.mapProjections) {
    if (!isEntity(projection.subject.name)) continue;
    const keys = projection.items.flatMap((item) => (item.kind === 'PropertySelector' ? [item.key] : []));
    if (keys.length > 0) add('propertyKey', keys, selectorOffsets(tokens(), projection));
  }
  return [...references.values()];
}
