/**
 * `quiver import` end to end: flags in, a database directory out, opened again the way a server opens it
 * (the embedded engine over `<dataDir>/databases/<name>`), and the bad-row report, tolerance and exit codes.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { generatePokec } from '../../bench/support/mgbench/pokec-data.js';
import { FRIEND_HEADER, USER_HEADER, writePokecCsv } from '../../bench/support/import/pokec-csv.js';
import { runImportCommand } from '../../src/cli/import-command.js';
import { parseImportCommand, runImport, type ImportCommandOptions } from '../../src/cli/import/index.js';
import { openDurableStore } from '../../src/durability/index.js';
import { Database } from '../../src/engine/index.js';
import type { CypherMap, CypherValue } from '../../src/values/index.js';

const root = mkdtempSync(join(tmpdir(), 'quiver-import-e2e-'));
after(() => {
  rmSync(root, { recursive: true, force: true });
});

let runs = 0;
function workspace(): string {
  const directory = join(root, `run-${runs++}`);
  mkdirSync(directory);
  return directory;
}

interface CommandOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command with console output captured (stderr is not a TTY here, so no progress bar). */
async function quiverImport(...argv: string[]): Promise<CommandOutcome> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const { log, error } = console;
  console.log = (...parts: unknown[]) => stdout.push(parts.map(String).join(' '));
  console.error = (...parts: unknown[]) => stderr.push(parts.map(String).join(' '));
  try {
    const code = await runImportCommand(argv);
    return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
  } finally {
    console.log = log;
    console.error = error;
  }
}

async function query(dataDir: string, text: string, parameters: CypherMap = {}): Promise<CypherValue[][]> {
  const database = await Database.open({ dataDir, name: 'neo4j' });
  try {
    const records = await database.session().run(text, parameters).records();
    return records.map((record) => [...record.values]);
  } finally {
    await database.close();
  }
}

test('a Pokec-shaped CSV set imports into a database that reopens with every node, relationship and value', async () => {
  const directory = workspace();
  const csv = writePokecCsv(directory, 400);
  const dataDir = join(directory, 'data');
  const outcome = await quiverImport(
    '--data-dir',
    dataDir,
    `--nodes=User=${csv.users}`,
    `--relationships=FRIEND=${csv.friends}`,
    '--id-type=integer',
    `--report-file=${join(directory, 'import.report')}`,
  );
  assert.equal(outcome.code, 0, outcome.stderr);
  assert.match(
    outcome.stdout,
    new RegExp(
      `^IMPORT DONE in (\\d+s )?\\d+ms\\. Imported: 400 nodes, ${csv.friendCount} relationships, 2000 properties$`,
    ),
  );
  assert.equal(readFileSync(join(directory, 'import.report'), 'utf8'), '');

  const durable = await openDurableStore({ directory: join(dataDir, 'databases', 'neo4j') });
  assert.equal(durable.recovery.snapshotNodes, 400);
  assert.equal(durable.recovery.snapshotRelationships, csv.friendCount);
  assert.equal(durable.recovery.walRecords, 0);
  await durable.close();

  const data = generatePokec(400);
  const [[users, friends]] = (await query(
    dataDir,
    'MATCH (u:User) WITH count(u) AS users MATCH (:User)-[f:FRIEND]->(:User) RETURN users, count(f)',
  )) as [[bigint, bigint]];
  assert.deepEqual([users, friends], [400n, BigInt(csv.friendCount)]);
  for (const index of [0, 123, 399]) {
    const user = data.users[index]!;
    const rows = await query(
      dataDir,
      'MATCH (u:User {id: $id}) RETURN u.age, u.gender, u.region, u.completion_percentage, COUNT { (u)-[:FRIEND]->() }',
      { id: BigInt(index) },
    );
    const degree = [...data.from].filter((from) => from === index).length;
    assert.deepEqual(rows, [
      [BigInt(user.age), user.gender, user.region, BigInt(user.completion_percentage), BigInt(degree)],
    ]);
  }
});

test('the medium Pokec-shaped CSV set (100,000 users, ~1.45M relationships) imports with every count right', async () => {
  const directory = workspace();
  const csv = writePokecCsv(directory, Number(process.env['QUIVER_IMPORT_TEST_USERS'] ?? '100000'));
  const dataDir = join(directory, 'data');
  const outcome = await quiverImport(
    '--data-dir',
    dataDir,
    `--nodes=User=${csv.users}`,
    `--relationships=FRIEND=${csv.friends}`,
    '--id-type=integer',
    `--report-file=${join(directory, 'import.report')}`,
  );
  assert.equal(outcome.code, 0, outcome.stderr);
  assert.match(
    outcome.stdout,
    new RegExp(
      `Imported: ${csv.userCount} nodes, ${csv.friendCount} relationships, ${csv.userCount * 5} properties$`,
    ),
  );
  const [[users, friends, ages]] = (await query(
    dataDir,
    'MATCH (u:User) WITH count(u) AS users, count(u.age) AS ages MATCH ()-[f:FRIEND]->() RETURN users, count(f), ages',
  )) as [[bigint, bigint, bigint]];
  assert.deepEqual(
    [users, friends, ages],
    [BigInt(csv.userCount), BigInt(csv.friendCount), BigInt(csv.userCount)],
  );
  rmSync(directory, { recursive: true, force: true });
});

test('bad rows within the tolerance are skipped, reported with file:line and counted in the summary', async () => {
  const directory = workspace();
  const users = join(directory, 'users.csv');
  const friends = join(directory, 'friends.csv');
  writeFileSync(users, `${USER_HEADER}\n0,20,male,r,5\n1,x,female,r,5\n2,30,female,r\n3,40,male,r,7\n`);
  writeFileSync(friends, `${FRIEND_HEADER}\n0,3\n3,0\n0,1\n2,3\n`);
  const report = join(directory, 'bad.txt');
  const dataDir = join(directory, 'data');
  const outcome = await quiverImport(
    `--data-dir=${dataDir}`,
    `--nodes=User=${users}`,
    `--relationships=FRIEND=${friends}`,
    '--id-type=integer',
    '--skip-bad-relationships',
    '--bad-tolerance=4',
    `--report-file=${report}`,
  );
  assert.equal(outcome.code, 0, outcome.stderr);
  assert.match(outcome.stdout, /Imported: 2 nodes, 2 relationships, 10 properties/);
  assert.match(
    outcome.stdout,
    /Skipped 4 bad rows \(2 malformed, 2 relationships to missing nodes\); see .*bad\.txt/,
  );
  assert.deepEqual(readFileSync(report, 'utf8').split('\n'), [
    `${users}:3: age: 'x' is not a valid int`,
    `${users}:4: 4 fields, the header has 5`,
    `${friends}:4: end node '1' in group 'User' does not exist`,
    `${friends}:5: start node '2' in group 'User' does not exist`,
    '',
  ]);
  assert.deepEqual(await query(dataDir, 'MATCH (a)-[:FRIEND]->(b) RETURN a.id, b.id ORDER BY a.id'), [
    [0n, 3n],
    [3n, 0n],
  ]);
});

test('more bad rows than the tolerance stop the import with exit code 1 and leave no database', async () => {
  const directory = workspace();
  const users = join(directory, 'users.csv');
  writeFileSync(users, `${USER_HEADER}\n0,a,m,r,1\n1,b,m,r,1\n2,c,m,r,1\n`);
  const dataDir = join(directory, 'data');
  const report = join(directory, 'import.report');
  const outcome = await quiverImport(
    `--data-dir=${dataDir}`,
    `--nodes=User=${users}`,
    '--bad-tolerance=2',
    `--report-file=${report}`,
  );
  assert.equal(outcome.code, 1);
  assert.match(
    outcome.stderr,
    /^IMPORT FAILED: Import stopped: too many bad rows: 3 is more than --bad-tolerance=2; the last one was .*users\.csv:4: age: 'c' is not a valid int$/,
  );
  assert.equal(readFileSync(report, 'utf8').split('\n').length, 4);
  assert.equal(existsSync(join(dataDir, 'databases', 'neo4j')), false);
});

test('a relationship to a missing node stops the import unless --skip-bad-relationships is given', async () => {
  const directory = workspace();
  const users = join(directory, 'users.csv');
  const friends = join(directory, 'friends.csv');
  writeFileSync(users, `${USER_HEADER}\n0,20,male,r,5\n`);
  writeFileSync(friends, `${FRIEND_HEADER}\n0,9\n`);
  const outcome = await quiverImport(
    `--data-dir=${join(directory, 'data')}`,
    `--nodes=User=${users}`,
    `--relationships=FRIEND=${friends}`,
    `--report-file=${join(directory, 'r')}`,
  );
  assert.equal(outcome.code, 1);
  assert.match(
    outcome.stderr,
    /friends\.csv:2: end node '9' in group 'User' does not exist \(use --skip-bad-relationships/,
  );
});

test('an existing database is refused unless --overwrite-destination replaces it', async () => {
  const directory = workspace();
  const users = join(directory, 'users.csv');
  const dataDir = join(directory, 'data');
  const report = `--report-file=${join(directory, 'r')}`;
  writeFileSync(users, ':ID,name\na,first\n');
  assert.equal((await quiverImport(`--data-dir=${dataDir}`, `--nodes=${users}`, report)).code, 0);
  writeFileSync(users, ':ID,name\nb,second\nc,third\n');
  const refused = await quiverImport(`--data-dir=${dataDir}`, `--nodes=${users}`, report);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /exists and is not empty; use --overwrite-destination/);
  const replaced = await quiverImport(
    `--data-dir=${dataDir}`,
    `--nodes=${users}`,
    report,
    '--overwrite-destination',
  );
  assert.equal(replaced.code, 0, replaced.stderr);
  assert.deepEqual(await query(dataDir, 'MATCH (n) RETURN n.name ORDER BY n.name'), [['second'], ['third']]);
});

test('the database name is lower-cased, and invalid flags or missing files exit with 2 and 1', async () => {
  const directory = workspace();
  const users = join(directory, 'users.csv');
  writeFileSync(users, ':ID\n1\n');
  const dataDir = join(directory, 'data');
  const named = await quiverImport(
    'Movies',
    `--data-dir=${dataDir}`,
    `--nodes=${users}`,
    `--report-file=${join(directory, 'r')}`,
  );
  assert.equal(named.code, 0, named.stderr);
  assert.ok(existsSync(join(dataDir, 'databases', 'movies')));
  const badFlag = await quiverImport('--nodes', users, '--delimiter', ',,');
  assert.equal(badFlag.code, 2);
  assert.match(badFlag.stderr, /--delimiter must be one character/);
  const missing = await quiverImport(`--data-dir=${dataDir}`, `--nodes=${join(directory, 'nope.csv')}`);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /Input file\(s\) not found: .*nope\.csv/);
});

test('a database directory whose LOCK belongs to a live process is never replaced', async () => {
  const directory = workspace();
  const users = join(directory, 'users.csv');
  writeFileSync(users, ':ID\n1\n');
  const dataDir = join(directory, 'data');
  const database = join(dataDir, 'databases', 'neo4j');
  mkdirSync(database, { recursive: true });
  writeFileSync(join(database, 'LOCK'), `${process.ppid}\n`);
  const outcome = await quiverImport(
    `--data-dir=${dataDir}`,
    `--nodes=${users}`,
    '--overwrite-destination',
    `--report-file=${join(directory, 'r')}`,
  );
  assert.equal(outcome.code, 1);
  assert.match(outcome.stderr, new RegExp(`is in use by process ${process.ppid}; stop it before importing`));
  assert.ok(existsSync(join(database, 'LOCK')));
});

test('runImport reports progress by stage and the figures of the snapshot it took', async () => {
  const directory = workspace();
  const users = join(directory, 'users.csv');
  writeFileSync(users, ':ID,name\n1,a\n2,b\n3,c\n');
  const stages: string[] = [];
  let rows = 0;
  const run = await runImport(
    {
      dataDir: join(directory, 'data'),
      database: 'neo4j',
      overwriteDestination: false,
      reportFile: join(directory, 'r'),
      inputs: { nodes: [{ labels: ['N'], files: [users] }], relationships: [] },
      settings: parseRun(['--nodes=x']).settings,
    },
    {
      stage: (name) => stages.push(name),
      advance: (_bytes, count) => {
        rows += count;
      },
    },
  );
  assert.deepEqual(stages, ['Nodes', 'Relationships', 'Snapshot']);
  assert.equal(rows, 3);
  assert.equal(run.snapshot.nodes, 3);
  assert.equal(run.result.properties, 3);
  assert.equal(run.directory, join(directory, 'data', 'databases', 'neo4j'));
});

function parseRun(argv: string[]): ImportCommandOptions {
  const parsed = parseImportCommand(argv);
  assert.equal(parsed.kind, 'run');
  return parsed.options;
}
