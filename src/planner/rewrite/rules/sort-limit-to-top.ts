import type { RewriteRule } from './rewrite-rule.js';
import { mapPlan } from './map-plan.js';

/** Limit(Sort(x)) -> Limit(Top(x)): a bounded heap instead of sorting every row. */
export const sortLimitToTop: RewriteRule = {
  name: 'SortLimitToTop',
  apply: (plan) =>
    mapPlan(plan, (node) => {
      if (node.kind !== 'Limit' || node.source.kind !== 'Sort') return node;
      const sort = node.source;
      return {
        ...node,
        source: {
          kind: 'Top',
          source: sort.source,
          keys: sort.keys,
          limit: node.count,
          skip: undefined,
          drain: node.drain,
        },
      };
    }),
};
