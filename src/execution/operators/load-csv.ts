import { resolve } from 'node:path';
import type { LoadCsvOp } from '../../planner/index.js';
import type { CypherValue } from '../../values/index.js';
import type { Evaluator } from '../expressions/compile-scope.js';
import type { ExecutionContext } from '../runtime/context.js';
import { setEntry } from '../runtime/map-entry.js';
import type { Row, RowCursor } from '../runtime/row.js';
import { CsvFileReader } from './load-csv-reader.js';
import { resolveCsvPath } from './load-csv-url.js';
import type { BuildContext, Operator } from './operator.js';
import { StreamCursor } from './stream-cursor.js';

/** The import directory when the context names none: `import` under the working directory. */
export function defaultImportDirectory(): string {
  return resolve('import');
}

/**
 * LoadCSV: for each input row, opens the file its URL names and yields one row per record, reading the
 * file only as far as rows are pulled (so `LOAD CSV … LIMIT 10` reads the first chunk of a huge file).
 * After MATCH the file is read again for every incoming row, as in Neo4j. The file is closed when its
 * records are exhausted or the cursor is closed.
 *
 * Without headers a row is a LIST<STRING>; with headers the first record names the keys of a
 * MAP<STRING, STRING>: a record shorter than the header gives null for the missing trailing keys, extra
 * fields are ignored, an empty header cell is the key `""`, and for a repeated header the last column
 * wins (Neo4j's `AbstractLoadCSVPipe`, whose map is built from `headers.zipWithIndex.toMap`).
 * `linenumber()` counts records from 1, the header included (Cypher manual, LOAD CSV functions: "the
 * headers will be linenumber 1 and the 1st row of data will have a linenumber of 2").
 */
class LoadCsvCursor extends StreamCursor {
  private readonly plan: LoadCsvOp;
  private readonly url: Evaluator;
  private readonly context: ExecutionContext;
  private reader: CsvFileReader | undefined;
  private headers: readonly string[] | undefined;

  constructor(input: RowCursor, plan: LoadCsvOp, url: Evaluator, context: ExecutionContext) {
    super(input);
    this.plan = plan;
    this.url = url;
    this.context = context;
  }

  protected begin(row: Row): void {
    this.reader?.close();
    this.reader = undefined;
    const directory = this.context.importDirectory ?? defaultImportDirectory();
    const path = resolveCsvPath(this.url(row, this.context), directory);
    const reader = new CsvFileReader(path, this.plan.fieldTerminator);
    this.reader = reader;
    this.headers = this.plan.withHeaders ? (reader.next() ?? []).map((name) => name ?? '') : undefined;
  }

  protected produce(row: Row): Row | null {
    const reader = this.reader;
    if (reader === undefined) return null;
    const fields = reader.next();
    if (fields === null) {
      reader.close();
      this.reader = undefined;
      return null;
    }
    const line = reader.recordNumber;
    if ((line & 1023) === 0) this.context.checkInterrupt();
    const out = row.slice();
    out[this.plan.slot] = this.headers === undefined ? fields : toMap(this.headers, fields);
    out[this.plan.lineSlot] = BigInt(line);
    out[this.plan.fileSlot] = reader.path;
    return out;
  }

  override close(): void {
    this.reader?.close();
    this.reader = undefined;
    super.close();
  }
}

function toMap(headers: readonly string[], fields: readonly (string | null)[]): Record<string, CypherValue> {
  const map: Record<string, CypherValue> = {};
  headers.forEach((name, index) => {
    setEntry(map, name, fields[index] ?? null);
  });
  return map;
}

export function buildLoadCsv(plan: LoadCsvOp, build: BuildContext): Operator {
  const source = build.build(plan.source);
  const url = build.compile(plan.url);
  return { open: (argument) => new LoadCsvCursor(source.open(argument), plan, url, build.context) };
}
