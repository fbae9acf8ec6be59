import { emptyStatistics } from '../../execution/index.js';
import type { GraphStore, NodeCursor, RelationshipCursor } from '../../storage/index.js';
import type { CypherMap } from '../../values/index.js';
import type { RecordSink, StatementResult, StatementSummary } from '../statement-result.js';
import { BatchBuffer } from './dump-batches.js';
import { dumpNode, dumpRelationship, type DumpedEntity } from './dump-entities.js';
import type { DumpReader } from './dump-reader.js';
import {
  DUMP_CLEANUP,
  DUMP_PRELUDE,
  nodeBatchStatement,
  relationshipBatchStatement,
} from './dump-statements.js';
import { schemaStatements } from './schema-statements.js';

/** What the dump is walking: the fixed head (schema + prelude), the node scan, the relationship scan, the tail. */
type Phase = 'head' | 'nodes' | 'relationships' | 'tail' | 'end' | 'done';

/** Options of a dump: the store (tokens, schema), the transaction to read through, and what to report. */
export interface DumpOptions {
  readonly store: GraphStore;
  readonly reader: DumpReader;
  readonly text: string;
  readonly parameters: CypherMap;
  readonly database: string;
  /** Called once per pulled batch: throws when the transaction was terminated or timed out. */
  readonly checkInterrupt?: () => void;
}

/**
 * The result of `DUMP DATABASE`: one `statement` per record, produced as records are pulled. The schema is
 * read up front (a handful of statements); nodes and relationships are read through the transaction's scan
 * cursors and gathered into batch statements (`UNWIND [rows] AS row CREATE …`, one per label set or
 * relationship type, see dump-batches.ts), so the dump holds at most a few batches and its memory does
 * not grow with the database, while a replay compiles one statement per batch. An entity with a BYTES
 * property comes on its own, after `:param` records that carry the bytes (dump-entities.ts). Replayed in
 * order by a shell, one statement per transaction or all in one, the records rebuild the database (VECTOR
 * properties aside, which Cypher cannot write).
 */
export class DumpResult implements StatementResult {
  readonly fields: readonly string[] = ['statement'];
  private readonly options: DumpOptions;
  private phase: Phase = 'head';
  private nodes: NodeCursor | undefined;
  private relationships: RelationshipCursor | undefined;
  /** Records ready to be handed out, before the scans move on. */
  private queue: string[] = [];
  private queued = 0;
  private readonly nodeBatches = new BatchBuffer(nodeBatchStatement);
  private readonly relationshipBatches = new BatchBuffer(relationshipBatchStatement);
  private records = 0;
  private readonly startedAt = performance.now();
  private readyAt: number | undefined;
  private finishedAt: number | undefined;

  constructor(options: DumpOptions) {
    this.options = options;
  }

  get done(): boolean {
    return this.phase === 'done';
  }

  pull(n: number, sink: RecordSink): boolean {
    this.options.checkInterrupt?.();
    this.readyAt ??= performance.now();
    for (let produced = 0; produced < n; produced++) {
      const statement = this.next();
      if (statement === undefined) return false;
      this.records++;
      sink([statement]);
    }
    return this.phase !== 'done';
  }

  discard(n: number): boolean {
    return this.pull(n, () => undefined);
  }

  summary(): StatementSummary {
    const finishedAt = this.finishedAt ?? performance.now();
    const ready = this.readyAt ?? finishedAt;
    return {
      text: this.options.text,
      parameters: this.options.parameters,
      queryType: 'r',
      statistics: emptyStatistics(),
      plan: undefined,
      profile: undefined,
      database: this.options.database,
      records: this.records,
      resultAvailableAfter: Math.round(ready - this.startedAt),
      resultConsumedAfter: Math.round(finishedAt - ready),
    };
  }

  close(): void {
    this.phase = 'done';
    this.nodes = undefined;
    this.relationships = undefined;
    this.queue = [];
    this.finishedAt ??= performance.now();
  }

  /** The next record, advancing through the phases; `undefined` (and closed) at the end. */
  private next(): string | undefined {
    const { reader, store } = this.options;
    for (;;) {
      if (this.queued < this.queue.length) return this.queue[this.queued++];
      this.queue = [];
      this.queued = 0;
      switch (this.phase) {
        case 'head':
          this.queue = [...schemaStatements(store), DUMP_PRELUDE];
          this.phase = 'nodes';
          this.nodes = reader.scanNodes();
          break;
        case 'nodes': {
          const id = this.nodes?.next() ?? -1;
          if (id >= 0) {
            this.enqueue(dumpNode(reader, store.tokens, id), this.nodeBatches);
            break;
          }
          this.queue = this.nodeBatches.drain();
          this.phase = 'relationships';
          this.relationships = reader.scanRelationships();
          break;
        }
        case 'relationships': {
          const id = this.relationships?.next() ?? -1;
          if (id >= 0) {
            this.enqueue(dumpRelationship(reader, store.tokens, id), this.relationshipBatches);
            break;
          }
          this.queue = this.relationshipBatches.drain();
          this.phase = 'tail';
          break;
        }
        case 'tail':
          this.queue = [...DUMP_CLEANUP];
          this.phase = 'end';
          break;
        case 'end':
          this.close();
          return undefined;
        case 'done':
          return undefined;
      }
    }
  }

  /** Queues what an entity adds: its own records, or the statements of batches its row completed. */
  private enqueue(entity: DumpedEntity, batches: BatchBuffer): void {
    if (entity.kind === 'ALONE') this.queue.push(...entity.records);
    else this.queue.push(...batches.add(entity.target, entity.hasProperties, entity.row));
  }
}
