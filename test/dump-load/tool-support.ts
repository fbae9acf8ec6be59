/**
 * Support for the dump/load/check end-to-end tests: command runs with captured output, a populated server,
 * and a canonical export of a database to compare copies by.
 */
import { PassThrough } from 'node:stream';
import type { ToolIo } from '../../src/cli/backup/index.js';
import { canonical, run } from '../../src/engine/dump/canonical.fixture.js';
import type { DatabaseEngine } from '../../src/engine/index.js';

/** What a command printed and returned. */
export interface CommandOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** What `--to -` wrote. */
  readonly output: Buffer;
}

/** Runs `command(argv, io)` with every stream captured; `input` feeds `quiver load -`. */
export async function runTool(
  command: (argv: readonly string[], io: ToolIo) => Promise<number>,
  argv: readonly string[],
  input: string | Buffer = '',
): Promise<CommandOutcome> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const output = new PassThrough();
  const written: Buffer[] = [];
  output.on('data', (chunk: Buffer) => written.push(chunk));
  const source = new PassThrough();
  source.end(input);
  const code = await command(argv, {
    env: {},
    stdout: (text) => stdout.push(text),
    stderr: (text) => stderr.push(text),
    output,
    outputIsTerminal: false,
    input: source,
  });
  return { code, stdout: stdout.join(''), stderr: stderr.join(''), output: Buffer.concat(written) };
}

/**
 * The schema and a graph holding every property type (BYTES through a parameter, since Cypher has no
 * literal for it), odd names, a self loop, a deleted node (an id gap) and several labels.
 */
export const SCHEMA = [
  'CREATE CONSTRAINT person_k FOR (p:Person) REQUIRE p.k IS UNIQUE',
  'CREATE CONSTRAINT typed FOR (p:Person) REQUIRE p.age IS :: INTEGER',
  'CREATE CONSTRAINT since_nn FOR ()-[r:KNOWS]-() REQUIRE r.since IS NOT NULL',
  'CREATE CONSTRAINT city_key FOR (c:City) REQUIRE (c.k, c.name) IS NODE KEY',
  'CREATE INDEX `odd index` FOR (n:`Odd Label`) ON (n.`odd key`, n.k)',
  'CREATE INDEX knows_w FOR ()-[r:KNOWS]-() ON (r.w)',
] as const;

export const DATA = `CREATE (a:Person:\`Odd Label\` {k: 1, name: 'it\\'s a "quote" \\\\ \\n\\t é 😀', age: -9223372036854775807 - 1,
   big: 9223372036854775807, t: true, f: false, nan: 0.0 / 0.0, inf: 1.0 / 0.0, ninf: -1.0 / 0.0,
   nzero: -0.0, tiny: 5e-324, pi: 3.141592653589793, \`odd key\`: 'x', \`MATCH\`: 1, \`back\`\`tick\`: 2,
   d: date('-0001-12-31'), lt: localtime('23:59:59.999999999'), tm: time('12:00:00.000000001-08:30'),
   ldt: localdatetime('+10000-01-01T00:00:00.5'),
   dtz: datetime('2019-10-27T01:30:00Z[Europe/London]'), dto: datetime('2019-10-27T01:30:00.123+05:45'),
   du: duration('P1Y14M-3DT-25H61M0.000000001S'), p2: point({x: 1.5, y: -2.0}),
   p3: point({x: 1.0, y: 2.0, z: 3.0}), wgs: point({longitude: 12.5, latitude: 55.6}),
   wgs3: point({longitude: 1.0, latitude: 2.0, height: 3.0}),
   ints: [1, -2, 3], floats: [1.0, 0.0 / 0.0], strings: ['a', ''], bools: [true], dates: [date('2020-02-29')],
   durations: [duration('PT1S')], points: [point({x: 0.0, y: 0.0})], empty: [], blob: $blob})
 -[:KNOWS {since: 2020, w: 0.5}]->(b:Person {k: 2}),
 (b)-[:\`SELF LOOP\` {since: 1}]->(b),
 (b)-[:KNOWS {since: 1999}]->(a),
 (:Lonely {k: 3}), ({k: 4}), (:City {k: 5, name: 'Zürich'}), (:Gone {k: 6})`;

/** The BYTES value stored in `blob`. */
export const BLOB = Uint8Array.of(0, 1, 2, 254, 255);

/** Enough nodes for a backup of many small chunks. */
export const BULK = 'UNWIND range(100, 399) AS i CREATE (:Bulk {k: i, text: "row " + toString(i)})';

/** Indexes and constraints as sorted canonical lines (name, type, entity, tokens, properties). */
export async function schemaOf(engine: DatabaseEngine): Promise<string[]> {
  const indexes = await run(
    engine,
    'SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, owningConstraint',
  );
  const constraints = await run(
    engine,
    'SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties, ownedIndex, propertyType',
  );
  return [
    ...indexes.map((row) => `index ${canonical(row)}`),
    ...constraints.map((row) => `constraint ${canonical(row)}`),
  ]
    .filter((line) => !line.includes('LOOKUP'))
    .sort();
}

/**
 * A canonical export: sorted node lines (labels, properties) and relationship lines (type, the `k` of both
 * ends, properties), and the schema.
 */
export async function exportOf(
  engine: DatabaseEngine,
): Promise<{ nodes: string[]; relationships: string[]; schema: string[] }> {
  const nodes = await run(engine, 'MATCH (n) RETURN labels(n) AS l, properties(n) AS p');
  const relationships = await run(
    engine,
    'MATCH (a)-[r]->(b) RETURN type(r) AS t, a.k AS a, b.k AS b, properties(r) AS p',
  );
  return {
    nodes: nodes
      .map(([labels, properties]) => canonical([[...(labels as string[])].sort(), properties ?? null]))
      .sort(),
    relationships: relationships.map((row) => canonical(row)).sort(),
    schema: await schemaOf(engine),
  };
}
