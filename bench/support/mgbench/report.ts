/**
 * The final table of the engine-vs-Kuzu bench: per query Quiver's and Kuzu's throughput, their ratio
 * against the goal for the query's group, how it was measured and whether the row check passed;
 * then per group the geometric mean of the ratios.
 */
import type { BenchResult } from '../bench-result.js';
import type { MeasurePlan } from './measure-query.js';
import { GROUP_GOALS, type MgbenchQuery, type QueryGroup } from './queries.js';

/** The outcome of one query: measured, or failed (with the reason). */
export interface QueryOutcome {
  readonly query: MgbenchQuery;
  readonly result?: BenchResult;
  readonly plan?: MeasurePlan;
  readonly failure?: string;
  readonly rowProblems: readonly string[];
}

function formatOps(ops: number): string {
  if (ops >= 1e6) return `${(ops / 1e6).toFixed(2)}M`;
  if (ops >= 1e3) return `${(ops / 1e3).toFixed(1)}k`;
  if (ops >= 10) return ops.toFixed(1);
  return ops.toFixed(3);
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

function verdict(ratio: number, goal: number): string {
  return ratio >= goal ? 'ok' : 'MISS';
}

/** Renders the per-query and per-group tables. */
export function renderReport(outcomes: readonly QueryOutcome[], baselineName: string): string {
  const queryRows = outcomes.map(({ query, result, plan, failure, rowProblems }) => {
    const goal = GROUP_GOALS[query.group];
    const rowsCell = rowProblems.length === 0 ? 'same' : `DIFFER (${rowProblems.length})`;
    if (result === undefined || plan === undefined)
      return [query.group, query.name, '-', '-', '-', `≥${goal}x`, 'FAILED', rowsCell, failure ?? ''];
    const ratio = result.ratio ?? NaN;
    return [
      query.group,
      query.name,
      formatOps(result.opsPerSecond),
      formatOps(result.baseline?.opsPerSecond ?? NaN),
      `${ratio.toFixed(2)}x`,
      `≥${goal}x`,
      verdict(ratio, goal),
      rowsCell,
      `${plan.rounds} rounds x ${plan.count} draws (x${plan.subjectRepeat} / x${plan.baselineRepeat})`,
    ];
  });
  const groups = Object.keys(GROUP_GOALS) as QueryGroup[];
  const groupRows = groups.map((group) => {
    const measured = outcomes.filter((outcome) => outcome.query.group === group && outcome.result?.ratio);
    const total = outcomes.filter((outcome) => outcome.query.group === group).length;
    const goal = GROUP_GOALS[group];
    if (measured.length === 0) return [group, '-', `≥${goal}x`, `0/${total} measured`];
    const logSum = measured.reduce((sum, outcome) => sum + Math.log(outcome.result?.ratio ?? 1), 0);
    const geomean = Math.exp(logSum / measured.length);
    const met = measured.filter((outcome) => (outcome.result?.ratio ?? 0) >= goal).length;
    return [group, `${geomean.toFixed(2)}x`, `≥${goal}x`, `${met}/${total} queries meet the goal`];
  });
  return [
    `Quiver vs ${baselineName}: throughput (queries/s) and ratio Quiver/Kuzu`,
    table(
      ['group', 'query', 'quiver q/s', 'kuzu q/s', 'ratio', 'goal', '', 'rows', 'measured as'],
      queryRows,
    ),
    '',
    table(['group', 'geomean ratio', 'goal', ''], groupRows),
  ].join('\n');
}
