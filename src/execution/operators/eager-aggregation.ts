import { CypherSemanticError } from '../../errors/index.js';
import type { AggregationOp } from '../../planner/index.js';
import { hashKey, type CypherValue } from '../../values/index.js';
import type { Evaluator } from '../expressions/compile-scope.js';
import type { Aggregator } from '../functions/function-definition.js';
import type { Row, RowCursor } from '../runtime/row.js';
import type { BuildContext, Operator } from './operator.js';

/** count(*): counts rows. */
class RowCounter implements Aggregator {
  private count = 0n;
  add(): void {
    this.count++;
  }
  result(): CypherValue {
    return this.count;
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
  const source = build.build(plan.source);
  const context = build.context;
  const groupings = plan.groupings.map((grouping) => build.compile(grouping.value));
  const groupingSlots = plan.groupings.map((grouping) => grouping.slot);
  const factories = plan.aggregates.map((call): ((distinct: boolean) => Aggregator) => {
    if (call.name.toLowerCase() === 'count' && call.args.length === 0) return () => new RowCounter();
    const definition = build.aggregate(call.name);
    if (definition === undefined) {
      throw new CypherSemanticError(`Unknown function '${call.name}'`, { detail: 'UnknownFunction' });
    }
    return (distinct) => definition.create(distinct);
  });
  const argumentEvaluators: (readonly Evaluator[])[] = plan.aggregates.map((call) =>
    call.args.map((arg) => build.compile(arg)),
  );
  const newGroup = (keys: readonly CypherValue[]): Group => ({
    keys,
    aggregators: plan.aggregates.map((call, index) =>
      (factories[index] as (d: boolean) => Aggregator)(call.distinct),
    ),
  });
  return {
    open(argument: Row): RowCursor {
      let output: Row[] | undefined;
      let index = 0;
      const run = (): Row[] => {
        const groups = new Map<string, Group>();
        // Without grouping keys there is exactly one group: no key is computed per row.
        const single = groupings.length === 0 ? newGroup([]) : undefined;
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
            const key = keys.length === 1 ? hashKey(keys[0] ?? null) : keys.map((k) => hashKey(k)).join('|');
            group = groups.get(key);
            if (group === undefined) {
              group = newGroup(keys);
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
          return output[index++] ?? null;
        },
        close: () => {
          output = [];
        },
      };
    },
  };
}
