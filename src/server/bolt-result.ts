import type {
  CounterName,
  PlanDescription as BoltPlanDescription,
  ProfiledPlanDescription,
  QueryResult,
  RecordSink,
  ResultSummary,
} from '../bolt/index.js';
import type { PlanDescription, QueryStatistics, StatementResult } from '../engine/index.js';

const COUNTER_NAMES: readonly (readonly [keyof QueryStatistics, CounterName])[] = [
  ['nodesCreated', 'nodes-created'],
  ['nodesDeleted', 'nodes-deleted'],
  ['relationshipsCreated', 'relationships-created'],
  ['relationshipsDeleted', 'relationships-deleted'],
  ['propertiesSet', 'properties-set'],
  ['labelsAdded', 'labels-added'],
  ['labelsRemoved', 'labels-removed'],
  ['indexesAdded', 'indexes-added'],
  ['indexesRemoved', 'indexes-removed'],
  ['constraintsAdded', 'constraints-added'],
  ['constraintsRemoved', 'constraints-removed'],
  ['systemUpdates', 'system-updates'],
];

/** The Bolt view of an engine statement result: the same lazy pull/discard, and the summary in Bolt's terms. */
export class BoltQueryResult implements QueryResult {
  readonly fields: readonly string[];
  private readonly result: StatementResult;

  constructor(result: StatementResult) {
    this.result = result;
    this.fields = result.fields;
  }

  pull(n: number, sink: RecordSink): boolean | Promise<boolean> {
    return this.result.pull(n, sink);
  }

  discard(n: number): boolean | Promise<boolean> {
    return this.result.discard(n);
  }

  summary(): ResultSummary {
    const summary = this.result.summary();
    const statistics = summary.statistics;
    let counters: Partial<Record<CounterName, number>> | undefined;
    for (const entry of COUNTER_NAMES) {
      const count = statistics[entry[0]];
      if (count > 0) (counters ??= {})[entry[1]] = count;
    }
    const notifications = summary.notifications;
    // Built member by member: most summaries (reads) carry none of the optional members, and spreading
    // empty objects into a literal cost more than the rest of this adapter.
    const bolt: Mutable<ResultSummary> = { queryType: summary.queryType, recordCount: summary.records };
    if (counters !== undefined) bolt.counters = counters;
    if (summary.plan !== undefined) bolt.plan = toBoltPlan(summary.plan);
    if (summary.profile !== undefined) bolt.profile = toBoltProfile(summary.profile);
    // The engine's notifications have Bolt's shape already (registry definition, description,
    // position, template parameters); Bolt filters them and picks the wire form per version.
    if (notifications !== undefined && notifications.length > 0) bolt.notifications = notifications;
    return bolt;
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function toBoltPlan(plan: PlanDescription): BoltPlanDescription {
  return {
    operatorType: plan.operatorType,
    args: plan.arguments,
    identifiers: plan.identifiers,
    children: plan.children.map(toBoltPlan),
  };
}

function toBoltProfile(plan: PlanDescription): ProfiledPlanDescription {
  const args = plan.arguments as Readonly<Record<string, unknown>>;
  const number = (key: string): number => {
    const value = args[key];
    return typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : 0;
  };
  return {
    operatorType: plan.operatorType,
    args: plan.arguments,
    identifiers: plan.identifiers,
    dbHits: number('DbHits'),
    rows: number('Rows'),
    pageCacheHits: 0,
    pageCacheMisses: 0,
    pageCacheHitRatio: 0,
    // The engine measures milliseconds with fractions; Bolt carries an integer (Neo4j reports nanoseconds).
    time: Math.round(number('Time') * 1_000_000),
    children: plan.children.map(toBoltProfile),
  };
}
