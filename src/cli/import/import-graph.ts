/**
 * The import pipeline, in order: every node group (header, then rows), then every relationship group
 * (whose endpoints must be nodes imported before), each row bulk-loaded into the empty store as it is read
 * (graph-loader.ts), and at the end the adjacency lists linked in one pass. It knows nothing of data
 * directories or durability: run-import.ts wraps it, tests run it on a plain in-memory GraphStore.
 */
import { statSync } from 'node:fs';
import { DatabaseError, Status } from '../../errors/index.js';
import type { GraphStore } from '../../storage/index.js';
import { BadRows, type BadRowKind, type BadRowPolicy, type ReportSink } from './bad-rows.js';
import { readInputGroup, type InputHandler } from './csv-input.js';
import type { CsvDialect } from './csv-parser.js';
import type { CsvRecord } from './csv-record.js';
import { GraphLoader } from './graph-loader.js';
import { parseHeader, type EntityKind, type Header } from './header.js';
import { IdSpaces, type IdType } from './id-spaces.js';
import type { ImportContext } from './import-context.js';
import { NodeRows, type NodeInput } from './node-rows.js';
import { RelationshipRows, type RelationshipInput } from './relationship-rows.js';
import type { ValueOptions } from './value-converters.js';

/** The files to import. */
export interface ImportInputs {
  readonly nodes: readonly NodeInput[];
  readonly relationships: readonly RelationshipInput[];
}

/** How to read and judge the files. */
export interface ImportSettings extends CsvDialect, ValueOptions, BadRowPolicy {
  readonly idType: IdType;
}

/** Told about progress; the command draws a bar from it. */
export interface ImportProgress {
  stage(name: string, totalBytes: number): void;
  advance(bytes: number, rows: number): void;
}

/** Where the import reports and shows progress. */
export interface ImportHooks {
  readonly report: ReportSink;
  readonly progress?: ImportProgress;
}

/** What an import did. */
export interface ImportResult {
  readonly nodes: number;
  readonly relationships: number;
  readonly properties: number;
  readonly badRows: number;
  readonly badRowCounts: Readonly<Record<BadRowKind, number>>;
  /** Milliseconds storage spent linking the loaded relationships into adjacency lists (the last step). */
  readonly linkMs: number;
  readonly durationMs: number;
}

/**
 * Imports the CSV groups into `store`, which must be new: empty, and never used by a transaction. The
 * whole import becomes the store's first commit.
 * @throws DatabaseError (ArgumentError) for a store that is not new, an unreadable file, an invalid header,
 * or bad rows beyond what the settings allow; the store then holds the part imported so far and must be
 * discarded.
 */
export async function importGraph(
  store: GraphStore,
  inputs: ImportInputs,
  settings: ImportSettings,
  hooks: ImportHooks,
): Promise<ImportResult> {
  const started = performance.now();
  if (
    store.countNodes() !== 0 ||
    store.countRelationships() !== 0 ||
    store.lastCommitTs !== 0 ||
    store.activeTransactions !== 0 ||
    store.indexes().length !== 0 ||
    store.constraints().length !== 0
  ) {
    throw new DatabaseError(Status.ArgumentError, 'An import needs an empty database');
  }
  const loader = new GraphLoader(store);
  const badRows = new BadRows(settings, hooks.report);
  const context: ImportContext = {
    loader,
    ids: new IdSpaces(settings.idType),
    badRows,
    values: settings,
    counters: { nodes: 0, relationships: 0, properties: 0, nextNodeId: 0, nextRelationshipId: 0 },
  };
  const progress = hooks.progress;
  progress?.stage('Nodes', totalBytes(inputs.nodes));
  for (const input of inputs.nodes) {
    await readGroup(
      input.files,
      settings,
      'node',
      progress,
      (header, source) => new NodeRows(header, input, context, source),
      badRows,
    );
  }
  progress?.stage('Relationships', totalBytes(inputs.relationships));
  for (const input of inputs.relationships) {
    await readGroup(
      input.files,
      settings,
      'relationship',
      progress,
      (header) => new RelationshipRows(header, input, context),
      badRows,
    );
  }
  loader.finish();
  const { counters } = context;
  return {
    nodes: counters.nodes,
    relationships: counters.relationships,
    properties: counters.properties,
    badRows: badRows.total,
    badRowCounts: { ...badRows.counts },
    linkMs: loader.finishMs,
    durationMs: performance.now() - started,
  };
}

interface RowHandler {
  row(record: CsvRecord, source: string, line: number): void;
}

async function readGroup(
  files: readonly string[],
  settings: ImportSettings,
  entity: EntityKind,
  progress: ImportProgress | undefined,
  handlerFor: (header: Header, source: string) => RowHandler,
  badRows: BadRows,
): Promise<void> {
  let rows: RowHandler | undefined;
  const handler: InputHandler = {
    header(fields, source) {
      rows = handlerFor(parseHeader(fields, entity, source), source);
    },
    row(record, source, line) {
      rows?.row(record, source, line);
    },
    bad(source, line, reason) {
      badRows.record('format', source, line, reason);
    },
  };
  await readInputGroup(
    files,
    settings,
    handler,
    progress === undefined
      ? undefined
      : (bytes, count) => {
          progress.advance(bytes, count);
        },
  );
}

function totalBytes(inputs: readonly { readonly files: readonly string[] }[]): number {
  let total = 0;
  for (const input of inputs) {
    for (const file of input.files) {
      try {
        total += statSync(file).size;
      } catch {
        // A missing file is reported when it is read.
      }
    }
  }
  return total;
}
