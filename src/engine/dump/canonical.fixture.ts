import type { CypherValue } from '../../values/index.js';
import type { DatabaseEngine } from '../database-engine.js';

/**
 * An exact text form of a value for tests: kinds are kept apart (`1` and `1.0` differ, `-0.0` and `0.0`
 * differ), temporal and spatial values show their class and every field.
 */
export function canonical(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'bigint') return `int:${value.toString()}`;
  if (typeof value === 'number') return `float:${Object.is(value, -0) ? '-0' : String(value)}`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, field]) => `${key}=${canonical(field)}`);
    return `${value.constructor.name}{${entries.join(',')}}`;
  }
  return `?${typeof value}`;
}

/** Runs one statement in its own transaction and returns every record. */
export async function run(
  engine: DatabaseEngine,
  text: string,
  parameters: Record<string, CypherValue> = {},
): Promise<CypherValue[][]> {
  const tx = engine.begin();
  const rows: CypherValue[][] = [];
  const result = tx.run(text, parameters);
  while (await result.pull(1000, (values) => rows.push([...values])));
  await tx.commit();
  return rows;
}

/**
 * A canonical export of a database: sorted node lines (labels + properties) and relationship lines (type,
 * the `k` keys of both endpoints, properties). Two databases with equal exports hold the same graph.
 */
export async function exportGraph(
  engine: DatabaseEngine,
): Promise<{ nodes: string[]; relationships: string[] }> {
  const nodes = await run(engine, 'MATCH (n) RETURN labels(n) AS l, properties(n) AS p');
  const relationships = await run(
    engine,
    'MATCH (a)-[r]->(b) RETURN type(r) AS t, a.k AS a, b.k AS b, properties(r) AS p',
  );
  return {
    nodes: nodes
      .map(([labels, properties]) => canonical([[...(labels as string[])].sort(), properties]))
      .sort(),
    relationships: relationships.map((row) => canonical(row)).sort(),
  };
}
