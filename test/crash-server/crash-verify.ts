import type { Driver } from 'neo4j-driver-528';

/** The schema the workload relies on: a unique key (with its index) and an index on the value. */
export async function setUpSchema(driver: Driver): Promise<void> {
  const session = driver.session();
  try {
    await session.run('CREATE CONSTRAINT item_key IF NOT EXISTS FOR (n:Item) REQUIRE n.k IS UNIQUE');
    await session.run('CREATE INDEX item_value IF NOT EXISTS FOR (n:Item) ON (n.v)');
  } finally {
    await session.close();
  }
}

export interface ObservedItems {
  /** key → value of every Item. */
  readonly items: Map<number, number>;
  /** Violations seen by reading alone (duplicates, half pairs, index disagreement, lost schema). */
  readonly problems: string[];
}

/** Reads every Item by label scan and checks what can be checked without the model. */
export async function readItems(
  driver: Driver,
  pairs: readonly (readonly [number, number])[],
): Promise<ObservedItems> {
  const session = driver.session();
  const problems: string[] = [];
  const items = new Map<number, number>();
  try {
    const scan = await session.run('MATCH (n:Item) RETURN n.k AS k, n.v AS v');
    for (const record of scan.records) {
      const key = Number(record.get('k'));
      if (items.has(key)) problems.push(`key ${key} exists twice`);
      items.set(key, Number(record.get('v')));
    }
    const links = await session.run('MATCH (a:Item)-[:LINK]->(b:Item) RETURN a.k AS a, b.k AS b');
    const linked = new Set(
      links.records.map((record) => `${String(record.get('a'))}->${String(record.get('b'))}`),
    );
    for (const [a, b] of pairs) {
      if (items.has(a) !== items.has(b)) problems.push(`pair ${a}, ${b} is half there`);
      else if (items.has(a) && !linked.has(`${a}->${b}`)) problems.push(`pair ${a}, ${b} lost its LINK`);
    }
    // Index seeks (the unique key's index and the value index) must find exactly what the scan found.
    const keys = [...items.keys()];
    const byKey = await session.run('MATCH (n:Item) WHERE n.k IN $keys RETURN count(n) AS c', { keys });
    const seekCount = Number(byKey.records[0]?.get('c'));
    if (seekCount !== items.size) problems.push(`key index finds ${seekCount} of ${items.size} items`);
    const values = [...new Set(items.values())].slice(0, 50);
    const expected = [...items.values()].filter((value) => values.includes(value)).length;
    const byValue = await session.run('MATCH (n:Item) WHERE n.v IN $values RETURN count(n) AS c', { values });
    const valueCount = Number(byValue.records[0]?.get('c'));
    if (valueCount !== expected) problems.push(`value index finds ${valueCount}, the scan ${expected}`);
    const schema = await session.run('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names');
    const names = schema.records[0]?.get('names') as string[] | undefined;
    if (names?.includes('item_key') !== true) problems.push('the unique constraint is gone');
  } finally {
    await session.close();
  }
  return { items, problems };
}
