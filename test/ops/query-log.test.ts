// The query log over Bolt: one structured line per finished query, parameters only when verbose, the
// slow-query threshold, failures with their status code.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import neo4j from 'neo4j-driver-6';
import { BoltClient, basicAuth } from '../../src/bolt/index.js';
import { createServerLog, startServer, type QueryLogOptions } from '../../src/server/index.js';
import { createQueryLog } from '../../src/server/observability/query-log.js';
import type { QueryEvent } from '../../src/server/observability/server-observer.js';

type LogEntry = Readonly<Record<string, unknown>>;

/** Starts an in-memory server with the query log on, runs `work` with a driver, returns the query lines. */
async function queryLines(
  queryLog: QueryLogOptions,
  work: (session: ReturnType<ReturnType<typeof neo4j.driver>['session']>) => Promise<void>,
): Promise<LogEntry[]> {
  const lines: string[] = [];
  const logger = createServerLog({
    level: 'warn',
    format: 'json',
    stream: { write: (line) => lines.push(line) },
  });
  const server = await startServer({ host: '127.0.0.1', port: 0, inMemory: true, logger, queryLog });
  const driver = neo4j.driver(server.url, neo4j.auth.basic('alice', 'secret'));
  try {
    const session = driver.session();
    try {
      await work(session);
    } finally {
      await session.close();
    }
  } finally {
    await driver.close();
    await server.close();
    await logger.flush();
  }
  return lines.map((line) => JSON.parse(line) as LogEntry).filter((entry) => entry['log'] === 'query');
}

describe('The query log', () => {
  test('writes one line per finished query with duration, database, user, text, rows and type', async () => {
    const entries = await queryLines({ mode: 'info' }, async (session) => {
      await session.run('UNWIND range(1, 3) AS x CREATE (:Item {x: x})', { secret: 'hidden' });
      await session.run('MATCH (n:Item) RETURN n.x AS x ORDER BY x');
    });
    const mine = entries.filter((entry) => String(entry['query']).includes('Item'));
    assert.equal(mine.length, 2);
    const [write, read] = mine;
    assert.ok(write !== undefined && read !== undefined);
    assert.equal(write['msg'], 'query');
    assert.equal(write['level'], 'info');
    assert.equal(write['database'], 'neo4j');
    assert.equal(write['user'], 'alice');
    assert.equal(write['type'], 'w');
    assert.equal(write['rows'], 0);
    assert.equal(write['outcome'], 'success');
    assert.equal(typeof write['durationMs'], 'number');
    assert.ok((write['durationMs'] as number) >= 0);
    assert.equal(write['parameters'], undefined, 'parameters only in verbose mode');
    assert.equal(read['query'], 'MATCH (n:Item) RETURN n.x AS x ORDER BY x');
    assert.equal(read['type'], 'r');
    assert.equal(read['rows'], 3);
  });

  test('writes parameters in verbose mode, and failures with their status code', async () => {
    const entries = await queryLines({ mode: 'verbose' }, async (session) => {
      await session.run('RETURN $n + 1 AS n, $bytes AS b', {
        n: neo4j.int(41),
        bytes: new Int8Array([1, -1]),
      });
      await assert.rejects(session.run('RETURN 1 +'), { code: 'Neo.ClientError.Statement.SyntaxError' });
      await assert.rejects(session.run('UNWIND [1, 0] AS d RETURN 1 / d'), {
        code: 'Neo.ClientError.Statement.ArithmeticError',
      });
    });
    const ok = entries.find((entry) => entry['query'] === 'RETURN $n + 1 AS n, $bytes AS b');
    assert.ok(ok !== undefined);
    assert.deepEqual(ok['parameters'], { n: 41, bytes: '0x01ff' });
    const syntax = entries.find((entry) => entry['query'] === 'RETURN 1 +');
    assert.ok(syntax !== undefined);
    assert.equal(syntax['msg'], 'query failed');
    assert.equal(syntax['outcome'], 'failure');
    assert.equal(syntax['errorCode'], 'Neo.ClientError.Statement.SyntaxError');
    assert.equal(syntax['type'], undefined);
    const runtime = entries.find((entry) => String(entry['query']).startsWith('UNWIND [1, 0]'));
    assert.ok(runtime !== undefined);
    assert.equal(runtime['errorCode'], 'Neo.ClientError.Statement.ArithmeticError');
  });

  test('with a slow-query threshold, writes only queries at least that slow (and every failure)', async () => {
    const entries = await queryLines({ mode: 'info', slowQueryMs: 60_000 }, async (session) => {
      await session.run('RETURN 1 AS fast');
      await assert.rejects(session.run('RETURN nope'));
    });
    assert.deepEqual(
      entries.map((entry) => entry['query']),
      ['RETURN nope'],
    );
  });

  test('writes queries cut short by RESET or by a rollback with the result still open as interrupted', async () => {
    const lines: string[] = [];
    const logger = createServerLog({
      level: 'warn',
      format: 'json',
      stream: { write: (line) => lines.push(line) },
    });
    const server = await startServer({
      host: '127.0.0.1',
      port: 0,
      inMemory: true,
      logger,
      queryLog: { mode: 'info', slowQueryMs: 60_000 },
    });
    const client = await BoltClient.connect({ port: server.port });
    try {
      await client.login(basicAuth('alice', 'secret'));
      await client.begin();
      await client.run('UNWIND range(1, 100) AS x RETURN x AS reset_me');
      assert.equal((await client.pull(1)).hasMore, true);
      await client.reset();
      await client.begin();
      await client.run('UNWIND range(1, 100) AS x RETURN x AS rolled_back');
      await client.pull(1);
      await client.rollback();
    } finally {
      client.close();
      await server.close();
      await logger.flush();
    }
    const entries = lines
      .map((line) => JSON.parse(line) as LogEntry)
      .filter((entry) => entry['log'] === 'query');
    const reset = entries.find((entry) => String(entry['query']).includes('reset_me'));
    assert.equal(reset?.['msg'], 'query interrupted');
    assert.equal(reset['outcome'], 'interrupted');
    assert.equal(reset['errorCode'], 'Neo.ClientError.Transaction.Terminated');
    const rolledBack = entries.find((entry) => String(entry['query']).includes('rolled_back'));
    assert.equal(rolledBack?.['outcome'], 'interrupted');
    assert.equal(rolledBack['errorCode'], undefined);
  });

  test('the threshold compares the duration inclusively', () => {
    const records: unknown[] = [];
    const logger = {
      info: () => undefined,
      warn: () => undefined,
      error: () => undefined,
      record: (fields: unknown) => records.push(fields),
    };
    const log = createQueryLog({ mode: 'info', slowQueryMs: 10 }, logger);
    const event = (durationMs: number): QueryEvent => ({
      database: 'neo4j',
      user: 'u',
      query: `RETURN ${durationMs}`,
      parameters: {},
      durationMs,
      outcome: 'success',
      type: 'r',
      rows: 1,
      errorCode: undefined,
    });
    for (const duration of [9.999, 10, 25]) log?.queryFinished(event(duration));
    assert.deepEqual(
      records.map((record) => (record as { query: string }).query),
      ['RETURN 10', 'RETURN 25'],
    );
    assert.equal(createQueryLog({ mode: 'off' }, logger), undefined);
  });
});
