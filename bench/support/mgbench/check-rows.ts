/**
 * Cross-checks the two engines before timing: for a few parameter draws, both must return the same number
 * of records, and where every value is a scalar (ids, counts, averages) the same multiset of records.
 * Results with nodes or relationships, or cut by LIMIT without ORDER BY, are compared by count only.
 */
import { drawParams } from './param-draws.js';
import type { MgbenchQuery } from './queries.js';
import type { Contestant } from './measure-query.js';

/** Draws checked per query (seeds distinct from the timed ones). */
const CHECKS = 5;
const CHECK_SEED = 9_000_000;

function scalarKey(value: unknown): string | undefined {
  if (value === null) return 'null';
  if (typeof value === 'bigint') return `n:${value.toString()}`;
  // Integers arrive as bigint from Quiver and as number from Kuzu; averages as floats on both.
  if (typeof value === 'number') return `n:${Number.isInteger(value) ? value.toString() : value.toFixed(6)}`;
  if (typeof value === 'string') return `s:${value}`;
  if (typeof value === 'boolean') return `b:${String(value)}`;
  return undefined;
}

/** The sorted record keys, or undefined when some value is not a scalar. */
function recordKeys(rows: readonly (readonly unknown[])[]): string[] | undefined {
  const keys: string[] = [];
  for (const row of rows) {
    const parts: string[] = [];
    for (const value of row) {
      const key = scalarKey(value);
      if (key === undefined) return undefined;
      parts.push(key);
    }
    keys.push(parts.join('|'));
  }
  return keys.sort();
}

/** Returns a description of every difference found (empty when the engines agree). */
export async function checkRows(
  query: MgbenchQuery,
  subject: Contestant,
  baseline: Contestant,
  users: number,
): Promise<string[]> {
  const problems: string[] = [];
  // Writes change the graph: one draw is enough.
  const checks = query.writes ? 1 : CHECKS;
  for (let check = 0; check < checks; check++) {
    const subjectParams = drawParams(query, CHECK_SEED + check, users, subject.fresh);
    const baselineParams = drawParams(query, CHECK_SEED + check, users, baseline.fresh);
    const subjectRows = await subject.side.rows(query, subjectParams);
    const baselineRows = await baseline.side.rows(query, baselineParams);
    const shown = JSON.stringify(subjectParams);
    if (subjectRows.length !== baselineRows.length) {
      problems.push(
        `${query.name} ${shown}: ${subject.side.name} ${subjectRows.length} rows, ` +
          `${baseline.side.name} ${baselineRows.length} rows`,
      );
      continue;
    }
    const subjectKeys = recordKeys(subjectRows);
    const baselineKeys = recordKeys(baselineRows);
    if (subjectKeys === undefined || baselineKeys === undefined) continue;
    const differing = subjectKeys.findIndex((key, index) => key !== baselineKeys[index]);
    if (differing >= 0)
      problems.push(
        `${query.name} ${shown}: values differ (${subject.side.name} ${subjectKeys[differing]!}, ` +
          `${baseline.side.name} ${baselineKeys[differing]!})`,
      );
  }
  return problems;
}
