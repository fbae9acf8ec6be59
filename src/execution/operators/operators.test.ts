import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Expression, PhysicalPlan, PlanExpression, QueryPlan } from '../../planner/index.js';
import { GraphStore } from '../../storage/index.js';
import { compileExpression } from '../expressions/compile.js';
import { lookupAggregate } from '../functions/registry.js';
import type { ExecutionContext } from '../runtime/context.js';
import type { Row } from '../runtime/row.js';
import { emptyStatistics } from '../runtime/statistics.js';
import { StoreEntities, StoreNode, StoreRelationship } from '../runtime/store-entities.js';
import { executePlan } from './plan-runner.js';

/** A chain a -> b -> c -> d of :R relationships; returns the store and the node ids. */
function chain(): { store: GraphStore; ids: number[] } {
  const store = new GraphStore();
  const tx = store.begin();
  const r = store.tokens.relationshipTypes.getOrCreate('R');
  const ids = [0, 1, 2, 3].map(() => tx.createNode([]));
  for (let index = 0; index < 3; index++) tx.createRelationship(r, ids[index] ?? 0, ids[index + 1] ?? 0);
  void tx.commit();
  return { store, ids };
}

function contextOf(store: GraphStore): ExecutionContext {
  const tx = store.begin();
  return {
    tx,
    tokens: store.tokens,
    entities: new StoreEntities(tx, store.tokens, store.databaseId),
    parameters: {},
    statistics: emptyStatistics(),
    procedures: { get: () => undefined, list: () => [] },
    clock: { statementEpochNanos: 0n, transactionEpochNanos: 0n, realtimeEpochNanos: () => 0n },
    defaultTimeZone: 'Z',
    checkInterrupt: () => undefined,
  };
}

function literal(value: bigint): PlanExpression {
  return { expression: { kind: 'Literal', pos: 0, value }, scope: { slots: new Map() } };
}

function variable(name: string, slot: number): PlanExpression {
  const expression: Expression = { kind: 'Variable', pos: 0, name };
  return { expression, scope: { slots: new Map([[name, slot]]) } };
}

function run(root: PhysicalPlan, slotCount: number, store: GraphStore): Row[] {
  const plan: QueryPlan = {
    columns: [],
    queryType: 'r',
    root,
    slotCount,
    subqueries: new Map(),
    updating: false,
    innerTransactions: false,
    describe: () => {
      throw new TypeError('not needed');
    },
    profile: () => {
      throw new TypeError('not needed');
    },
  };
  const cursor = executePlan(plan, contextOf(store), { compileExpression, lookupAggregate });
  const rows: Row[] = [];
  for (let row = cursor.next(); row !== null; row = cursor.next()) rows.push(row);
  return rows;
}

const scan: PhysicalPlan = { kind: 'AllNodesScan', source: { kind: 'Argument' }, slot: 0, variable: 'a' };

function refOf(value: unknown): number {
  if (value instanceof StoreNode || value instanceof StoreRelationship) return value.ref;
  return -1;
}

describe('operators over a real store', () => {
  it('VarLengthExpand yields every trail of min..max hops', () => {
    const { store, ids } = chain();
    const plan: PhysicalPlan = {
      kind: 'VarLengthExpand',
      source: scan,
      from: 0,
      relationship: 1,
      to: 2,
      names: ['a', 'r', 'b'],
      direction: 'OUTGOING',
      types: ['R'],
      min: 2,
      max: 3,
      into: false,
      properties: undefined,
      distinctFrom: [],
      reversed: false,
      relationshipBound: false,
    };
    const pairs = run(plan, 3, store).map((row) => [
      refOf(row[0]),
      refOf(row[2]),
      (row[1] as unknown[]).length,
    ]);
    assert.deepEqual(pairs, [
      [ids[0], ids[2], 2],
      [ids[0], ids[3], 3],
      [ids[1], ids[3], 2],
    ]);
  });

  it('Expand skips relationships listed in distinctFrom (relationship isomorphism)', () => {
    const { store } = chain();
    const first: PhysicalPlan = {
      kind: 'Expand',
      source: scan,
      from: 0,
      relationship: 1,
      to: 2,
      names: ['a', 'r1', 'b'],
      direction: 'BOTH',
      types: [],
      into: false,
      relationshipBound: false,
      distinctFrom: [],
    };
    const second: PhysicalPlan = {
      ...first,
      source: first,
      from: 2,
      relationship: 3,
      to: 4,
      names: ['b', 'r2', 'c'],
      distinctFrom: [1],
    };
    const rows = run(second, 5, store);
    assert.ok(rows.length > 0);
    for (const row of rows) assert.notEqual(refOf(row[1]), refOf(row[3]));
  });

  it('Apply OPTIONAL fills the right side slots with null when nothing matches', () => {
    const { store } = chain();
    const right: PhysicalPlan = {
      kind: 'Expand',
      source: { kind: 'Argument' },
      from: 0,
      relationship: 1,
      to: 2,
      names: ['a', 'r', 'b'],
      direction: 'OUTGOING',
      types: ['R'],
      into: false,
      relationshipBound: false,
      distinctFrom: [],
    };
    const plan: PhysicalPlan = {
      kind: 'Apply',
      left: scan,
      right,
      mode: 'OPTIONAL',
      nullSlots: [1, 2],
      label: 'Optional',
    };
    const rows = run(plan, 3, store);
    assert.equal(rows.length, 4);
    assert.deepEqual(rows.at(-1)?.slice(1), [null, null]);
  });

  it('Top keeps the first rows of the order and Limit stops pulling', () => {
    const { store, ids } = chain();
    const key = { value: variable('a', 0), descending: true, text: '' };
    const top: PhysicalPlan = {
      kind: 'Top',
      source: scan,
      keys: [key],
      limit: literal(2n),
      skip: undefined,
      drain: false,
    };
    assert.deepEqual(
      run(top, 1, store).map((row) => refOf(row[0])),
      [ids[3], ids[2]],
    );
    const limited: PhysicalPlan = { kind: 'Limit', source: scan, count: literal(1n), drain: false };
    assert.equal(run(limited, 1, store).length, 1);
  });
});
