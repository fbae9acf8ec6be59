import type { Expression } from '../../../cypher/index.js';
import type { AggregateCall, PhysicalPlan } from '../../plan/physical-plan.js';
import type { RewriteRule } from './rewrite-rule.js';
import { mapPlan } from './map-plan.js';

/**
 * EagerAggregation(AllNodesScan | NodeByLabelScan over Argument) whose aggregates are all `count(*)` or
 * `count(n)` of the scanned node, without grouping or DISTINCT, becomes NodeCountFromCountStore: the
 * count comes from the store (visible nodes of the label) instead of a row per node. Only on a leaf scan,
 * so the count is of the whole graph as the transaction sees it, exactly what the aggregation computed.
 */
export const countFromCountStore: RewriteRule = {
  name: 'CountFromCountStore',
  apply: (plan) =>
    mapPlan(plan, (node) => {
      if (node.kind !== 'EagerAggregation' || node.groupings.length > 0 || node.aggregates.length === 0)
        return node;
      const scan = node.source;
      if (scan.kind !== 'AllNodesScan' && scan.kind !== 'NodeByLabelScan') return node;
      if (scan.source.kind !== 'Argument') return node;
      if (!node.aggregates.every((call) => countsRows(call, scan.variable))) return node;
      const replacement: PhysicalPlan = {
        kind: 'NodeCountFromCountStore',
        source: scan.source,
        slots: node.aggregates.map((call) => call.slot),
        label: scan.kind === 'NodeByLabelScan' ? scan.label : undefined,
        texts: node.aggregates.map((call) =>
          call.args.length === 0 ? 'count(*)' : `count(${scan.variable})`,
        ),
      };
      return replacement;
    }),
};

/** `count(*)`, or `count(v)` of the scanned variable (never null on a scan row): both count the rows. */
function countsRows(call: AggregateCall, variable: string): boolean {
  if (call.name.toLowerCase() !== 'count' || call.distinct) return false;
  if (call.args.length === 0) return true;
  const [argument] = call.args;
  if (call.args.length !== 1 || argument === undefined) return false;
  return isVariable(argument.expression, variable);
}

function isVariable(expression: Expression, name: string): boolean {
  return expression.kind === 'Variable' && expression.name === name;
}
