import type { CypherValue } from '../../values/index.js';
import { getProperty, type PropertyMap } from '../graph/property-map.js';
import type { AnalyzedToken, FulltextAnalyzer } from './fulltext/index.js';

/** A FULLTEXT index's `indexConfig`: `fulltext.analyzer` and `fulltext.eventually_consistent`. */
export interface FulltextIndexConfig {
  readonly analyzer: string;
  /** Accepted and shown as Neo4j does; Quiver's fulltext indexes are always up to date with the writes. */
  readonly eventuallyConsistent: boolean;
}

/*
 * The keys of a FULLTEXT index, in its sorted entries (strings, compared by code unit):
 *   term keys    fieldChar + term              one per distinct term of the field's value
 *   length keys  "\0" + fieldChar + length     one per field the entity has: its number of tokens
 * where fieldChar is the character with code 1 + the property's position in the index. Term keys of one
 * field are contiguous and sorted (prefix and fuzzy searches walk them); length keys give the collection
 * statistics BM25 needs (documents with the field, tokens over them). Like every index, the entries cover
 * each version of an entity that some transaction may still read; searches re-check the entity itself.
 */

/** The start of the length keys. */
export const LENGTH_KEY_PREFIX = '\u0000';

/** The character that starts the keys of the field at `position` in the index's properties. */
export function fieldChar(position: number): string {
  return String.fromCharCode(1 + position);
}

/** The term key of `term` in the field at `position`. */
export function termKey(position: number, term: string): string {
  return fieldChar(position) + term;
}

/** The length key of a field value with `length` tokens in the field at `position`. */
export function lengthKey(position: number, length: number): string {
  return LENGTH_KEY_PREFIX + fieldChar(position) + String(length);
}

/**
 * The tokens of a property value as a FULLTEXT index sees it: a string's, or the strings' of a list one
 * after the other (later positions continue after the earlier values'); undefined for any other value.
 */
export function analyzeValue(
  value: CypherValue | undefined,
  analyzer: FulltextAnalyzer,
): AnalyzedToken[] | undefined {
  if (typeof value === 'string') return analyzer.analyze(value);
  if (!Array.isArray(value)) return undefined;
  const strings = (value as readonly CypherValue[]).filter((item) => typeof item === 'string');
  if (strings.length === 0) return undefined;
  const tokens: AnalyzedToken[] = [];
  let offset = 0;
  for (const text of strings) {
    const analyzed = analyzer.analyze(text);
    for (const token of analyzed) tokens.push({ term: token.term, position: offset + token.position });
    offset += (analyzed.at(-1)?.position ?? -1) + 1;
  }
  return tokens;
}

/** Visits the term and length keys of an entity version with `properties` (see above). */
export function fulltextKeys(
  keys: readonly number[],
  analyzer: FulltextAnalyzer,
  properties: PropertyMap | undefined,
  visit: (key: CypherValue) => void,
): void {
  for (const [position, key] of keys.entries()) {
    const tokens = analyzeValue(getProperty(properties, key), analyzer);
    // A value without tokens (an empty string, only stop words) is not in the field, as in Lucene.
    if (tokens === undefined || tokens.length === 0) continue;
    visit(lengthKey(position, tokens.length));
    const seen = new Set<string>();
    for (const { term } of tokens) {
      if (seen.has(term)) continue;
      seen.add(term);
      visit(termKey(position, term));
    }
  }
}
