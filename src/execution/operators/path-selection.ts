import { CypherArgumentError } from '../../errors/index.js';
import type { PathSelectionOp } from '../../planner/index.js';
import { Path, type CypherValue } from '../../values/index.js';
import { displayTypeName } from '../functions/type-errors.js';
import { MemoryScope } from '../runtime/memory-scope.js';
import type { Row, RowCursor } from '../runtime/row.js';
import { materialize } from './eager.js';
import type { BuildContext, Operator } from './operator.js';

/** A matched path's row with what selection needs: its pair of end nodes and its length. */
interface Candidate {
  readonly row: Row;
  readonly length: number;
}

/** The key of a path's partition (its first and last node) and its length; undefined for no path. */
function partitionOf(value: CypherValue | undefined): { key: string; length: number } | undefined {
  if (!(value instanceof Path)) return undefined;
  const first = value.nodes[0];
  const last = value.nodes.at(-1);
  if (first === undefined || last === undefined) return undefined;
  return { key: `${String(first.id)}:${String(last.id)}`, length: value.relationships.length };
}

/** The rows of one partition a selector keeps, shortest first (ANY keeps the order they came in). */
function select(plan: PathSelectionOp, candidates: Candidate[], count: number): Row[] {
  if (plan.selector === 'ANY') return candidates.slice(0, count).map((candidate) => candidate.row);
  const sorted = candidates.sort((a, b) => a.length - b.length);
  if (plan.selector === 'SHORTEST') return sorted.slice(0, count).map((candidate) => candidate.row);
  const lengths = [...new Set(sorted.map((candidate) => candidate.length))].slice(0, count);
  const longest = lengths.at(-1) ?? -1;
  return sorted.filter((candidate) => candidate.length <= longest).map((candidate) => candidate.row);
}

/** k of a selector: a positive INTEGER. */
function countOf(value: CypherValue): number {
  if (typeof value === 'bigint' && value > 0n) return value > 1_000_000_000n ? 1_000_000_000 : Number(value);
  const shown = typeof value === 'bigint' ? String(value) : displayTypeName(value);
  throw new CypherArgumentError(
    `The number of paths or groups to select must be a positive integer, got ${shown}`,
  );
}

/**
 * PathSelection (a GQL path selector): pulls every path the input row matches, groups them by first and
 * last node, and yields what the selector keeps of each group, groups in the order they were first seen.
 * Buffers the paths of one input row (tracked by the memory guard).
 */
export function buildPathSelection(plan: PathSelectionOp, build: BuildContext): Operator {
  const source = build.build(plan.source);
  const count = build.compile(plan.count);
  return {
    open(argument: Row): RowCursor {
      const memory = new MemoryScope(build.memory);
      const k = countOf(count(argument, build.context));
      let selected: Row[] | undefined;
      let index = 0;
      const release = (): void => {
        selected = [];
        memory.releaseAll();
      };
      const run = (): Row[] => {
        const groups = new Map<string, Candidate[]>();
        for (const row of materialize(source.open(argument), memory)) {
          const partition = partitionOf(row[plan.path]);
          if (partition === undefined) continue;
          let group = groups.get(partition.key);
          if (group === undefined) groups.set(partition.key, (group = []));
          group.push({ row, length: partition.length });
        }
        return [...groups.values()].flatMap((group) => select(plan, group, k));
      };
      return {
        next: () => {
          selected ??= run();
          const row = selected[index++] ?? null;
          if (row === null) release();
          return row;
        },
        close: release,
      };
    },
  };
}
