import type { NodeByIdSeekOp, NodeIndexSeekOp } from '../../planner/index.js';
import type { NodeCursor } from '../../storage/index.js';
import type { CypherValue } from '../../values/index.js';
import type { Evaluator } from '../expressions/compile-scope.js';
import type { ExecutionContext } from '../runtime/context.js';
import type { Row } from '../runtime/row.js';
import { compileIndexQuery } from './index-query.js';
import { NodeScanCursor } from './node-scans.js';
import type { BuildContext, Operator } from './operator.js';

/**
 * NodeIndexSeek (and its ByRange, Scan and Unique forms): per input row, the nodes of an online index
 * matching the evaluated query; none when a value makes the query unsatisfiable (null, a non-string prefix).
 */
export function buildNodeIndexSeek(plan: NodeIndexSeekOp, build: BuildContext): Operator {
  const source = build.build(plan.source);
  const context = build.context;
  const query = compileIndexQuery(plan.query, build);
  return {
    open: (argument) => {
      const seek = (row: Row): NodeCursor | undefined => {
        const q = query(row, context);
        return q === undefined ? undefined : context.tx.seekNodes(plan.index, q, 'NEW');
      };
      return new NodeScanCursor(source.open(argument), context, plan.slot, seek);
    },
  };
}

/** A node cursor over an explicit list of ids. */
class IdListCursor implements NodeCursor {
  private index = 0;
  private readonly ids: readonly number[];

  constructor(ids: readonly number[]) {
    this.ids = ids;
  }

  next(): number {
    return this.ids[this.index++] ?? -1;
  }
}

function resolveIds(
  value: CypherValue,
  single: boolean,
  elementIds: boolean,
  context: ExecutionContext,
): number[] {
  const values = single ? [value] : Array.isArray(value) ? (value as readonly CypherValue[]) : [];
  const ids: number[] = [];
  const seen = new Set<number>();
  for (const element of values) {
    let id: number | undefined;
    if (elementIds) {
      if (typeof element === 'string') id = context.tx.nodeByElementId(element, 'NEW');
    } else if (typeof element === 'bigint' || (typeof element === 'number' && Number.isInteger(element))) {
      const n = Number(element);
      if (Number.isSafeInteger(n) && n >= 0 && context.tx.nodeExists(n, 'NEW')) id = n;
    }
    if (id !== undefined && !seen.has(id)) {
      seen.add(id);
      ids.push(id);
    }
  }
  return ids;
}

/** NodeByIdSeek: `id(n) = x`, `id(n) IN list`, `elementId(n) = x`. */
export function buildNodeByIdSeek(plan: NodeByIdSeekOp, build: BuildContext): Operator {
  const source = build.build(plan.source);
  const context = build.context;
  const ids: Evaluator = build.compile(plan.ids);
  return {
    open: (argument) => {
      const seek = (row: Row): NodeCursor =>
        new IdListCursor(resolveIds(ids(row, context), plan.single, plan.elementIds, context));
      return new NodeScanCursor(source.open(argument), context, plan.slot, seek);
    },
  };
}
