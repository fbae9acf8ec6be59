/**
 * Turns imported entities into commit records and replays them into an empty store, `batchSize` changes
 * per record with increasing commit timestamps. The batcher assigns token ids itself (dense, after those
 * the store already has) and lists each token in the first record that uses it, which is how a commit
 * log defines tokens (see storage's commit-log.ts).
 */
import type {
  CommitRecord,
  GraphStore,
  RecordProperties,
  StorageChange,
  TokenDefinition,
  TokenKind,
} from '../../storage/index.js';

/** Changes per record unless told otherwise. */
export const DEFAULT_BATCH_SIZE = 10_000;

/** Properties of an entity without any (shared: records are never mutated). */
export const NO_PROPERTIES: RecordProperties = Object.freeze([]);

/** Builds records for one import and replays them into its store. */
export class RecordBatcher {
  private readonly store: GraphStore;
  private readonly batchSize: number;
  private readonly tokenIds: Record<TokenKind, Map<string, number>> = {
    LABEL: new Map(),
    RELATIONSHIP_TYPE: new Map(),
    PROPERTY_KEY: new Map(),
  };
  private readonly nextToken: Record<TokenKind, number>;
  private newTokens: TokenDefinition[] = [];
  private changes: StorageChange[] = [];
  private nextCommitTs: number;
  /** Records replayed so far. */
  records = 0;
  /** Milliseconds spent in `store.replay` (to tell storage's share of the import time). */
  replayMs = 0;

  constructor(store: GraphStore, batchSize = DEFAULT_BATCH_SIZE) {
    this.store = store;
    this.batchSize = batchSize;
    this.nextCommitTs = store.lastCommitTs + 1;
    this.nextToken = {
      LABEL: store.tokens.labels.size,
      RELATIONSHIP_TYPE: store.tokens.relationshipTypes.size,
      PROPERTY_KEY: store.tokens.propertyKeys.size,
    };
  }

  /** The id of a token, assigned on first use. */
  token(kind: TokenKind, name: string): number {
    const ids = this.tokenIds[kind];
    const existing = ids.get(name);
    if (existing !== undefined) return existing;
    const id = this.nextToken[kind]++;
    ids.set(name, id);
    this.newTokens.push({ kind, id, name });
    return id;
  }

  createNode(id: number, labels: readonly number[], properties: RecordProperties): void {
    this.changes.push({ kind: 'CreateNode', id, labels, properties });
    if (this.changes.length >= this.batchSize) this.flush();
  }

  createRelationship(
    id: number,
    type: number,
    start: number,
    end: number,
    properties: RecordProperties,
  ): void {
    this.changes.push({ kind: 'CreateRelationship', id, type, start, end, properties });
    if (this.changes.length >= this.batchSize) this.flush();
  }

  /** Replays what is pending as one record. */
  flush(): void {
    if (this.changes.length === 0 && this.newTokens.length === 0) return;
    const record: CommitRecord = {
      commitTs: this.nextCommitTs++,
      tokens: this.newTokens,
      changes: this.changes,
    };
    this.newTokens = [];
    this.changes = [];
    const started = performance.now();
    this.store.replay(record);
    this.replayMs += performance.now() - started;
    this.records++;
  }
}
