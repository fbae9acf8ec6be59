/**
 * End-to-end harness for the planner and executor: parse -> analyze -> planQuery -> executePlan over a real
 * GraphStore, with a catalog view over the store and plain-value results.
 */
import { analyze, parse } from '../../src/cypher/index.js';
import {
  DEFAULT_RUNTIME,
  emptyStatistics,
  type PlanRuntime,
  materialize,
  StoreEntities,
  type ExecutionContext,
  type ProcedureDefinition,
  type QueryStatistics,
} from '../../src/execution/index.js';
import {
  planQuery,
  type CatalogView,
  type ProfiledPlanDescription,
  type QueryPlan,
} from '../../src/planner/index.js';
import { GraphStore, type StoreTransaction } from '../../src/storage/index.js';
import { executePlan } from '../../src/execution/operators/plan-runner.js';
import { Node, Path, Relationship, type CypherMap, type CypherValue } from '../../src/values/index.js';

export function catalogOf(store: GraphStore, procedures: readonly ProcedureDefinition[] = []): CatalogView {
  const tokens = store.tokens;
  return {
    nodeCount: (label) => {
      if (label === undefined) return store.countNodes();
      const token = tokens.labels.idOf(label);
      return token === undefined ? 0 : store.countNodes(token);
    },
    relationshipCount: (type) => {
      if (type === undefined) return store.countRelationships();
      const token = tokens.relationshipTypes.idOf(type);
      return token === undefined ? 0 : store.countRelationships(token);
    },
    indexes: () =>
      store.indexes().map((index) => ({
        name: index.name,
        entity: index.entity,
        label:
          index.entity === 'NODE'
            ? tokens.labels.nameOf(index.token)
            : tokens.relationshipTypes.nameOf(index.token),
        properties: index.properties.map((key) => tokens.propertyKeys.nameOf(key)),
        online: index.state === 'ONLINE',
        unique: index.owningConstraint !== undefined,
      })),
    procedure: (name) => {
      const found = procedures.find((procedure) => procedure.name === name);
      if (found === undefined) return undefined;
      return {
        name: found.name,
        mode: found.mode,
        inputs: found.inputs.map((input) => ({
          name: input.name,
          type: input.type,
          hasDefault: input.default !== undefined,
        })),
        outputs: found.outputs.map((output) => ({ name: output.name, type: output.type })),
      };
    },
  };
}

/** A plain rendering of values for assertions: nodes `(:L {…})`-like objects, paths as lists. */
export function plain(value: CypherValue): unknown {
  if (value instanceof Node)
    return { labels: [...value.labels].sort(), properties: plainMap(value.properties) };
  if (value instanceof Relationship) return { type: value.type, properties: plainMap(value.properties) };
  if (value instanceof Path)
    return { path: value.nodes.map((node) => plain(node)), length: value.relationships.length };
  if (Array.isArray(value)) return (value as CypherValue[]).map(plain);
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype)
    return plainMap(value as CypherMap);
  return value;
}

function plainMap(map: CypherMap): Record<string, unknown> {
  return Object.fromEntries(Object.keys(map).map((key) => [key, plain(map[key] ?? null)]));
}

export interface RunResult {
  readonly columns: readonly string[];
  readonly rows: unknown[][];
  readonly statistics: QueryStatistics;
  readonly plan: QueryPlan;
  readonly profile: ProfiledPlanDescription | undefined;
}

export class TestDatabase {
  readonly store = new GraphStore();
  procedures: ProcedureDefinition[] = [];
  runtime: PlanRuntime = DEFAULT_RUNTIME;

  context(tx: StoreTransaction, parameters: CypherMap, statistics: QueryStatistics): ExecutionContext {
    const procedures = this.procedures;
    return {
      tx,
      tokens: this.store.tokens,
      entities: new StoreEntities(tx, this.store.tokens, this.store.databaseId),
      parameters,
      statistics,
      procedures: { get: (name) => procedures.find((p) => p.name === name), list: () => procedures },
      clock: { statementEpochNanos: 0n, transactionEpochNanos: 0n, realtimeEpochNanos: () => 0n },
      defaultTimeZone: 'Z',
      checkInterrupt: () => undefined,
    };
  }

  plan(text: string): QueryPlan {
    const analyzed = analyze(parse(text), text);
    return planQuery(analyzed, catalogOf(this.store, this.procedures));
  }

  /** Runs one statement in its own transaction and commits it. */
  async run(
    text: string,
    parameters: CypherMap = {},
    options: { limit?: number; profile?: boolean } = {},
  ): Promise<RunResult> {
    const plan = this.plan(text);
    const tx = this.store.begin();
    const statistics = emptyStatistics();
    try {
      const cursor = executePlan(
        plan,
        this.context(tx, parameters, statistics),
        this.runtime,
        options.profile,
      );
      const rows: unknown[][] = [];
      const limit = options.limit ?? Number.POSITIVE_INFINITY;
      for (
        let row = rows.length < limit ? cursor.next() : null;
        row !== null;
        row = rows.length < limit ? cursor.next() : null
      ) {
        rows.push(row.slice(0, plan.columns.length).map((value) => plain(materialize(value ?? null))));
      }
      cursor.close();
      await tx.commit();
      return { columns: plan.columns, rows, statistics, plan, profile: cursor.profile() };
    } catch (error) {
      tx.rollback();
      throw error;
    }
  }
}
