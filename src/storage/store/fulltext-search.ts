import type { CypherValue } from '../../values/index.js';
import { getProperty } from '../graph/property-map.js';
import { analyzeValue, LENGTH_KEY_PREFIX, termKey } from '../indexes/fulltext-keys.js';
import type { AnalyzedToken, FulltextTermSource } from '../indexes/fulltext/index.js';
import type { PropertyIndex } from '../indexes/property-index.js';
import type { SortedEntries } from '../indexes/sorted-entries.js';
import type { Snapshot } from '../mvcc/visibility.js';
import type { View } from '../mvcc/view.js';
import type { GraphState } from './graph-state.js';
import { isNodeVisible, readNodeLabels, readNodeProperties } from './node-reads.js';
import { isRelationshipVisible, readRelationshipProperties } from './relationship-reads.js';

/** Collection statistics of one FULLTEXT index, recomputed when its entries changed. */
interface CachedStatistics {
  readonly modifications: number;
  readonly fields: Map<number, { docCount: number; sumTotalTermFreq: number }>;
}

const statisticsCache = new WeakMap<PropertyIndex, CachedStatistics>();

/** Visits the entries whose key starts with `prefix`, in order, until `visit` returns false. */
function forEachWithPrefix(
  entries: SortedEntries,
  prefix: string,
  visit: (key: string, id: number) => boolean | undefined,
): void {
  const position = entries.lowerBound((value) => entries.compareValues(value, prefix) < 0);
  while (!entries.isEnd(position)) {
    const key = entries.valueAt(position.block, position.index);
    if (typeof key !== 'string' || !key.startsWith(prefix)) return;
    if (visit(key, entries.idAt(position.block, position.index)) === false) return;
    entries.advance(position);
  }
}

function statisticsOf(index: PropertyIndex): CachedStatistics {
  const cached = statisticsCache.get(index);
  if (cached?.modifications === index.entries.modifications) return cached;
  const fields = new Map<number, { docCount: number; sumTotalTermFreq: number }>();
  forEachWithPrefix(index.entries, LENGTH_KEY_PREFIX, (key) => {
    const position = key.charCodeAt(1) - 1;
    const figures = fields.get(position) ?? { docCount: 0, sumTotalTermFreq: 0 };
    figures.docCount++;
    figures.sumTotalTermFreq += Number(key.slice(2));
    fields.set(position, figures);
    return true;
  });
  const fresh = { modifications: index.entries.modifications, fields };
  statisticsCache.set(index, fresh);
  return fresh;
}

/**
 * The term source a fulltext search reads (fulltext/search.ts): postings, terms and statistics from the
 * index's entries, which cover every version some transaction may read, and each candidate's document as
 * the transaction `tx` sees it in `view`, analyzed again, so that stale entries never produce a hit.
 */
export function fulltextTermSource(
  state: GraphState,
  tx: Snapshot,
  index: PropertyIndex,
  fields: readonly string[],
  view: View,
): FulltextTermSource {
  const analyzer = index.analyzer;
  if (analyzer === undefined) throw new TypeError(`Index '${index.name}' is not a fulltext index`);
  const positionOf = new Map(fields.map((field, position) => [field, position]));
  const entries = index.entries;
  const isNode = index.entity === 'NODE';
  return {
    fields,
    postings: function* (field: string, term: string) {
      const position = positionOf.get(field);
      if (position === undefined) return;
      const ids: number[] = [];
      const key = termKey(position, term);
      forEachWithPrefix(entries, key, (each, id) => {
        if (each !== key) return false;
        ids.push(id);
        return true;
      });
      yield* ids;
    },
    docFreq(field: string, term: string): number {
      const position = positionOf.get(field);
      if (position === undefined) return 0;
      const key = termKey(position, term);
      let count = 0;
      forEachWithPrefix(entries, key, (each) => {
        if (each !== key) return false;
        count++;
        return true;
      });
      return count;
    },
    terms: function* (field: string, prefix: string) {
      const position = positionOf.get(field);
      if (position === undefined) return;
      const terms: string[] = [];
      forEachWithPrefix(entries, termKey(position, prefix), (key) => {
        const term = key.slice(1);
        if (terms.at(-1) !== term) terms.push(term);
        return true;
      });
      yield* terms;
    },
    allIds: function* () {
      const ids = new Set<number>();
      forEachWithPrefix(entries, LENGTH_KEY_PREFIX, (_key, id) => {
        ids.add(id);
        return true;
      });
      yield* [...ids].sort((a, b) => a - b);
    },
    fieldStatistics(field: string) {
      const position = positionOf.get(field);
      const figures = position === undefined ? undefined : statisticsOf(index).fields.get(position);
      return figures ?? { docCount: 0, sumTotalTermFreq: 0 };
    },
    document(id: number): ReadonlyMap<string, readonly AnalyzedToken[]> | undefined {
      let properties;
      if (isNode) {
        if (!isNodeVisible(state, tx, id, view)) return undefined;
        if (!index.coversLabels(readNodeLabels(state, tx, id, view))) return undefined;
        properties = readNodeProperties(state, tx, id, view);
      } else {
        if (!isRelationshipVisible(state, tx, id, view)) return undefined;
        if (!index.coversType(state.relationships.type[id] ?? -1)) return undefined;
        properties = readRelationshipProperties(state, tx, id, view);
      }
      const document = new Map<string, readonly AnalyzedToken[]>();
      for (const [position, key] of index.properties.entries()) {
        const value: CypherValue | undefined = getProperty(properties, key);
        const tokens = analyzeValue(value, analyzer);
        if (tokens !== undefined && tokens.length > 0) document.set(fields[position] ?? '', tokens);
      }
      return document;
    },
  };
}
