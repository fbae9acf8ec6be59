import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PlanDescription, ProfiledPlanDescription } from '../../src/planner/index.js';
import { GraphStore } from '../../src/storage/index.js';
import { runText } from './query-runner.js';

/** Five :Person nodes aged 10, 20, … 50 with a name, and one :City. */
function people(): GraphStore {
  const store = new GraphStore();
  const tx = store.begin();
  const person = store.tokens.labels.getOrCreate('Person');
  const city = store.tokens.labels.getOrCreate('City');
  const age = store.tokens.propertyKeys.getOrCreate('age');
  const name = store.tokens.propertyKeys.getOrCreate('name');
  for (let index = 1; index <= 5; index++) {
    const id = tx.createNode([person]);
    tx.setNodeProperty(id, age, BigInt(index * 10));
    tx.setNodeProperty(id, name, `p${index}`);
  }
  tx.createNode([city]);
  void tx.commit();
  return store;
}

function flatten(plan: ProfiledPlanDescription): Map<string, ProfiledPlanDescription> {
  const operators = new Map<string, ProfiledPlanDescription>();
  const visit = (node: ProfiledPlanDescription): void => {
    operators.set(node.operatorType, node);
    node.children.forEach(visit);
  };
  visit(plan);
  return operators;
}

describe('PROFILE database hits', () => {
  it('charges each operator its own store reads', () => {
    const { profile } = runText(people(), 'MATCH (n:Person) WHERE n.age > 30 RETURN n.name', {}, true);
    assert.ok(profile !== undefined);
    const operators = flatten(profile);
    // The scan: one hit to open it, one per node it returns.
    assert.equal(operators.get('NodeByLabelScan')?.dbHits, 6);
    assert.equal(operators.get('NodeByLabelScan')?.rows, 5);
    // The filter reads n.age of each of the five nodes; the projection n.name of the two that pass.
    assert.equal(operators.get('Filter')?.dbHits, 5);
    assert.equal(operators.get('Filter')?.rows, 2);
    assert.equal(operators.get('Projection')?.dbHits, 2);
    assert.equal(operators.get('ProduceResults')?.dbHits, 0);
    assert.equal(operators.get('Projection')?.arguments['DbHits'], 2);
  });

  it('counts the scan and property reads of an unfused aggregation under PROFILE', () => {
    const { profile, rows } = runText(people(), 'MATCH (n) RETURN min(n.age) AS m', {}, true);
    assert.deepEqual(rows, [[10n]]);
    assert.ok(profile !== undefined);
    const operators = flatten(profile);
    assert.equal(operators.get('AllNodesScan')?.dbHits, 7);
    assert.equal(operators.get('EagerAggregation')?.dbHits, 6);
  });

  it('leaves EXPLAIN without db hits and plain runs without a profile', () => {
    const outcome = runText(people(), 'MATCH (n:Person) RETURN n.name');
    assert.equal(outcome.profile, undefined);
    const explain = (node: PlanDescription): void => {
      assert.equal('DbHits' in node.arguments, false);
      assert.equal('dbHits' in node, false);
      node.children.forEach(explain);
    };
    explain(outcome.plan.describe());
  });
});
