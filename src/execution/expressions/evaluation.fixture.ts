/*
 * Test support for the expression compiler: a real in-memory store behind an ExecutionContext, a
 * CompileScope over named slots, and terse AST builders. Used only by tests.
 */
import { GraphStore, type StoreTransaction } from '../../storage/index.js';
import type { BinaryOperator, Expression, Variable } from '../../planner/index.js';
import type { CypherMap, CypherValue } from '../../values/index.js';
import type { ExecutionContext } from '../runtime/context.js';
import type { Row } from '../runtime/row.js';
import { emptyStatistics } from '../runtime/statistics.js';
import { StoreEntities } from '../runtime/store-entities.js';
import { compileExpression } from './compile.js';
import type { CompiledSubquery, CompileScope } from './compile-scope.js';

export interface TestDatabase {
  readonly store: GraphStore;
  readonly tx: StoreTransaction;
  readonly context: ExecutionContext;
}

/** A fresh store, one open transaction and a context over it. */
export function testDatabase(parameters: CypherMap = {}): TestDatabase {
  const store = new GraphStore({ databaseId: 'test-db' });
  const tx = store.begin();
  const tokens = store.tokens;
  const context: ExecutionContext = {
    tx,
    tokens,
    entities: new StoreEntities(tx, tokens, 'test-db'),
    parameters,
    statistics: emptyStatistics(),
    procedures: { get: () => undefined, list: () => [] },
    clock: {
      statementEpochNanos: 1_700_000_000_123_456_789n,
      transactionEpochNanos: 1_700_000_000_000_000_000n,
      realtimeEpochNanos: () => 1_700_000_001_000_000_000n,
    },
    defaultTimeZone: 'Z',
    checkInterrupt: () => undefined,
  };
  return { store, tx, context };
}

/** Variables at fixed slots; locals get the next free slot; subqueries come from a table. */
export class TestScope implements CompileScope {
  private readonly slots: ReadonlyMap<string, number>;
  private readonly counter: { next: number };
  private readonly subqueries: Map<Expression, CompiledSubquery>;

  constructor(
    names: readonly string[] = [],
    subqueries = new Map<Expression, CompiledSubquery>(),
    slots?: ReadonlyMap<string, number>,
    counter?: { next: number },
  ) {
    this.slots = slots ?? new Map(names.map((name, index) => [name, index]));
    this.counter = counter ?? { next: names.length };
    this.subqueries = subqueries;
  }

  slotOf(name: string): number | undefined {
    return this.slots.get(name);
  }

  declareLocal(name: string): { readonly slot: number; readonly scope: CompileScope } {
    const slot = this.counter.next++;
    const slots = new Map(this.slots).set(name, slot);
    return { slot, scope: new TestScope([], this.subqueries, slots, this.counter) };
  }

  subquery(expression: Expression): CompiledSubquery {
    const found = this.subqueries.get(expression);
    if (found === undefined) throw new RangeError('no subquery registered for this expression');
    return found;
  }
}

/** Compiles `expression` with `bindings` as variables (in key order) and evaluates it once. */
export function evaluate(
  expression: Expression,
  bindings: Readonly<Record<string, CypherValue>> = {},
  context: ExecutionContext = testDatabase().context,
): CypherValue {
  const names = Object.keys(bindings);
  const evaluator = compileExpression(expression, new TestScope(names));
  const row: Row = names.map((name) => bindings[name] ?? null);
  return evaluator(row, context);
}

// ---- AST builders ------------------------------------------------------------------------------------

export const lit = (value: null | boolean | bigint | number | string): Expression => ({
  kind: 'Literal',
  pos: 0,
  value,
});
export const variable = (name: string): Variable => ({ kind: 'Variable', pos: 0, name });
export const param = (name: string): Expression => ({ kind: 'Parameter', pos: 0, name });
export const list = (...elements: Expression[]): Expression => ({ kind: 'ListLiteral', pos: 0, elements });
export const map = (entries: Record<string, Expression>): Expression => ({
  kind: 'MapLiteral',
  pos: 0,
  entries: Object.entries(entries).map(([key, value]) => ({ key, value })),
});
export const binary = (operator: BinaryOperator, left: Expression, right: Expression): Expression => ({
  kind: 'BinaryOperation',
  pos: 0,
  operator,
  left,
  right,
});
export const unary = (operator: 'NOT' | '-' | '+', operand: Expression): Expression => ({
  kind: 'UnaryOperation',
  pos: 0,
  operator,
  operand,
});
export const call = (name: string, ...args: Expression[]): Expression => ({
  kind: 'FunctionCall',
  pos: 0,
  name,
  distinct: false,
  args,
});
export const property = (subject: Expression, key: string): Expression => ({
  kind: 'PropertyAccess',
  pos: 0,
  subject,
  key,
});
export const subscript = (subject: Expression, index: Expression): Expression => ({
  kind: 'Subscript',
  pos: 0,
  subject,
  index,
});
