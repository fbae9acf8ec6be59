import { isNode, isRelationship, kindOf, type CypherMap, type CypherValue } from '../../src/values/index.js';
import type { TckDatabase } from './target/tck-target.js';
import { canonicalActual } from './values/canonical.js';

/**
 * The graph as the TCK measures side effects: node and relationship identities, the distinct label names
 * in use, and every property as an (entity, key, value) triple. A side effect count is the size of the set
 * difference between the states before and after the query, so that setting a property to a new value is
 * `+properties 1, -properties 1` and adding a label that other nodes already carry is no `+labels`.
 */
export interface GraphState {
  readonly nodes: ReadonlySet<string>;
  readonly relationships: ReadonlySet<string>;
  readonly labels: ReadonlySet<string>;
  readonly properties: ReadonlySet<string>;
}

/** The side effect names of `And the side effects should be:` tables. */
export const SIDE_EFFECT_NAMES = [
  '+nodes',
  '-nodes',
  '+relationships',
  '-relationships',
  '+labels',
  '-labels',
  '+properties',
  '-properties',
] as const;

export type SideEffectName = (typeof SIDE_EFFECT_NAMES)[number];
export type SideEffects = Readonly<Record<SideEffectName, number>>;

const NO_PARAMETERS: CypherMap = Object.freeze({});

/** Reads the whole graph through the database's own query interface. */
export async function captureGraphState(database: TckDatabase): Promise<GraphState> {
  const nodes = new Set<string>();
  const relationships = new Set<string>();
  const labels = new Set<string>();
  const properties = new Set<string>();
  const addProperties = (entity: string, map: CypherMap): void => {
    for (const key of Object.keys(map)) {
      const value = canonicalActual(map[key] ?? null, { listsUnordered: false });
      properties.add(`${entity}\u0000${key}\u0000${value}`);
    }
  };
  for (const value of firstColumn(await database.run('MATCH (n) RETURN n', NO_PARAMETERS))) {
    if (!isNode(value)) throw new Error(`graph snapshot: expected a node, got ${kindOf(value)}`);
    const entity = `n${value.id}`;
    nodes.add(entity);
    for (const label of value.labels) labels.add(label);
    addProperties(entity, value.properties);
  }
  for (const value of firstColumn(await database.run('MATCH ()-[r]->() RETURN r', NO_PARAMETERS))) {
    if (!isRelationship(value))
      throw new Error(`graph snapshot: expected a relationship, got ${kindOf(value)}`);
    const entity = `r${value.id}`;
    relationships.add(entity);
    addProperties(entity, value.properties);
  }
  return { nodes, relationships, labels, properties };
}

function firstColumn(result: { readonly rows: readonly (readonly CypherValue[])[] }): CypherValue[] {
  return result.rows.map((row) => row[0] ?? null);
}

/** The side effects that turn `before` into `after`. */
export function diffGraphStates(before: GraphState, after: GraphState): SideEffects {
  return {
    '+nodes': countMissing(after.nodes, before.nodes),
    '-nodes': countMissing(before.nodes, after.nodes),
    '+relationships': countMissing(after.relationships, before.relationships),
    '-relationships': countMissing(before.relationships, after.relationships),
    '+labels': countMissing(after.labels, before.labels),
    '-labels': countMissing(before.labels, after.labels),
    '+properties': countMissing(after.properties, before.properties),
    '-properties': countMissing(before.properties, after.properties),
  };
}

function countMissing(from: ReadonlySet<string>, other: ReadonlySet<string>): number {
  let count = 0;
  for (const item of from) if (!other.has(item)) count += 1;
  return count;
}

/**
 * Compares measured side effects with a `| +nodes | 1 |` table; names the table leaves out must be zero
 * (`And no side effects` is the empty table).
 * @returns undefined when they agree, otherwise the differences.
 */
export function compareSideEffects(
  table: readonly (readonly string[])[],
  actual: SideEffects,
): string | undefined {
  const expected = new Map<SideEffectName, number>();
  for (const [name = '', count = ''] of table) {
    const effect = SIDE_EFFECT_NAMES.find((known) => known === name.trim());
    if (effect === undefined) throw new Error(`unknown side effect '${name}'`);
    expected.set(effect, Number.parseInt(count, 10));
  }
  const differences = SIDE_EFFECT_NAMES.filter((name) => (expected.get(name) ?? 0) !== actual[name]).map(
    (name) => `${name}: expected ${expected.get(name) ?? 0}, got ${actual[name]}`,
  );
  return differences.length === 0 ? undefined : `side effects differ: ${differences.join('; ')}`;
}
