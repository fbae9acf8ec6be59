import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PhysicalPlan, PlanExpression } from '../plan/physical-plan.js';
import { applyRewrites, RULE_ORDER } from './rule-order.js';
import { collapseEager } from './rules/collapse-eager.js';
import { countFromCountStore } from './rules/count-from-count-store.js';
import { sortLimitToTop } from './rules/sort-limit-to-top.js';

const ten: PlanExpression = {
  expression: { kind: 'Literal', pos: 0, value: 10n },
  scope: { slots: new Map() },
};
const key = {
  value: { expression: { kind: 'Variable', pos: 0, name: 'x' }, scope: { slots: new Map([['x', 0]]) } },
  descending: false,
  text: '',
} as const;
const argument: PhysicalPlan = { kind: 'Argument' };

describe('rewrite rules', () => {
  it('CollapseEager keeps one of two stacked Eager operators', () => {
    const plan: PhysicalPlan = { kind: 'Eager', source: { kind: 'Eager', source: argument } };
    assert.deepEqual(collapseEager.apply(plan), { kind: 'Eager', source: argument });
  });

  it('CollapseEager returns the same plan object when nothing applies', () => {
    const plan: PhysicalPlan = { kind: 'Eager', source: argument };
    assert.equal(collapseEager.apply(plan), plan);
  });

  it('SortLimitToTop turns Limit over Sort into Limit over Top with the same keys', () => {
    const plan: PhysicalPlan = {
      kind: 'Limit',
      source: { kind: 'Sort', source: argument, keys: [key] },
      count: ten,
      drain: false,
    };
    const rewritten = sortLimitToTop.apply(plan);
    if (rewritten.kind !== 'Limit' || rewritten.source.kind !== 'Top') {
      assert.fail(`expected Limit over Top, got ${rewritten.kind}`);
    }
    assert.equal(rewritten.source.keys[0], key);
    assert.equal(rewritten.source.limit, ten);
  });

  it('CountFromCountStore replaces a count over a whole leaf label scan, and nothing else', () => {
    const variable = (name: string): PlanExpression => ({
      expression: { kind: 'Variable', pos: 0, name },
      scope: { slots: new Map([[name, 0]]) },
    });
    const scan: PhysicalPlan = {
      kind: 'NodeByLabelScan',
      source: argument,
      slot: 0,
      variable: 'n',
      label: 'A',
    };
    const count = (args: PlanExpression[], distinct = false) => ({
      slot: 1,
      name: 'count',
      distinct,
      args,
      text: 'count(n)',
    });
    const aggregate = (source: PhysicalPlan, calls = [count([variable('n')]), count([])]): PhysicalPlan => ({
      kind: 'EagerAggregation',
      source,
      groupings: [],
      aggregates: calls,
    });
    assert.deepEqual(countFromCountStore.apply(aggregate(scan)), {
      kind: 'NodeCountFromCountStore',
      source: argument,
      slots: [1, 1],
      label: 'A',
      texts: ['count(n)', 'count(*)'],
    });
    // A filter between, DISTINCT, another variable or a scan under something else: rows are needed.
    const filtered: PhysicalPlan = { kind: 'Filter', source: scan, predicate: variable('n') };
    for (const plan of [
      aggregate(filtered),
      aggregate(scan, [count([variable('n')], true)]),
      aggregate(scan, [count([variable('m')])]),
      aggregate({ ...scan, source: { kind: 'Eager', source: argument } }),
    ]) {
      assert.equal(countFromCountStore.apply(plan), plan);
    }
  });

  it('rewrites inside subplans of Apply', () => {
    const inner: PhysicalPlan = { kind: 'Eager', source: { kind: 'Eager', source: argument } };
    const plan: PhysicalPlan = {
      kind: 'Apply',
      left: argument,
      right: inner,
      mode: 'INNER',
      nullSlots: [],
      label: 'Apply',
    };
    const rewritten = applyRewrites(plan);
    assert.ok(
      rewritten.kind === 'Apply' &&
        rewritten.right.kind === 'Eager' &&
        rewritten.right.source.kind === 'Argument',
    );
  });

  it('lists the rules in their documented order', () => {
    assert.deepEqual(
      RULE_ORDER.map((rule) => rule.name),
      ['CollapseEager', 'SortLimitToTop', 'CountFromCountStore'],
    );
  });
});
