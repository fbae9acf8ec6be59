import type { NodeByIdSeekOp, NodeIndexSeekOp, SeekQuery } from '../../planner/index.js';
import type { IndexQuery, NodeCursor } from '../../storage/index.js';
import type { CypherValue } from '../../values/index.js';
import type { Evaluator } from '../expressions/compile-scope.js';
import type { ExecutionContext } from '../runtime/context.js';
import type { Row } from '../runtime/row.js';
import { NodeScanCursor } from './node-scans.js';
import type { BuildContext, Operator } from './operator.js';

type QueryMaker = (row: Row, context: ExecutionContext) => IndexQuery | undefined;

function compileQuery(query: SeekQuery, build: BuildContext): QueryMaker {
  switch (query.kind) {
    case 'EXISTS':
      return () => ({ kind: 'EXISTS' });
    case 'EQUALS': {
      const value = build.compile(query.value);
      return (row, context) => {
        const v = value(row, context);
        return v === null ? undefined : { kind: 'EQUALS', values: [v] };
      };
    }
    case 'PREFIX': {
      const value = build.compile(query.value);
      return (row, context) => {
        const v = value(row, context);
        return typeof v === 'string' ? { kind: 'PREFIX', prefix: v } : undefined;
      };
    }
    case 'RANGE': {
      const lower =
        query.lower === undefined
          ? undefined
          : { value: build.compile(query.lower.value), inclusive: query.lower.inclusive };
      const upper =
        query.upper === undefined
          ? undefined
          : { value: build.compile(query.upper.value), inclusive: query.upper.inclusive };
      return (row, context) => {
        const low =
          lower === undefined ? undefined : { value: lower.value(row, context), inclusive: lower.inclusive };
        const high =
          upper === undefined ? undefined : { value: upper.value(row, context), inclusive: upper.inclusive };
        if (low?.value === null || high?.value === null) return undefined;
        return {
          kind: 'RANGE',
          ...(low === undefined ? {} : { lower: low }),
          ...(high === undefined ? {} : { upper: high }),
        };
      };
    }
  }
}

/** NodeIndexSeek: per input row, the nodes of an online index matching the evaluated query. */
export function buildNodeIndexSeek(plan: NodeIndexSeekOp, build: BuildContext): Operator {
  const source = build.build(plan.source);
  const context = build.context;
  const query = compileQuery(plan.query, build);
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
