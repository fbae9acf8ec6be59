import type { AggregationOp } from '../../planner/index.js';
import { hashKey, type CypherValue } from '../../values/index.js';
import type { Aggregator, AggregateFunctionDefinition } from '../functions/function-definition.js';
import type { MemoryScope } from '../runtime/memory-scope.js';
import { estimateStringSize, estimateValueSize, SLOT_BYTES } from '../runtime/value-size.js';

/** The aggregates that keep every (non-null) argument until the end; the others keep a few numbers. */
const RETAINING = new Set(['collect', 'percentilecont', 'percentiledisc']);

/** A set entry of a DISTINCT filter besides its key string: about two slots of hash table. */
const SET_ENTRY_BYTES = 2 * SLOT_BYTES;

/** What one group's aggregator of one aggregate call costs before any row: the object and its closures. */
export const AGGREGATOR_BYTES = 64;

/** Makes a group's aggregator for one aggregate call, accounting what it retains in the cursor's scope. */
export type AggregatorFactory = (memory: MemoryScope) => Aggregator;

/**
 * The factory of an aggregate call. Without tracking it is the definition's own `create`. With tracking,
 * values an aggregator keeps are allocated as they arrive: the arguments of `collect` and the percentiles,
 * and the keys of a DISTINCT filter. The filter then runs here, in front of a non-DISTINCT aggregator, so
 * that only values actually kept are counted; it is the aggregators' own rule (null first arguments are
 * ignored, duplicates are found by `hashKey`), so results do not change.
 */
export function trackedAggregatorFactory(
  call: AggregationOp['aggregates'][number],
  definition: AggregateFunctionDefinition,
): AggregatorFactory {
  const retains = RETAINING.has(call.name.toLowerCase());
  const distinct = call.distinct;
  return (memory) => {
    if (!memory.isTracking || (!retains && !distinct)) return definition.create(distinct);
    memory.allocate(AGGREGATOR_BYTES);
    const inner = definition.create(false);
    const result = (): CypherValue => inner.result();
    if (!distinct) {
      return {
        add(args) {
          const value = args[0] ?? null;
          if (value !== null) memory.allocateValue(value);
          inner.add(args);
        },
        result,
      };
    }
    const seen = new Set<string>();
    return {
      add(args) {
        const value = args[0] ?? null;
        if (value === null) return;
        const key = hashKey(value);
        if (seen.has(key)) return;
        seen.add(key);
        let bytes = estimateStringSize(key.length) + SET_ENTRY_BYTES;
        if (retains) bytes += SLOT_BYTES + estimateValueSize(value);
        memory.allocate(bytes);
        inner.add(args);
      },
      result,
    };
  };
}
