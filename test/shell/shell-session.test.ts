import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { QuiverServer } from '../../src/server/index.js';
import { runSession, startTestServer } from './shell-harness.js';

let server: QuiverServer;
let address: string;
const dir = mkdtempSync(join(tmpdir(), 'quiver-shell-'));
const TIMING = 'ready to start consuming query after 0 ms, results consumed after another 0 ms';

before(async () => {
  server = await startTestServer();
  address = `bolt://127.0.0.1:${server.port}`;
});
after(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `statement` in a fresh non-interactive session and returns its plain output. */
async function query(statement: string): Promise<string> {
  const { code, stdout, stderr } = await runSession(['-a', address, '--format', 'plain', statement], '');
  assert.equal(stderr, '');
  assert.equal(code, 0);
  return stdout;
}

describe('quiver shell, interactive', () => {
  test('a scripted session with a parameter, transactions, an error and tables prints the expected transcript', async () => {
    const history = join(dir, 'history');
    const lines = [
      ":param name => 'Ali' + 'ce'",
      ':params',
      'CREATE (p:Person {name: $name, age: 33})',
      'RETURN p.name AS name, p.age AS age;',
      ':begin',
      "CREATE (:Person {name: 'Bob'});",
      ':commit',
      ':begin',
      "CREATE (:Person {name: 'Eve'});",
      ':rollback',
      'MATCH (p:Person) RETURN p ORDER BY p.name;',
      'RETRUN 1;',
      ':exit',
      'RETURN "never run";',
    ];
    const { code, stdout, stderr } = await runSession(['-a', address], lines.join('\n'), {
      interactive: true,
      env: { QUIVER_SHELL_HISTORY: history },
    });
    assert.equal(code, 0);
    // Without a terminal the prompts are printed but the typed lines are not echoed.
    assert.equal(
      stdout,
      [
        `Connected to Neo4j/5.26.0 at ${address} using Bolt protocol version 6.1.`,
        'Type :help for a list of available commands or :exit to exit the shell.',
        'Note that Cypher queries must end with a semicolon.',
        'neo4j> neo4j> :param name => "Alice"',
        'neo4j>        +---------------+',
        '| name    | age |',
        '+---------------+',
        '| "Alice" | 33  |',
        '+---------------+',
        '',
        '1 row',
        TIMING,
        'Added 1 nodes, Set 2 properties, Added 1 labels',
        'neo4j> neo4j# 0 rows',
        TIMING,
        'Added 1 nodes, Set 1 properties, Added 1 labels',
        'neo4j# neo4j> neo4j# 0 rows',
        TIMING,
        'Added 1 nodes, Set 1 properties, Added 1 labels',
        'neo4j# neo4j> +------------------------------------+',
        '| p                                  |',
        '+------------------------------------+',
        '| (:Person {name: "Alice", age: 33}) |',
        '| (:Person {name: "Bob"})            |',
        '+------------------------------------+',
        '',
        '2 rows',
        TIMING,
        'neo4j> neo4j> ',
      ].join('\n'),
    );
    assert.equal(
      stderr,
      [
        "Invalid input 'RETRUN': expected a clause (MATCH, RETURN, CREATE, WITH, …) (line 1, column 1 (offset: 0))",
        '"RETRUN 1"',
        ' ^',
        'Neo.ClientError.Statement.SyntaxError (GQLSTATUS 42001)',
        '',
      ].join('\n'),
    );
    // Every line entered before :exit went to the history file.
    assert.equal(readFileSync(history, 'utf8'), `${lines.slice(0, 13).join('\n')}\n`);
    await query('MATCH (p:Person) DETACH DELETE p');
  });

  test(':use switches the database the prompt shows, and an unknown database is refused', async () => {
    const { code, stdout, stderr } = await runSession(
      ['-a', address],
      ':use nope\n:use system\nSHOW DATABASES YIELD name RETURN name;\n',
      {
        interactive: true,
      },
    );
    assert.equal(code, 0);
    assert.match(stdout, /neo4j> neo4j> system> \+-+\+\n\| name +\|/);
    assert.match(stdout, /\| "system" \|/);
    assert.equal(
      stderr,
      "Database does not exist. Database name: 'nope'.\nNeo.ClientError.Database.DatabaseNotFound (GQLSTATUS 22N51)\n",
    );
  });

  test('a failure inside a transaction ends it, and :commit then says there is none', async () => {
    const { stdout, stderr } = await runSession(['-a', address], ':begin\nRETURN 1/0;\n:commit\n', {
      interactive: true,
    });
    assert.match(stdout, /neo4j> neo4j# neo4j> neo4j> \n$/);
    assert.match(stderr, /Neo\.ClientError\.Statement\.ArithmeticError/);
    assert.match(stderr, /There is no open transaction to commit\n$/);
  });

  test(':params lists parameters in the order they were set and :params clear removes them', async () => {
    const input =
      ":param {b: 2, a: [1, 'x']}\n:param `odd name` => date('2024-01-31')\n:params\n:params clear\n:params\n";
    const { stdout, stderr } = await runSession(['-a', address, '--non-interactive'], input);
    assert.equal(stderr, '');
    assert.equal(stdout, ':param b => 2\n:param a => [1, "x"]\n:param `odd name` => 2024-01-31\n');
  });

  test(':help lists the commands and unknown commands are reported', async () => {
    const { stdout, stderr } = await runSession(['-a', address], ':help\n:help param\n:nope\n', {
      interactive: true,
    });
    assert.match(stdout, /Available commands:\n {2}:begin +Open a transaction\n/);
    assert.match(stdout, /usage: :param name => expression/);
    assert.equal(stderr, 'Could not find command :nope, use :help to see available commands\n');
  });
});

describe('quiver shell, non-interactive', () => {
  test('piped statements print plain output and stop at the first error with exit code 1', async () => {
    const input =
      'CREATE (:Item {n: 1});\nMATCH (i:Item) RETURN i.n AS n, i;\nRETURN 1 +;\nCREATE (:Item {n: 2});\n';
    const { code, stdout, stderr } = await runSession(['-a', address], input);
    assert.equal(code, 1);
    assert.equal(stdout, 'n, i\n1, (:Item {n: 1})\n');
    assert.match(stderr, /^Invalid input/);
    assert.match(stderr, /\n"RETURN 1 \+"\n {11}\^\nNeo\.ClientError\.Statement\.SyntaxError/);
    // Fail-fast: the statement after the error never ran.
    assert.equal(await query('MATCH (i:Item) RETURN count(i) AS c'), 'c\n1\n');
    await query('MATCH (i:Item) DELETE i');
  });

  test('--fail-at-end runs every statement and still exits with 1', async () => {
    const { code, stdout } = await runSession(
      ['-a', address, '--fail-at-end'],
      'RETURN 1 AS a;\nRETURN x;\nRETURN 2 AS b',
    );
    assert.equal(code, 1);
    assert.equal(stdout, 'a\n1\nb\n2\n');
  });

  test('-f runs a file with -P parameters, :source and verbose tables with counters', async () => {
    const sourced = join(dir, 'sourced.cypher');
    const script = join(dir, 'script.cypher');
    writeFileSync(sourced, 'RETURN $greeting + "!" AS g;\n');
    writeFileSync(script, `// a script\nCREATE (:T {v: $v});\n:source ${sourced}\nMATCH (t:T) DELETE t;\n`);
    const { code, stdout, stderr } = await runSession(
      ['-a', address, '--format', 'verbose', '-f', script, '-P', 'v => 40 + 2', '-P', "{greeting: 'hi'}"],
      'RETURN "stdin is not read";',
    );
    assert.equal(stderr, '');
    assert.equal(code, 0);
    assert.equal(
      stdout,
      [
        '0 rows',
        TIMING,
        'Added 1 nodes, Set 1 properties, Added 1 labels',
        '+-------+',
        '| g     |',
        '+-------+',
        '| "hi!" |',
        '+-------+',
        '',
        '1 row',
        TIMING,
        '0 rows',
        TIMING,
        'Deleted 1 nodes',
        '',
      ].join('\n'),
    );
  });

  test('--format json prints one object per record and --format csv prints RFC 4180 records', async () => {
    const statement = 'UNWIND [1, 2] AS x RETURN x, \'a,"b"\' AS s, {k: [x]} AS m';
    const json = await runSession(['-a', address, '--format', 'json', statement], '');
    assert.equal(
      json.stdout,
      '{"x":1,"s":"a,\\"b\\"","m":{"k":[1]}}\n{"x":2,"s":"a,\\"b\\"","m":{"k":[2]}}\n',
    );
    const csv = await runSession(['-a', address, '--format', 'csv', statement], '');
    assert.equal(csv.stdout, 'x,s,m\r\n1,"a,""b""",{k: [1]}\r\n2,"a,""b""",{k: [2]}\r\n');
  });

  test('an unreachable server, bad flags and --version exit with 1, 2 and 0', async () => {
    const unreachable = await runSession(['-a', 'bolt://127.0.0.1:1'], 'RETURN 1;');
    assert.equal(unreachable.code, 1);
    assert.match(
      unreachable.stderr,
      /^Unable to connect to bolt:\/\/127\.0\.0\.1:1, ensure the database is running/,
    );
    const badFlag = await runSession(['--no-such-flag'], '');
    assert.equal(badFlag.code, 2);
    assert.match(badFlag.stderr, /unknown option '--no-such-flag'/);
    const badFormat = await runSession(['--format', 'xml'], '');
    assert.equal(badFormat.code, 2);
    const version = await runSession(['--version'], '');
    assert.deepEqual(version, { code: 0, stdout: 'quiver shell 0.1.0\n', stderr: '' });
  });

  test('the address and credentials come from the environment when no flag is given', async () => {
    const secured = await startTestServer({
      auth: { users: [{ username: 'neo4j', password: 'secret' }], scrypt: { N: 16, r: 1, p: 1 } },
    });
    try {
      const env = { QUIVER_ADDRESS: secured.url, NEO4J_USERNAME: 'neo4j', NEO4J_PASSWORD: 'secret' };
      const ok = await runSession(['RETURN 1 AS one'], '', { env });
      assert.deepEqual(ok, { code: 0, stdout: 'one\n1\n', stderr: '' });
      const refused = await runSession(['-p', 'wrong', 'RETURN 1'], '', { env });
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /Neo\.ClientError\.Security\.Unauthorized/);
    } finally {
      await secured.close();
    }
  });
});
