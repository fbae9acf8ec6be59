/**
 * Test support for index seeks: a TestDatabase whose planner can be shown or denied the store's indexes, so
 * that one query can be run with an index plan and with a scan plan over the same data, and statements
 * can be run inside a caller's transaction (MVCC and serializable validation tests).
 */
import { analyze, parse } from '../../src/cypher/index.js';
import { emptyStatistics, materialize } from '../../src/execution/index.js';
import { executePlan } from '../../src/execution/operators/plan-runner.js';
import { formatPlan, planQuery, type CatalogView, type QueryPlan } from '../../src/planner/index.js';
import type { StoreTransaction } from '../../src/storage/index.js';
import type { CypherMap, CypherValue } from '../../src/values/index.js';
import { catalogOf, plain, TestDatabase } from './harness.js';

/** How the planner sees the store. */
export type IndexVisibility = 'indexes' | 'no-indexes';

export class SeekDatabase extends TestDatabase {
  visibility: IndexVisibility = 'indexes';

  /**
   * The catalog: without indexes, or with them, few relationships and many nodes, which makes every
   * usable relationship index seek the cheapest leaf (estimates only choose plans; results must not change).
   */
  catalog(): CatalogView {
    const catalog = catalogOf(this.store, this.procedures);
    if (this.visibility === 'no-indexes') return { ...catalog, indexes: () => [] };
    return { ...catalog, relationshipCount: () => 1, nodeCount: (label) => catalog.nodeCount(label) + 1000 };
  }

  override plan(text: string): QueryPlan {
    return planQuery(analyze(parse(text), text), this.catalog());
  }

  /** The EXPLAIN tree of `text` as planned now. */
  explain(text: string): string {
    return formatPlan(this.plan(text).describe());
  }

  /** Runs one statement inside `tx` (left open) and returns its rows as plain values. */
  runIn(tx: StoreTransaction, text: string, parameters: CypherMap = {}): unknown[][] {
    const plan = this.plan(text);
    const cursor = executePlan(plan, this.context(tx, parameters, emptyStatistics()), this.runtime);
    const rows: unknown[][] = [];
    for (let row = cursor.next(); row !== null; row = cursor.next()) {
      rows.push(row.slice(0, plan.columns.length).map((value) => plain(materialize(value ?? null))));
    }
    cursor.close();
    return rows;
  }

  /** The rows of a read query in a transaction of its own (rolled back), each as one sortable string. */
  rowsOf(text: string, parameters: CypherMap = {}): string[] {
    const tx = this.store.begin();
    try {
      return this.runIn(tx, text, parameters)
        .map((row) => JSON.stringify(row, (_key, value: unknown) => jsonSafe(value)))
        .sort();
    } finally {
      tx.rollback();
    }
  }

  /** `text` run with an index plan and with a scan plan. */
  bothWays(text: string, parameters: CypherMap): { indexed: string[]; scanned: string[] } {
    this.visibility = 'no-indexes';
    const scanned = this.rowsOf(text, parameters);
    this.visibility = 'indexes';
    return { indexed: this.rowsOf(text, parameters), scanned };
  }
}

function jsonSafe(value: unknown): unknown {
  if (typeof value === 'bigint') return `${String(value)}n`;
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return value;
}

/** Evaluates Cypher literals (temporal, spatial…) into values to store or pass as parameters. */
export async function valuesOf(literals: readonly string[]): Promise<CypherValue[]> {
  const db = new TestDatabase();
  const result = await db.run(`RETURN [${literals.join(', ')}] AS values`);
  const [row] = result.rows;
  return (row?.[0] ?? []) as CypherValue[];
}
