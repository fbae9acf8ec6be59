/**
 * `quiver dump`, `quiver load` and `quiver check` end to end, against an in-process server on a temporary
 * data directory: each dump is loaded into an empty place and the copy's canonical export (nodes,
 * relationships, every property value, indexes and constraints) compared with the source's.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCheckCommand } from '../../src/cli/check-command.js';
import { runDumpCommand } from '../../src/cli/dump-command.js';
import { runLoadCommand } from '../../src/cli/load-command.js';
import { runShellCommand } from '../../src/cli/shell-command.js';
import { PassThrough } from 'node:stream';
import { run } from '../../src/engine/dump/canonical.fixture.js';
import { Database, type DatabaseEngine } from '../../src/engine/index.js';
import { silentLogger, startServer, type QuiverServer } from '../../src/server/index.js';
import { BoltClient } from '../../src/bolt/index.js';
import { BLOB, BULK, DATA, exportOf, runTool, SCHEMA } from './tool-support.js';

const root = mkdtempSync(join(tmpdir(), 'quiver-dump-load-'));
let server: QuiverServer;
let source: DatabaseEngine;

before(async () => {
  server = await startServer({
    host: '127.0.0.1',
    port: 0,
    dataDir: join(root, 'server'),
    logger: silentLogger,
  });
  source = server.databases.get('neo4j');
  for (const statement of SCHEMA) await run(source, statement);
  await run(source, DATA, { blob: BLOB });
  await run(source, BULK);
  await run(source, 'MATCH (g:Gone) DELETE g');
});

after(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

let places = 0;
function place(): string {
  const directory = join(root, `place-${String(places++)}`);
  mkdirSync(directory);
  return directory;
}

/** Opens database `name` of `dataDir` with the embedded API, hands its engine to `use`, closes it. */
async function withDatabase<T>(
  dataDir: string,
  name: string,
  use: (engine: DatabaseEngine) => Promise<T>,
): Promise<T> {
  const database = await Database.open({ dataDir, name });
  try {
    return await use(database.engine);
  } finally {
    await database.close();
  }
}

async function dumpStatements(engine: DatabaseEngine): Promise<string[]> {
  return (await run(engine, 'DUMP DATABASE')).map(([statement]) => statement as string).sort();
}

describe('quiver dump --format cypher', () => {
  it('writes a header, then one statement per line ending in a semicolon, and reloads offline into the same graph', async () => {
    const directory = place();
    const file = join(directory, 'neo4j.cypher');
    const dumped = await runTool(runDumpCommand, ['--address', server.url, '--to', file]);
    assert.equal(dumped.code, 0, dumped.stderr);
    assert.match(
      dumped.stdout,
      /^DUMP DONE in \d+ms: database neo4j as \d+ Cypher statements, \d+ bytes to /,
    );
    const lines = readFileSync(file, 'utf8').split('\n');
    assert.equal(lines.pop(), '');
    const header = lines.filter((line) => line.startsWith('//'));
    assert.match(header[0] ?? '', /^\/\/ Quiver Cypher dump of database \(home\) \(DUMP DATABASE\)/);
    // The header explains the names the statements really use.
    assert.ok(header.some((line) => line.includes(':param __quiver_bytes_N')));
    assert.ok(header.some((line) => line.includes(':__QuiverDumpNode and key __quiver_dump_id')));
    assert.ok(
      lines.some((line) => line.includes('CREATE (n:Bulk:__QuiverDumpNode {__quiver_dump_id: row._id})')),
    );
    const records = lines.slice(header.length);
    // Statements end in ';'; the :param lines that carry BYTES values are shell commands, without one.
    assert.ok(records.every((line) => line.endsWith(';') !== line.startsWith(':param ')));
    assert.deepEqual(
      records.filter((line) => line.startsWith(':param ')),
      [':param __quiver_bytes_0 => [0, 1, 2, 254, 255]'],
    );
    assert.equal(records.length, (await dumpStatements(source)).length);
    assert.deepEqual(readdirSync(directory), ['neo4j.cypher'], 'no temporary file is left');

    const dataDir = join(directory, 'data');
    const loaded = await runTool(runLoadCommand, ['--data-dir', dataDir, file]);
    assert.equal(loaded.code, 0, loaded.stderr);
    assert.match(
      loaded.stdout,
      new RegExp(
        `^LOAD DONE in [\\d.]+m?s: ${String(records.length - 1)} statements in \\d+ transactions \\(305 nodes, 3 relationships, \\d+ indexes, 4 constraints created\\) into database neo4j of `,
      ),
    );
    const copy = await withDatabase(dataDir, 'neo4j', (engine) => exportOf(engine));
    assert.equal(copy.nodes.length, 305);
    // BYTES values come back too, through the dump's :param lines.
    assert.deepEqual(copy, await exportOf(source));
  });

  it('streams to standard output with the report on stderr, and loads from standard input', async () => {
    const dumped = await runTool(runDumpCommand, ['-a', server.url]);
    assert.equal(dumped.code, 0, dumped.stderr);
    assert.equal(dumped.stdout, '');
    assert.match(dumped.stderr, /^DUMP DONE .* to stdout\n$/);
    const dataDir = join(place(), 'data');
    const loaded = await runTool(
      runLoadCommand,
      ['--data-dir', dataDir, '-d', 'piped', '--format', 'cypher', '-'],
      dumped.output,
    );
    assert.equal(loaded.code, 0, loaded.stderr);
    const copy = await withDatabase(dataDir, 'piped', (engine) => exportOf(engine));
    assert.deepEqual(copy, await exportOf(source));
  });
});

describe('quiver load --address', () => {
  it('replays a Cypher dump into a database of a running server over Bolt', async () => {
    const file = join(place(), 'dump.cypher');
    assert.equal((await runTool(runDumpCommand, ['-a', server.url, '--to', file])).code, 0);
    await run(server.databases.get('system'), 'CREATE DATABASE copy');
    const loaded = await runTool(runLoadCommand, [
      '--address',
      server.url,
      '-d',
      'copy',
      '--batch-size',
      '50',
      file,
    ]);
    assert.equal(loaded.code, 0, loaded.stderr);
    assert.match(
      loaded.stdout,
      /statements in \d+ transactions \(305 nodes, 3 relationships, .* into copy at bolt:/,
    );
    assert.deepEqual(await exportOf(server.databases.get('copy')), await exportOf(source));
  });

  it('stops at a failing statement, naming it, with the batches before it committed', async () => {
    const file = join(place(), 'bad.cypher');
    writeFileSync(
      file,
      'CREATE (:Partial {k: 1});\nCREATE (:Partial {k: 2});\nCREATE (:Partial {k: 3}) RETURN nope;\n',
    );
    await run(server.databases.get('system'), 'CREATE DATABASE partial');
    const loaded = await runTool(runLoadCommand, [
      '-a',
      server.url,
      '-d',
      'partial',
      '--batch-size',
      '1',
      file,
    ]);
    assert.equal(loaded.code, 1);
    assert.match(
      loaded.stderr,
      /^LOAD FAILED: Statement 3 failed \(statements up to 2 are committed.*\n {2}CREATE \(:Partial \{k: 3\}\) RETURN nope\n$/s,
    );
    assert.deepEqual(await run(server.databases.get('partial'), 'MATCH (n:Partial) RETURN count(n)'), [[2n]]);
  });
});

describe('a Cypher dump replayed by quiver shell -f', () => {
  it('rebuilds the graph, BYTES included, as cypher-shell would replay it', async () => {
    const file = join(place(), 'shell.cypher');
    assert.equal((await runTool(runDumpCommand, ['-a', server.url, '--to', file])).code, 0);
    await run(server.databases.get('system'), 'CREATE DATABASE viashell');
    const errors: string[] = [];
    const error = new PassThrough();
    error.on('data', (chunk: Buffer) => errors.push(chunk.toString('utf8')));
    const code = await runShellCommand(['-a', server.url, '-d', 'viashell', '-f', file], {
      input: new PassThrough(),
      output: new PassThrough().resume(),
      error,
      interactive: false,
      env: { QUIVER_SHELL_HISTORY: '' },
    });
    assert.equal(code, 0, errors.join(''));
    assert.deepEqual(await exportOf(server.databases.get('viashell')), await exportOf(source));
  });
});

describe('quiver dump --format binary', () => {
  it('writes a validated snapshot that loads into an empty data directory as an exact copy', async () => {
    const directory = place();
    const file = join(directory, 'neo4j.snap');
    const dumped = await runTool(runDumpCommand, ['-a', server.url, '--format', 'binary', '--to', file]);
    assert.equal(dumped.code, 0, dumped.stderr);
    assert.match(
      dumped.stdout,
      /as a binary backup at commit \d+: 305 nodes, 3 relationships, 2 indexes, 4 constraints, \d+ bytes to /,
    );
    assert.deepEqual(readdirSync(directory), ['neo4j.snap']);

    const dataDir = join(directory, 'data');
    const loaded = await runTool(runLoadCommand, ['--data-dir', dataDir, '--database', 'restored', file]);
    assert.equal(loaded.code, 0, loaded.stderr);
    assert.match(
      loaded.stdout,
      /installed a binary backup .* as database restored of .*: 305 nodes, 3 relationships, 2 indexes, 4 constraints\n$/,
    );
    await withDatabase(dataDir, 'restored', async (engine) => {
      assert.deepEqual(await exportOf(engine), await exportOf(source));
      // Ids survive a binary backup, so even the dumps (which name node ids) are the same.
      assert.deepEqual(await dumpStatements(engine), await dumpStatements(source));
    });

    const checked = await runTool(runCheckCommand, ['--data-dir', dataDir, '--all']);
    assert.equal(checked.code, 0, checked.stderr);
    assert.match(
      checked.stdout,
      /^restored: OK \(snapshot at commit \d+, 0 WAL records after it, 305 nodes, 3 relationships\)\n$/,
    );

    const again = await runTool(runLoadCommand, ['--data-dir', dataDir, '--database', 'restored', file]);
    assert.equal(again.code, 1);
    assert.match(
      again.stderr,
      /^LOAD FAILED: Cannot install a snapshot into .*restored": it holds a database already/,
    );
  });

  it('is refused for a database directory a running server holds, saying so', async () => {
    const file = join(place(), 'neo4j.snap');
    assert.equal(
      (await runTool(runDumpCommand, ['-a', server.url, '--format', 'binary', '--to', file])).code,
      0,
    );
    const loaded = await runTool(runLoadCommand, ['--data-dir', join(root, 'server'), file]);
    assert.equal(loaded.code, 1);
    assert.match(
      loaded.stderr,
      /is in use by process \d+.*: a running server \(or another quiver process\) holds its LOCK; stop it first/,
    );
  });

  it('goes through a pipe as well, and a damaged backup installs nothing', async () => {
    const dumped = await runTool(runDumpCommand, ['-a', server.url, '--format', 'binary', '--to', '-']);
    assert.equal(dumped.code, 0, dumped.stderr);
    const directory = place();
    const file = join(directory, 'piped.snap');
    writeFileSync(file, dumped.output);
    const dataDir = join(directory, 'data');
    const loaded = await runTool(runLoadCommand, ['--data-dir', dataDir, file]);
    assert.equal(loaded.code, 0, loaded.stderr);
    await withDatabase(dataDir, 'neo4j', async (engine) => {
      assert.deepEqual(await exportOf(engine), await exportOf(source));
    });

    const damaged = Buffer.from(dumped.output);
    damaged[damaged.length >> 1] = (damaged[damaged.length >> 1] ?? 0) ^ 0x40;
    writeFileSync(file, damaged);
    const refused = await runTool(runLoadCommand, ['--data-dir', dataDir, '-d', 'damaged', file]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /^LOAD FAILED: Snapshot .* is damaged at offset \d+/);
    assert.deepEqual(readdirSync(join(dataDir, 'databases')), ['neo4j'], 'no empty database is left behind');
  });
});

describe('quiver check', () => {
  it("finds the running server's directory sound and a directory with a damaged snapshot not", async () => {
    const live = await runTool(runCheckCommand, ['--data-dir', join(root, 'server')]);
    assert.equal(live.code, 0, live.stdout + live.stderr);
    assert.match(live.stdout, /^neo4j: OK \(/);

    const file = join(place(), 'neo4j.snap');
    assert.equal(
      (await runTool(runDumpCommand, ['-a', server.url, '--format', 'binary', '--to', file])).code,
      0,
    );
    const dataDir = join(place(), 'data');
    assert.equal((await runTool(runLoadCommand, ['--data-dir', dataDir, file])).code, 0);
    const snapshots = join(dataDir, 'databases', 'neo4j', 'snapshots');
    const [name] = readdirSync(snapshots);
    assert.ok(name !== undefined);
    const bytes = readFileSync(join(snapshots, name));
    bytes[bytes.length - 40] = (bytes[bytes.length - 40] ?? 0) ^ 0x01;
    writeFileSync(join(snapshots, name), bytes);
    const checked = await runTool(runCheckCommand, ['--data-dir', dataDir, '--database', 'neo4j']);
    assert.equal(checked.code, 1);
    assert.match(checked.stdout, /^neo4j: DAMAGED \(.*\)\n {2}problem: Snapshot .* is damaged at offset \d+/);
    assert.match(checked.stderr, /^CHECK FAILED: problems in neo4j\n$/);
  });

  it('reports a database that does not exist, and bad flags with exit code 2', async () => {
    const missing = await runTool(runCheckCommand, ['--data-dir', root, '-d', 'nothing']);
    assert.equal(missing.code, 1);
    assert.match(missing.stdout, /^nothing: MISSING\n {2}problem: There is no database "nothing"/);
    assert.equal((await runTool(runCheckCommand, ['--data-dir', root, '--all'])).code, 1);
    const both = await runTool(runCheckCommand, ['--all', '-d', 'neo4j']);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /^Give either --database or --all, not both\n/);
  });
});

describe('flags', () => {
  it('are checked before anything runs, with exit code 2', async () => {
    const cases: [typeof runLoadCommand, string[], RegExp][] = [
      [runLoadCommand, ['x.cypher'], /^Say where to load: --data-dir <dir> \(offline\) or --address/],
      [runLoadCommand, ['--data-dir', 'd', '--address', 'bolt://h', 'x'], /not both/],
      [runLoadCommand, ['--address', 'bolt://h', '--format', 'binary', 'x'], /loads offline only/],
      [
        runLoadCommand,
        ['--data-dir', 'd', '-d', 'no_underscores', 'x'],
        /Database name 'no_underscores' is invalid/,
      ],
      [runLoadCommand, ['--data-dir', 'd', '-'], /standard input needs --format/],
      [
        runLoadCommand,
        ['--data-dir', 'd', '--batch-size', '0', 'x'],
        /--batch-size must be a positive integer/,
      ],
      [runDumpCommand, ['--format', 'xml'], /option '--format <format>' argument 'xml' is invalid/],
      [runDumpCommand, ['--nope'], /unknown option '--nope'/],
    ];
    for (const [command, argv, message] of cases) {
      const outcome = await runTool(command, argv);
      assert.equal(outcome.code, 2, argv.join(' '));
      assert.match(outcome.stderr, message);
    }
    const help = await runTool(runDumpCommand, ['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: quiver dump \[options\]/);
  });

  it('report a server that cannot be reached as a failure, exit code 1', async () => {
    const outcome = await runTool(runDumpCommand, ['-a', 'bolt://127.0.0.1:1']);
    assert.equal(outcome.code, 1);
    assert.match(outcome.stderr, /^DUMP FAILED: /);
  });
});

describe('a binary dump from a client that is not Quiver-aware', () => {
  it('can still be taken with CALL quiver.backup() and any Bolt client', async () => {
    const client = await BoltClient.connect({ host: '127.0.0.1', port: server.port });
    await client.login();
    const result = await client.query('CALL quiver.backup() YIELD chunk');
    await client.goodbye();
    assert.deepEqual(result.fields, ['chunk']);
    assert.ok(result.records.length > 0);
    assert.ok(result.records.every(([chunk]) => chunk instanceof Uint8Array));
  });
});
