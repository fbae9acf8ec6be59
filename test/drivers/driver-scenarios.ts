/**
 * The connection, query and transaction scenarios for the official drivers, adapted per API generation.
 * Each checks the driver's view (records, summaries, errors) AND the server side (what the backend was asked:
 * access mode, bookmarks, database, routing path), so a driver that silently does something else fails.
 */
import assert from 'node:assert/strict';
import { errorCode, type ServerInfoLike } from './driver-api.js';
import {
  newestConnectionVersion,
  nodesCreatedOf,
  onlyValue,
  queryTypeOf,
  type DriverRowContext,
} from './driver-context.js';
import type { ScenarioNote } from './scenario-runner.js';
import { withTimeout } from './scenario-runner.js';

const AGENT = 'Neo4j/5.26.0';

function protocolText(info: ServerInfoLike): string | undefined {
  const version = info.protocolVersion;
  if (version === undefined) return undefined;
  return typeof version === 'number' ? version.toFixed(1) : `${version.major}.${version.minor}`;
}

/** A fresh driver connects and logs in; records the negotiated Bolt version for the matrix. */
export async function verifyScenario(ctx: DriverRowContext): Promise<ScenarioNote> {
  const handle = ctx.adapter.open('bolt', ctx.target);
  try {
    let note: ScenarioNote;
    if (handle.driver.verifyConnectivity === undefined) {
      const session = handle.session();
      assert.equal(onlyValue((await session.run('RETURN 1 AS x')).records, 'x'), '1');
      await session.close();
      note = '1.x has no verifyConnectivity(): a RETURN 1 on a fresh driver checked the login';
    } else {
      await handle.driver.verifyConnectivity();
    }
    const logins = ctx.backend.eventsOf('auth');
    assert.ok(
      logins.some((login) => login.ok && login.principal === 'neo4j'),
      'the server authenticated the new connection',
    );
    const connections = ctx.connections();
    const version = newestConnectionVersion(connections);
    assert.ok(version !== null, 'the server has a connection with a negotiated version');
    ctx.setBolt(version);
    assert.ok(
      connections.every((connection) => connection.secure === ctx.target.tls),
      `every connection is ${ctx.target.tls ? '' : 'not '}encrypted`,
    );
    return note;
  } finally {
    await handle.close();
  }
}

/** The server agent (and, from 4.4, the protocol version) as the driver reports it. */
export async function serverInfoScenario(ctx: DriverRowContext): Promise<ScenarioNote> {
  const handle = ctx.adapter.open('bolt', ctx.target);
  try {
    const { driver } = handle;
    if (driver.getServerInfo !== undefined) {
      const info = await driver.getServerInfo();
      assert.equal(info.agent, AGENT);
      assert.equal(info.address, `127.0.0.1:${ctx.target.port}`);
      assert.equal(protocolText(info), newestConnectionVersion(ctx.connections()));
      return undefined;
    }
    if (driver.verifyConnectivity !== undefined) {
      const info = await driver.verifyConnectivity();
      assert.ok(info !== undefined, 'verifyConnectivity() resolves with a ServerInfo');
      assert.equal(info.agent ?? info.version, AGENT);
      const protocol = protocolText(info);
      if (protocol !== undefined) assert.equal(protocol, newestConnectionVersion(ctx.connections()));
      return `no getServerInfo() before 5.0: checked the ServerInfo of verifyConnectivity() (agent${protocol === undefined ? '' : ', protocol'})`;
    }
    const session = handle.session();
    const { summary } = await session.run('RETURN 1 AS x');
    await session.close();
    assert.equal(summary.server.version, AGENT);
    return '1.x has neither getServerInfo() nor verifyConnectivity(): checked summary.server.version';
  } finally {
    await handle.close();
  }
}

/** Auto-commit reads and writes with their summaries. */
export async function runScenario(ctx: DriverRowContext): Promise<ScenarioNote> {
  const session = ctx.main.session();
  try {
    const read = await session.run('RETURN 1 AS x');
    assert.deepEqual(read.records[0]?.keys, ['x']);
    assert.equal(onlyValue(read.records, 'x'), '1');
    assert.equal(queryTypeOf(read.summary), 'r');
    const before = ctx.backend.inner.nodeCount;
    const write = await session.run('CREATE (:Item)');
    assert.equal(write.records.length, 0);
    assert.equal(queryTypeOf(write.summary), 'w');
    assert.equal(nodesCreatedOf(write.summary), 1);
    assert.equal(ctx.backend.inner.nodeCount, before + 1, 'the auto-commit write was committed');
    if (ctx.line.generation >= 4) assert.equal(write.summary.database?.name, 'neo4j');
    const begins = ctx.backend.eventsOf('begin');
    assert.deepEqual(
      begins.map((begin) => [begin.request.type, begin.request.mode]),
      [
        ['auto-commit', 'w'],
        ['auto-commit', 'w'],
      ],
    );
    return undefined;
  } finally {
    await session.close();
  }
}

async function explicitTransaction(ctx: DriverRowContext, end: 'commit' | 'rollback'): Promise<void> {
  const session = ctx.main.session();
  try {
    const before = ctx.backend.inner.nodeCount;
    const tx = session.beginTransaction();
    await tx.run('CREATE (:Item)');
    const { records } = await tx.run('MATCH (n) RETURN count(n) AS count');
    assert.equal(onlyValue(records, 'count'), String(before + 1), 'the transaction sees its own write');
    assert.equal(ctx.backend.inner.nodeCount, before, 'nothing is visible before the end');
    await (end === 'commit' ? tx.commit() : tx.rollback());
    assert.equal(ctx.backend.inner.nodeCount, end === 'commit' ? before + 1 : before);
    const begins = ctx.backend.eventsOf('begin');
    assert.deepEqual(
      begins.map((begin) => begin.request.type),
      ['explicit'],
    );
    assert.deepEqual(
      ctx.backend.events
        .filter((event) => event.kind === 'commit' || event.kind === 'rollback')
        .map((e) => e.kind),
      [end],
    );
    const bookmarks = session.lastBookmarks();
    if (end === 'commit') {
      assert.equal(bookmarks.length, 1, 'the commit produced a bookmark');
      assert.match(bookmarks[0] ?? '', /^bm:\d+$/);
    }
  } finally {
    await session.close();
  }
}

export async function commitScenario(ctx: DriverRowContext): Promise<ScenarioNote> {
  await explicitTransaction(ctx, 'commit');
  return undefined;
}

export async function rollbackScenario(ctx: DriverRowContext): Promise<ScenarioNote> {
  await explicitTransaction(ctx, 'rollback');
  return undefined;
}

/** Managed read and write transactions, with the access mode the server sees. */
export async function managedScenario(ctx: DriverRowContext): Promise<ScenarioNote> {
  const session = ctx.main.session();
  try {
    const value = await session.read(async (tx) => (await tx.run('RETURN 1 AS x')).records[0]?.get('x'));
    assert.equal(String(value), '1');
    const before = ctx.backend.inner.nodeCount;
    await session.write(async (tx) => tx.run('CREATE (:Item)'));
    assert.equal(ctx.backend.inner.nodeCount, before + 1);
    const begins = ctx.backend.eventsOf('begin');
    assert.deepEqual(
      begins.map((begin) => [begin.request.type, begin.request.mode]),
      [
        ['explicit', 'r'],
        ['explicit', 'w'],
      ],
    );
    return ctx.line.generation < 5 ? `${session.managedApi} (executeRead/executeWrite are 5.0+)` : undefined;
  } finally {
    await session.close();
  }
}

/** A TransientError on the first attempt; the driver's retry succeeds on the second. */
export async function retryScenario(ctx: DriverRowContext): Promise<ScenarioNote> {
  const key = `retry:${ctx.rowId}`;
  const session = ctx.main.session();
  try {
    let attempts = 0;
    const result = await session.write(async (tx) => {
      attempts++;
      return (await tx.run('CALL test.flaky($key)', { key })).records[0]?.get('attempt');
    });
    assert.equal(attempts, 2, 'the work ran twice');
    assert.equal(String(result), '2', 'the second attempt succeeded');
    assert.equal(ctx.backend.flakyAttempts.get(key), 2, 'the server saw two attempts');
    assert.equal(ctx.backend.eventsOf('begin').length, 2, 'each attempt began its own transaction');
    assert.equal(ctx.backend.eventsOf('commit').length, 1, 'only the second attempt committed');
    return ctx.line.generation < 5 ? `retried by ${session.managedApi}` : undefined;
  } finally {
    await session.close();
  }
}

/** A failed auto-commit query and a failed transaction, each followed by work on the same session. */
export async function errorRecoveryScenario(ctx: DriverRowContext): Promise<ScenarioNote> {
  const session = ctx.main.session();
  try {
    const syntax = 'Neo.ClientError.Statement.SyntaxError';
    await assert.rejects(session.run(`FAIL ${syntax}`), (error) => errorCode(error) === syntax);
    assert.equal(onlyValue((await session.run('RETURN 1 AS x')).records, 'x'), '1');
    const arithmetic = 'Neo.ClientError.Statement.ArithmeticError';
    const tx = session.beginTransaction();
    await assert.rejects(
      async () => tx.run(`FAIL ${arithmetic}`),
      (error: unknown) => errorCode(error) === arithmetic,
    );
    // Drivers mark the transaction failed; some reject an explicit rollback of it, which is fine.
    await tx.rollback().then(
      () => undefined,
      () => undefined,
    );
    assert.equal(onlyValue((await session.run('RETURN 2 AS x')).records, 'x'), '2');
    const failedBegins = ctx.backend.eventsOf('begin').filter((begin) => begin.error !== null);
    assert.deepEqual(failedBegins, [], 'no transaction failed to begin');
    return undefined;
  } finally {
    await session.close();
  }
}

/** The bookmark of one session reaches the server through the next session. */
export async function bookmarksScenario(ctx: DriverRowContext): Promise<ScenarioNote> {
  const first = ctx.main.session();
  let bookmarks: string[];
  try {
    await first.write(async (tx) => tx.run('CREATE (:Item)'));
    bookmarks = first.lastBookmarks();
  } finally {
    await first.close();
  }
  assert.equal(bookmarks.length, 1, 'the write produced one bookmark');
  assert.match(bookmarks[0] ?? '', /^bm:\d+$/);
  ctx.backend.clearEvents();
  const second = ctx.main.session({ bookmarks });
  try {
    await second.run('RETURN 1 AS x');
    const [begin] = ctx.backend.eventsOf('begin');
    assert.deepEqual(begin?.request.bookmarks, bookmarks, 'the server got the bookmark of the first session');
    const afterRun = second.lastBookmarks();
    await second.read(async (tx) => tx.run('RETURN 1 AS x'));
    const [, readBegin] = ctx.backend.eventsOf('begin');
    assert.deepEqual(
      readBegin?.request.bookmarks,
      afterRun,
      'the next transaction carries the newest bookmark',
    );
    return undefined;
  } finally {
    await second.close();
  }
}

const ROUTING_QUERIES = {
  'procedure-v3': 'CALL dbms.cluster.routing.getRoutingTable($context)',
  'procedure-v4': 'CALL dbms.routing.getRoutingTable($context, $database)',
} as const;

/** A `neo4j://` driver reads and writes after fetching a routing table the way its version does. */
export async function routingScenario(ctx: DriverRowContext): Promise<ScenarioNote> {
  const handle = ctx.adapter.open('neo4j', ctx.target);
  const filledBefore = ctx.backend.filledRoutingAddresses;
  try {
    const reader = handle.session({ mode: 'READ' });
    assert.equal(onlyValue((await reader.run('RETURN 1 AS x')).records, 'x'), '1');
    await reader.close();
    const writer = handle.session({ mode: 'WRITE' });
    await writer.run('CREATE (:Item)');
    await writer.close();
    const routes = ctx.backend.eventsOf('route');
    const procedures = ctx.backend
      .eventsOf('run')
      .filter((run) => run.query.includes('routing.getRoutingTable'));
    const path = ctx.line.routing;
    if (path === 'ROUTE') {
      assert.ok(routes.length >= 1, 'the driver sent ROUTE');
      assert.deepEqual(procedures, [], 'no routing procedure was called');
      assert.equal(routes[0]?.request.routing['address'], `127.0.0.1:${ctx.target.port}`);
    } else {
      assert.deepEqual(routes, [], 'no ROUTE before Bolt 4.3');
      const [procedure] = procedures;
      assert.ok(procedure !== undefined, 'the driver called the routing procedure');
      assert.equal(procedure.query, ROUTING_QUERIES[path]);
      assert.equal(procedure.database, path === 'procedure-v4' ? 'system' : 'neo4j');
    }
    const userQueries = ctx.backend
      .eventsOf('run')
      .map((run) => run.query)
      .filter((query) => !query.includes('routing.getRoutingTable'));
    assert.deepEqual(userQueries, ['RETURN 1 AS x', 'CREATE (:Item)']);
    if (path === 'ROUTE') return undefined;
    const filled = ctx.backend.filledRoutingAddresses > filledBefore;
    return `routing table from ${ROUTING_QUERIES[path]}${filled ? ' (the driver sent an empty routing context: the table lists the advertised address)' : ''}`;
  } finally {
    await handle.close();
  }
}

/** `database: 'neo4j'` and `'system'` reach the server; an unknown name fails with DatabaseNotFound. */
export async function databaseScenario(ctx: DriverRowContext): Promise<ScenarioNote> {
  for (const name of ['neo4j', 'system']) {
    const session = ctx.main.session({ database: name });
    try {
      const { summary } = await session.run('RETURN 1 AS x');
      assert.equal(summary.database?.name, name);
    } finally {
      await session.close();
    }
  }
  assert.deepEqual(
    ctx.backend.eventsOf('begin').map((begin) => begin.request.database),
    ['neo4j', 'system'],
  );
  const session = ctx.main.session({ database: 'nowhere' });
  try {
    const notFound = 'Neo.ClientError.Database.DatabaseNotFound';
    await assert.rejects(session.run('RETURN 1 AS x'), (error) => errorCode(error) === notFound);
  } finally {
    await session.close();
  }
  return undefined;
}

/** The right password logs in; a wrong one is refused with Security.Unauthorized. */
export async function authScenario(ctx: DriverRowContext): Promise<ScenarioNote> {
  const good = ctx.adapter.open('bolt', ctx.target);
  try {
    const session = good.session();
    assert.equal(onlyValue((await session.run('RETURN 1 AS x')).records, 'x'), '1');
    await session.close();
  } finally {
    await good.close();
  }
  const bad = ctx.adapter.open('bolt', ctx.target, 'wrong password');
  try {
    const session = bad.session();
    const unauthorized = 'Neo.ClientError.Security.Unauthorized';
    await assert.rejects(
      withTimeout(session.run('RETURN 1 AS x'), 5000, 'no answer to a wrong password within 5 s'),
      (error) => errorCode(error) === unauthorized,
    );
    await session.close().catch(() => undefined);
  } finally {
    await bad.close();
  }
  assert.deepEqual(
    ctx.backend.eventsOf('auth').map((login) => login.ok),
    [true, false],
    'one successful and one refused login',
  );
  return undefined;
}
