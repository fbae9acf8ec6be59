import type { Database } from '../../src/engine/index.js';

/** Runs a query to its end in its own session and answers its records as arrays of values. */
export async function queryRows(
  db: Database,
  query: string,
  parameters: Record<string, unknown> = {},
): Promise<unknown[][]> {
  const records = await db
    .session()
    .run(query, parameters as never)
    .records();
  return records.map((record) => [...record.values]);
}
