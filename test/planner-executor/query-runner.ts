/**
 * Test support: runs Cypher text through parse → analyze → planQuery → executePlan over a GraphStore, with
 * the harness's catalog over the store (counts and online indexes), and returns materialized rows and the PROFILE.
 */
import { analyze, parse } from '../../src/cypher/index.js';
import type { ProfiledPlanDescription, QueryPlan } from '../../src/planner/index.js';
import { planQuery } from '../../src/planner/index.js';
import type { GraphStore } from '../../src/storage/index.js';
import type { CypherMap, CypherValue } from '../../src/values/index.js';
import { compileExpression } from '../../src/execution/expressions/compile.js';
import { lookupAggregate } from '../../src/execution/functions/registry.js';
import type { ExecutionContext } from '../../src/execution/runtime/context.js';
import { emptyStatistics } from '../../src/execution/runtime/statistics.js';
import { materialize, StoreEntities } from '../../src/execution/runtime/store-entities.js';
import { executePlan } from '../../src/execution/operators/plan-runner.js';
import { catalogOf } from './harness.js';

export function planText(store: GraphStore, text: string): QueryPlan {
  return planQuery(analyze(parse(text), text), catalogOf(store));
}

export interface QueryOutcome {
  readonly rows: CypherValue[][];
  readonly profile: ProfiledPlanDescription | undefined;
  readonly plan: QueryPlan;
}

/** Runs `text` in its own read-write transaction (rolled back), optionally under PROFILE. */
export function runText(
  store: GraphStore,
  text: string,
  parameters: CypherMap = {},
  profile = false,
): QueryOutcome {
  const plan = planText(store, text);
  const tx = store.begin();
  const context: ExecutionContext = {
    tx,
    tokens: store.tokens,
    entities: new StoreEntities(tx, store.tokens, store.databaseId),
    parameters,
    statistics: emptyStatistics(),
    procedures: { get: () => undefined, list: () => [] },
    clock: { statementEpochNanos: 0n, transactionEpochNanos: 0n, realtimeEpochNanos: () => 0n },
    defaultTimeZone: 'Z',
    checkInterrupt: () => undefined,
  };
  try {
    const cursor = executePlan(plan, context, { compileExpression, lookupAggregate }, profile);
    const rows: CypherValue[][] = [];
    for (let row = cursor.next(); row !== null; row = cursor.next()) {
      rows.push(row.slice(0, plan.columns.length).map((value) => materialize(value ?? null)));
    }
    cursor.close();
    return { rows, profile: cursor.profile(), plan };
  } finally {
    tx.rollback();
  }
}
