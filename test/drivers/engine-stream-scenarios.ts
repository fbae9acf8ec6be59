/**
 * Streaming and summary scenarios of the engine matrix: graph values built by the engine, PULL batches of a
 * fetch size, two results of one transaction pulled alternately (Bolt 4.0+ `qid`), DISCARD of a write,
 * EXPLAIN/PROFILE plans in the summary, and the built-in procedures.
 */
import assert from 'node:assert/strict';
import { errorCode, type RecordLike, type ResultLike, type SummaryLike } from './driver-api.js';
import { countLabel, toNumber, withSession, type EngineRowContext } from './engine-context.js';
import type { ScenarioNote } from './scenario-runner.js';

/** The members of results and summaries only some generations have. */
interface RichResult extends ResultLike {
  /** 4.1+: discards the rest of the stream and resolves with the summary. */
  consume?(): Promise<SummaryLike>;
  /** 4.0: the same under its first name. */
  summary?(): Promise<SummaryLike>;
  /** 5.0+: async iteration over the records. */
  [Symbol.asyncIterator]?(): AsyncIterator<RecordLike>;
}

interface PlanLike {
  readonly operatorType: string;
  readonly children: readonly PlanLike[];
}

interface ProfileLike extends PlanLike {
  readonly dbHits: number;
  readonly rows: number;
}

interface PlannedSummary extends SummaryLike {
  readonly plan?: PlanLike | false;
  readonly profile?: ProfileLike | false;
}

/** A path, its nodes and its relationship, built by CREATE and returned in one record. */
export async function engineGraphScenario(ctx: EngineRowContext): Promise<ScenarioNote> {
  await withSession(ctx, async (session) => {
    const { records } = await session.run(
      "CREATE p = (a:Person {name: 'Ada'})-[r:KNOWS {since: 1843}]->(b:Person:Author {name: 'Bob'}) " +
        'RETURN a, r, b, p',
    );
    const record = records[0];
    assert.ok(record !== undefined, 'one record');
    const a = record.get('a') as { labels: string[]; properties: { name: string }; identity: unknown };
    const b = record.get('b') as { labels: string[]; properties: { name: string }; identity: unknown };
    const r = record.get('r') as {
      type: string;
      properties: { since: unknown };
      start: unknown;
      end: unknown;
    };
    const p = record.get('p') as { length: number; start: { properties: { name: string } } };
    assert.deepEqual(a.labels, ['Person']);
    assert.deepEqual([...b.labels].sort(), ['Author', 'Person']);
    assert.equal(a.properties.name, 'Ada');
    assert.equal(r.type, 'KNOWS');
    assert.equal(toNumber(r.properties.since), 1843);
    assert.equal(String(r.start), String(a.identity));
    assert.equal(String(r.end), String(b.identity));
    assert.equal(p.length, 1);
    assert.equal(p.start.properties.name, 'Ada');
  });
  return undefined;
}

/** 10 000 records with fetch size 100 (4.0+; 1.x streams everything with PULL_ALL). */
export async function engineFetchSizeScenario(ctx: EngineRowContext): Promise<ScenarioNote> {
  const hasFetchSize = ctx.line.generation >= 4;
  const records = await withSession(
    ctx,
    async (session) => (await session.run('UNWIND range(1, 10000) AS i RETURN i')).records,
    hasFetchSize ? { fetchSize: 100 } : {},
  );
  assert.equal(records.length, 10_000);
  assert.ok(
    records.every((record, index) => toNumber(record.get('i')) === index + 1),
    'in order',
  );
  return hasFetchSize ? undefined : '1.x has no fetchSize: one PULL_ALL streamed all records';
}

/** Reads both results one record at a time, alternately, through async iterators (5.0+). */
async function alternateIterators(first: RichResult, second: RichResult): Promise<[number[], number[]]> {
  const iterate = (result: RichResult): AsyncIterator<RecordLike> => {
    const iterator = result[Symbol.asyncIterator];
    assert.ok(iterator !== undefined, 'the result is async iterable');
    return iterator.call(result);
  };
  const iterators = [iterate(first), iterate(second)] as const;
  const seen: [number[], number[]] = [[], []];
  const done = [false, false];
  while (!done[0] || !done[1]) {
    for (const index of [0, 1] as const) {
      if (done[index]) continue;
      const step = await iterators[index].next();
      if (step.done === true) done[index] = true;
      else seen[index].push(toNumber(step.value.get('i')));
    }
  }
  return seen;
}

/** Subscribes to both results at once: the driver interleaves their PULLs on the wire (4.x). */
async function subscribeBoth(first: RichResult, second: RichResult): Promise<[number[], number[]]> {
  const collect = (result: RichResult) =>
    new Promise<number[]>((resolve, reject) => {
      const values: number[] = [];
      result.subscribe({
        onNext: (record) => values.push(toNumber(record.get('i'))),
        onCompleted: () => {
          resolve(values);
        },
        onError: reject,
      });
    });
  return await Promise.all([collect(first), collect(second)]);
}

/** Two open results of one explicit transaction pulled in batches of 2, alternately. */
export async function engineInterleavedScenario(ctx: EngineRowContext): Promise<ScenarioNote> {
  const expected = (from: number) => Array.from({ length: 7 }, (_, index) => from + index);
  const iterable = ctx.line.generation >= 5;
  const seen = await withSession(
    ctx,
    async (session) => {
      const tx = session.beginTransaction();
      const first = tx.run('UNWIND range(1, 7) AS i RETURN i') as RichResult;
      const second = tx.run('UNWIND range(101, 107) AS i RETURN i') as RichResult;
      const both = iterable ? await alternateIterators(first, second) : await subscribeBoth(first, second);
      await tx.commit();
      return both;
    },
    { fetchSize: 2 },
  );
  assert.deepEqual(seen, [expected(1), expected(101)]);
  return iterable ? undefined : 'no async iteration before 5.0: both results subscribed at once';
}

/** A write whose records are never read is DISCARDed, and still committed with its counters. */
export async function engineDiscardScenario(ctx: EngineRowContext): Promise<ScenarioNote> {
  const summary = await withSession(
    ctx,
    async (session) => {
      const result = session.result(
        'UNWIND range(1, 5) AS i CREATE (:Discarded {i: i}) RETURN i',
      ) as RichResult;
      if (result.consume !== undefined) return await result.consume();
      assert.ok(result.summary !== undefined, 'the result has consume() or summary()');
      return await result.summary();
    },
    { fetchSize: 1 },
  );
  // 4.0 and 4.1 resolve summary()/consume() with the raw SUCCESS metadata instead of a ResultSummary.
  const raw = summary as {
    readonly counters?: SummaryLike['counters'];
    readonly stats?: Record<string, unknown>;
  };
  const created = raw.counters?.updates?.()['nodesCreated'] ?? toNumber(raw.stats?.['nodes-created']);
  assert.equal(created, 5);
  assert.equal(await countLabel(ctx, 'Discarded'), 5, 'the discarded write is committed');
  return undefined;
}

/** EXPLAIN gives a plan and no records; PROFILE gives db hits and rows per operator. */
export async function enginePlanScenario(ctx: EngineRowContext): Promise<ScenarioNote> {
  await withSession(ctx, async (session) => {
    await session.run('CREATE (:Planned {k: 1}), (:Planned {k: 2})');
    const explained = await session.run('EXPLAIN MATCH (n:Planned) RETURN n.k AS k');
    assert.equal(explained.records.length, 0);
    const plan = (explained.summary as PlannedSummary).plan;
    assert.ok(plan !== undefined && plan !== false, 'the summary has a plan');
    assert.match(plan.operatorType, /ProduceResults/);
    const profiled = await session.run('PROFILE MATCH (n:Planned) RETURN n.k AS k');
    assert.equal(profiled.records.length, 2);
    const profile = (profiled.summary as PlannedSummary).profile;
    assert.ok(profile !== undefined && profile !== false, 'the summary has a profile');
    assert.match(profile.operatorType, /ProduceResults/);
    assert.equal(toNumber(profile.rows), 2);
    assert.equal(typeof toNumber(profile.dbHits), 'number');
    assert.ok(profile.children.length > 0, 'the profile has child operators');
  });
  return undefined;
}

/** `dbms.components()` names the server; `db.labels()` lists labels when the engine registers it. */
export async function engineProcedureScenario(ctx: EngineRowContext): Promise<ScenarioNote> {
  return await withSession(ctx, async (session) => {
    const { records } = await session.run('CALL dbms.components() YIELD name, versions, edition');
    assert.ok(records.length >= 1, 'one component at least');
    assert.equal(typeof records[0]?.get('name'), 'string');
    await session.run('CREATE (:Labelled)');
    try {
      const labels = await session.run('CALL db.labels() YIELD label RETURN label');
      assert.ok(labels.records.some((record) => record.get('label') === 'Labelled'));
      return undefined;
    } catch (error) {
      if (errorCode(error) !== 'Neo.ClientError.Procedure.ProcedureNotFound') throw error;
      return 'db.labels() is not registered by the engine (ProcedureNotFound): only dbms.components() checked';
    }
  });
}
