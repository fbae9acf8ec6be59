import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PhysicalPlan, PlanExpression } from '../plan/physical-plan.js';
import { applyRewrites, RULE_ORDER } from './rule-order.js';
import { collapseEager } from './rules/collapse-eager.js';
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
      ['CollapseEager', 'SortLimitToTop'],
    );
  });
});
