/**
 * Measures `quiver dump` + `quiver load` of a Cypher script by hand (not a test): builds a graph of
 * QUIVER_MEASURE_NODES nodes and QUIVER_MEASURE_RELATIONSHIPS relationships in an in-process server, dumps
 * it with `quiver dump`, loads it offline with `quiver load` and prints the figures.
 * Run: `npx tsc -b && node build/test/dump-load/measure-load.js`.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDumpCommand } from '../../src/cli/dump-command.js';
import { runLoadCommand } from '../../src/cli/load-command.js';
import { run } from '../../src/engine/dump/canonical.fixture.js';
import { silentLogger, startServer } from '../../src/server/index.js';
import { runTool } from './tool-support.js';

const nodes = Number(process.env['QUIVER_MEASURE_NODES'] ?? 50_000);
const relationships = Number(process.env['QUIVER_MEASURE_RELATIONSHIPS'] ?? 200_000);

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'quiver-measure-'));
  const server = await startServer({ host: '127.0.0.1', port: 0, inMemory: true, logger: silentLogger });
  try {
    const engine = server.databases.get('neo4j');
    await run(engine, 'CREATE INDEX person_k FOR (p:Person) ON (p.k)');
    await run(
      engine,
      `UNWIND range(0, ${String(nodes - 1)}) AS i
       CREATE (p:Person {k: i, name: 'person ' + toString(i), age: i % 90, score: toFloat(i) / 7.0})
       FOREACH (_ IN CASE WHEN i % 10 = 0 THEN [1] ELSE [] END | SET p:Admin)`,
    );
    await run(
      engine,
      `UNWIND range(0, ${String(relationships - 1)}) AS i
       MATCH (a:Person {k: i % ${String(nodes)}}), (b:Person {k: (i * 7919 + 13) % ${String(nodes)}})
       CREATE (a)-[:KNOWS {since: 1990 + i % 30}]->(b)`,
    );
    const file = join(root, 'dump.cypher');
    let started = performance.now();
    const dumped = await runTool(runDumpCommand, ['-a', server.url, '--to', file]);
    const dumpMs = performance.now() - started;
    if (dumped.code !== 0) throw new Error(dumped.stderr);
    started = performance.now();
    const cpu = process.cpuUsage();
    const loaded = await runTool(runLoadCommand, ['--data-dir', join(root, 'data'), file]);
    const loadMs = performance.now() - started;
    const { user, system } = process.cpuUsage(cpu);
    if (loaded.code !== 0) throw new Error(loaded.stderr);
    const statements = /(\d+) statements/.exec(loaded.stdout)?.[1] ?? '?';
    console.log(
      `${String(nodes)} nodes, ${String(relationships)} relationships: dump ${(dumpMs / 1000).toFixed(1)}s ` +
        `(${String(statSync(file).size)} bytes), load ${(loadMs / 1000).toFixed(1)}s (CPU ${((user + system) / 1e6).toFixed(1)}s), ${statements} statements ` +
        `(${String(Math.round(Number(statements) / (loadMs / 1000)))} statements/s, ` +
        `${String(Math.round((nodes + relationships) / (loadMs / 1000)))} entities/s)`,
    );
    console.log(loaded.stdout.trim());
  } finally {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
