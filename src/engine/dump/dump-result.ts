import { emptyStatistics } from '../../execution/index.js';
import type { GraphStore, NodeCursor, RelationshipCursor } from '../../storage/index.js';
import type { CypherMap } from '../../values/index.js';
import type { RecordSink, StatementResult, StatementSummary } from '../statement-result.js';
import type { DumpReader } from './dump-reader.js';
import { DUMP_CLEANUP, DUMP_PRELUDE, nodeStatement, relationshipStatement } from './dump-statements.js';
import { schemaStatements } from './schema-statements.js';

/** What the dump is walking: the fixed head (schema + prelude), the node scan, the relationship scan, the tail. */
type Phase = 'head' | 'nodes' | 'relationships' | 'tail' | 'done';

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
 * cursors one entity per record, so the dump never holds more than one statement and its memory does not
 * grow with the database. Replayed in order, one statement per transaction or all in one, the statements
 * rebuild the database (BYTES and VECTOR properties aside, which Cypher cannot write).
 */
export class DumpResult implements StatementResult {
  readonly fields: readonly string[] = ['statement'];
  private readonly options: DumpOptions;
  private phase: Phase = 'head';
  private head: string[] | undefined;
  private position = 0;
  private nodes: NodeCursor | undefined;
  private relationships: RelationshipCursor | undefined;
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
    this.finishedAt ??= performance.now();
  }

  /** The next statement, advancing through the phases; `undefined` (and closed) at the end. */
  private next(): string | undefined {
    const { reader, store } = this.options;
    for (;;) {
      switch (this.phase) {
        case 'head': {
          this.head ??= [...schemaStatements(store), DUMP_PRELUDE];
          const statement = this.head[this.position++];
          if (statement !== undefined) return statement;
          this.phase = 'nodes';
          this.nodes = reader.scanNodes();
          break;
        }
        case 'nodes': {
          const id = this.nodes?.next() ?? -1;
          if (id >= 0) return nodeStatement(reader, store.tokens, id);
          this.phase = 'relationships';
          this.relationships = reader.scanRelationships();
          break;
        }
        case 'relationships': {
          const id = this.relationships?.next() ?? -1;
          if (id >= 0) return relationshipStatement(reader, store.tokens, id);
          this.phase = 'tail';
          this.position = 0;
          break;
        }
        case 'tail': {
          const statement = DUMP_CLEANUP[this.position++];
          if (statement !== undefined) return statement;
          this.close();
          return undefined;
        }
        case 'done':
          return undefined;
      }
    }
  }
}
