/**
 * Query and transaction scenarios of the engine matrix: each official driver line against the real server.
 * Every write is checked through a later read in a fresh session, so a driver or server that silently drops
 * or leaks a write fails.
 */
import assert from 'node:assert/strict';
import { errorCode } from './driver-api.js';
import { queryTypeOf } from './driver-context.js';
import { countLabel, onlyNumber, withSession, type EngineRowContext } from './engine-context.js';
import type { ScenarioNote } from './scenario-runner.js';

/** An auto-commit read and an auto-commit write, with records and summaries. */
export async function engineRunScenario(ctx: EngineRowContext): Promise<ScenarioNote> {
  await withSession(ctx, async (session) => {
    const read = await session.run('RETURN 1 AS x, $p AS p', { p: 'text' });
    assert.equal(onlyNumber(read.records, 'x'), 1);
    assert.equal(read.records[0]?.get('p'), 'text');
    assert.equal(queryTypeOf(read.summary), 'r');
    const write = await session.run('CREATE (:AutoCommit {k: 1})');
    assert.equal(queryTypeOf(write.summary), 'w');
  });
  assert.equal(await countLabel(ctx, 'AutoCommit'), 1, 'the auto-commit write is committed');
  return undefined;
}

/** An explicit transaction sees its own write, others see it only after COMMIT (or never, on ROLLBACK). */
export async function engineTransactionScenario(
  ctx: EngineRowContext,
  end: 'commit' | 'rollback',
): Promise<ScenarioNote> {
  const label = end === 'commit' ? 'Committed' : 'RolledBack';
  await withSession(ctx, async (session) => {
    const tx = session.beginTransaction();
    await tx.run(`CREATE (:${label} {k: 1})`);
    await tx.run(`CREATE (:${label} {k: 2})`);
    const inside = await tx.run(`MATCH (n:${label}) RETURN count(n) AS c`);
    assert.equal(onlyNumber(inside.records, 'c'), 2, 'the transaction sees its own writes');
    assert.equal(await countLabel(ctx, label), 0, 'nothing is visible outside before the end');
    await (end === 'commit' ? tx.commit() : tx.rollback());
  });
  assert.equal(await countLabel(ctx, label), end === 'commit' ? 2 : 0);
  return undefined;
}

/** Managed write then managed read transactions (the API of the line's generation). */
export async function engineManagedScenario(ctx: EngineRowContext): Promise<ScenarioNote> {
  const count = await withSession(ctx, async (session) => {
    await session.write(async (tx) => {
      await tx.run('CREATE (:Managed {k: 1})');
    });
    return await session.read(async (tx) => {
      const { records } = await tx.run('MATCH (n:Managed) RETURN count(n) AS c');
      return onlyNumber(records, 'c');
    });
  });
  assert.equal(count, 1);
  return undefined;
}

/** A syntax error and a runtime error fail with Neo4j codes; the session stays usable after both. */
export async function engineErrorScenario(ctx: EngineRowContext): Promise<ScenarioNote> {
  await withSession(ctx, async (session) => {
    await assert.rejects(session.run('RETURN 1 +'), (error: unknown) => {
      assert.equal(errorCode(error), 'Neo.ClientError.Statement.SyntaxError');
      return true;
    });
    assert.equal(onlyNumber((await session.run('RETURN 2 AS x')).records, 'x'), 2);
    const tx = session.beginTransaction();
    await assert.rejects(
      async () => await tx.run('RETURN 1 / 0 AS x'),
      (error: unknown) => {
        assert.equal(errorCode(error), 'Neo.ClientError.Statement.ArithmeticError');
        return true;
      },
    );
    await tx.rollback().catch(() => undefined);
    assert.equal(onlyNumber((await session.run('RETURN 3 AS x')).records, 'x'), 3);
  });
  return undefined;
}

/** The bookmark of a write session lets the next session read it. */
export async function engineBookmarkScenario(ctx: EngineRowContext): Promise<ScenarioNote> {
  const first = ctx.main.session();
  let bookmarks: string[];
  try {
    await first.write(async (tx) => {
      await tx.run('CREATE (:Bookmarked)');
    });
    bookmarks = first.lastBookmarks();
  } finally {
    await first.close();
  }
  assert.ok(bookmarks.length > 0, 'the write produced a bookmark');
  const second = ctx.main.session({ bookmarks, mode: 'READ' });
  try {
    const count = await second.read(async (tx) => {
      const { records } = await tx.run('MATCH (n:Bookmarked) RETURN count(n) AS c');
      return onlyNumber(records, 'c');
    });
    assert.equal(count, 1);
  } finally {
    await second.close();
  }
  return undefined;
}

/** `neo4j://` fetches a routing table from the server's routing procedures / ROUTE, then runs a query. */
export async function engineRoutingScenario(ctx: EngineRowContext): Promise<ScenarioNote> {
  const handle = ctx.adapter.open('neo4j', ctx.target);
  try {
    const session = handle.session();
    try {
      const { records } = await session.run('RETURN 7 AS x');
      assert.equal(onlyNumber(records, 'x'), 7);
    } finally {
      await session.close();
    }
  } finally {
    await handle.close();
  }
  return undefined;
}

/** `neo4j` by name works; an unknown database is DatabaseNotFound. */
export async function engineDatabaseScenario(ctx: EngineRowContext): Promise<ScenarioNote> {
  const named = ctx.main.session({ database: 'neo4j' });
  try {
    const { records, summary } = await named.run('RETURN 1 AS x');
    assert.equal(onlyNumber(records, 'x'), 1);
    assert.equal(summary.database?.name, 'neo4j');
  } finally {
    await named.close();
  }
  const unknown = ctx.main.session({ database: 'nowhere' });
  try {
    await assert.rejects(unknown.run('RETURN 1 AS x'), (error: unknown) => {
      assert.equal(errorCode(error), 'Neo.ClientError.Database.DatabaseNotFound');
      return true;
    });
  } finally {
    await unknown.close();
  }
  return undefined;
}
