import { CypherSemanticError } from '../../errors/index.js';
import type { AggregationOp } from '../../planner/index.js';
import { hashKey, type CypherValue } from '../../values/index.js';
import type { Aggregator } from '../functions/function-definition.js';
import { MemoryScope } from '../runtime/memory-scope.js';
import type { Row, RowCursor } from '../runtime/row.js';
import { estimateRowSize, estimateStringSize } from '../runtime/value-size.js';
import { buildAggregationInput } from './aggregation-input.js';
import { groupKey, type GroupKey } from './group-key.js';
import { buildScanAggregation } from './scan-aggregation.js';
import type { BuildContext, Operator } from './operator.js';
import { AGGREGATOR_BYTES, trackedAggregatorFactory, type AggregatorFactory } from './tracked-aggregator.js';

/** count(*): counts rows. */
class RowCounter implements Aggregator {
  // A number, not a bigint: incrementing a bigint allocates one per row.
  private count = 0;
  add(): void {
    this.count++;
  }
  result(): CypherValue {
    return BigInt(this.count);
  }
}

interface Group {
  readonly keys: readonly CypherValue[];
  readonly aggregators: readonly Aggregator[];
}

/**
 * EagerAggregation: groups the input by the grouping values (equivalence, via `hashKey`) and feeds each
 * group's aggregators; yields one row per group (grouping and aggregate slots set on a copy of the
 * argument row). Without grouping keys it yields exactly one row, even for no input.
 */
export function buildEagerAggregation(plan: AggregationOp, build: BuildContext): Operator {
  // Ungrouped constant-space aggregates of a scan's properties run fused, column at a time.
  const fused = buildScanAggregation(plan, build);
  if (fused !== undefined) return fused;
  // The input (source and compiled expressions) may fuse a leaf scan into the aggregation.
  const { source, groupings, args: argumentEvaluators } = buildAggregationInput(plan, build);
  const context = build.context;
  const groupingSlots = plan.groupings.map((grouping) => grouping.slot);
  const factories = plan.aggregates.map((call): AggregatorFactory => {
    if (call.name.toLowerCase() === 'count' && call.args.length === 0) return () => new RowCounter();
    const definition = build.aggregate(call.name);
    if (definition === undefined) {
      throw new CypherSemanticError(`Unknown function '${call.name}'`, { detail: 'UnknownFunction' });
    }
    return trackedAggregatorFactory(call, definition);
  });
  const newGroup = (keys: readonly CypherValue[], memory: MemoryScope): Group => ({
    keys,
    aggregators: factories.map((factory) => factory(memory)),
  });
  return {
    open(argument: Row): RowCursor {
      let output: Row[] | undefined;
      let index = 0;
      const memory = new MemoryScope(build.memory);
      const run = (): Row[] => {
        const groups = new Map<GroupKey, Group>();
        // Without grouping keys there is exactly one group: no key is computed per row.
        const single = groupings.length === 0 ? newGroup([], memory) : undefined;
        if (single !== undefined) groups.set('', single);
        // One argument buffer per aggregate, reused for every row (aggregators never keep it).
        const buffers = argumentEvaluators.map((evaluators) => new Array<CypherValue>(evaluators.length));
        const input = source.open(argument);
        let count = 0;
        for (let row = input.next(); row !== null; row = input.next()) {
          if ((++count & 1023) === 0) context.checkInterrupt();
          let group = single;
          if (group === undefined) {
            const keys = groupings.map((evaluate) => evaluate(row, context));
            const key: GroupKey =
              keys.length === 1 ? groupKey(keys[0] ?? null) : keys.map((k) => hashKey(k)).join('|');
            group = groups.get(key);
            if (group === undefined) {
              // A group holds its key string, its grouping values (sized as a row) and its aggregators.
              if (memory.isTracking) {
                memory.allocate(
                  estimateStringSize(typeof key === 'string' ? key.length : 8) +
                    estimateRowSize(keys) +
                    AGGREGATOR_BYTES,
                );
              }
              group = newGroup(keys, memory);
              groups.set(key, group);
            }
          }
          const aggregators = group.aggregators;
          for (let position = 0; position < aggregators.length; position++) {
            const evaluators = argumentEvaluators[position] ?? [];
            const buffer = buffers[position] ?? [];
            for (let arg = 0; arg < evaluators.length; arg++) {
              const evaluate = evaluators[arg];
              buffer[arg] = evaluate === undefined ? null : evaluate(row, context);
            }
            aggregators[position]?.add(buffer);
          }
        }
        input.close();
        return [...groups.values()].map((group) => {
          const out = argument.slice();
          group.keys.forEach((value, position) => (out[groupingSlots[position] ?? 0] = value));
          group.aggregators.forEach((aggregator, position) => {
            out[plan.aggregates[position]?.slot ?? 0] = aggregator.result();
          });
          return out;
        });
      };
      return {
        next: () => {
          output ??= run();
          const row = output[index++] ?? null;
          if (row === null) memory.releaseAll();
          return row;
        },
        close: () => {
          output = [];
          memory.releaseAll();
        },
      };
    },
  };
}
