/**
 * Support for the LOAD CSV suites: a temporary import directory with helpers to write files into it, and
 * a statement runner over a DatabaseEngine that returns plain rows and the summary.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DatabaseEngine } from '../../src/engine/database-engine.js';
import type { StatementSummary } from '../../src/engine/statement-result.js';
import type { CypherMap, CypherValue } from '../../src/values/index.js';

export class ImportDirectory {
  readonly path = mkdtempSync(join(tmpdir(), 'quiver-load-csv-'));

  /** Writes `content` to `name` (sub-directories created); returns its absolute path. */
  write(name: string, content: string | Uint8Array): string {
    const path = join(this.path, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    return path;
  }

  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}

export interface Outcome {
  readonly rows: CypherValue[][];
  readonly summary: StatementSummary;
}

/**
 * Runs one statement in its own (implicit, auto-commit) transaction, pulling at most `limit` records, and
 * commits.
 */
export async function runQuery(
  engine: DatabaseEngine,
  text: string,
  parameters: CypherMap = {},
  limit = Number.MAX_SAFE_INTEGER,
): Promise<Outcome> {
  const tx = engine.begin({ implicit: true });
  try {
    const result = tx.run(text, parameters);
    const rows: CypherValue[][] = [];
    while (
      rows.length < limit &&
      (await result.pull(Math.min(1000, limit - rows.length), (values) => rows.push([...values])))
    );
    result.close();
    const summary = result.summary();
    await tx.commit();
    return { rows, summary };
  } catch (error) {
    if (tx.isOpen) tx.rollback();
    throw error;
  }
}

export function engineOver(directory: ImportDirectory): DatabaseEngine {
  return new DatabaseEngine({ importDirectory: directory.path });
}
