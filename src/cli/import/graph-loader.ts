/**
 * Puts imported entities straight into an empty store through storage's bulk loader
 * (`GraphStore.beginBulkLoad`, the path a snapshot restore takes): no commit records, no versions, no
 * per-entity index upkeep; relationships are linked into the adjacency lists in one pass at `finish`. The
 * loader assigns token ids itself (dense, after those the store already has) and registers each token on
 * first use. Everything loaded becomes one commit, the store's first.
 */
import {
  assertStorable,
  type BulkLoader,
  type FlatProperties,
  type GraphStore,
  type TokenKind,
} from '../../storage/index.js';
import type { CypherValue } from '../../values/index.js';

/** Properties of an entity without any (the bulk loader stores no array for them). */
export const NO_PROPERTIES: FlatProperties = Object.freeze([]);

/** Loads one import into its store. */
export class GraphLoader {
  private readonly loader: BulkLoader;
  private readonly commitTs: number;
  private readonly tokenIds: Record<TokenKind, Map<string, number>> = {
    LABEL: new Map(),
    RELATIONSHIP_TYPE: new Map(),
    PROPERTY_KEY: new Map(),
  };
  private readonly nextToken: Record<TokenKind, number>;
  /** Milliseconds `finish` took (linking the adjacency lists), to tell storage's share of the import. */
  finishMs = 0;

  /**
   * Starts the bulk load of `store`, which must be unused: no transaction ever, no data, no schema.
   * @throws InternalError when it is not (callers check first and report a clearer error).
   */
  constructor(store: GraphStore) {
    this.commitTs = store.lastCommitTs + 1;
    this.nextToken = {
      LABEL: store.tokens.labels.size,
      RELATIONSHIP_TYPE: store.tokens.relationshipTypes.size,
      PROPERTY_KEY: store.tokens.propertyKeys.size,
    };
    this.loader = store.beginBulkLoad();
  }

  /** The id of a token, assigned on first use. */
  token(kind: TokenKind, name: string): number {
    const ids = this.tokenIds[kind];
    const existing = ids.get(name);
    if (existing !== undefined) return existing;
    const id = this.nextToken[kind]++;
    ids.set(name, id);
    this.loader.restoreToken({ kind, id, name });
    return id;
  }

  /** Adds node `id`; `properties` (`[key, value, …]`, distinct keys) is kept by the store: pass a fresh one. */
  createNode(id: number, labels: readonly number[], properties: FlatProperties): void {
    this.loader.addNode(id, labels, properties);
  }

  /** Adds relationship `id` between two loaded nodes; `properties` as for `createNode`. */
  createRelationship(id: number, type: number, start: number, end: number, properties: FlatProperties): void {
    this.loader.addRelationship(id, type, start, end, properties);
  }

  /** Links the relationships and publishes everything as one commit. */
  finish(): void {
    const started = performance.now();
    this.loader.finish({
      commitTs: this.commitTs,
      nodeHighWaterMark: 0,
      relationshipHighWaterMark: 0,
      indexes: [],
      constraints: [],
    });
    this.finishMs = performance.now() - started;
  }
}

/**
 * Checks a converted value the way a transactional write would (lists of one scalar kind, no maps), so the
 * bulk path stores nothing a `CREATE` could not. Scalars from the converters pass at once.
 * @throws CypherTypeError for a value that cannot be stored.
 */
export function checkStorable(value: CypherValue): void {
  if (typeof value === 'object') assertStorable(value);
}
