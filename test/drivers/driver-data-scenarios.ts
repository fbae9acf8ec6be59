/**
 * The data scenarios for the official drivers: value round trips (every case sent as a parameter and
 * returned by `RETURN $p AS x`), graph values produced by the server, a large result in small PULL
 * batches, and a session closed mid-stream.
 */
import assert from 'node:assert/strict';
import type { DriverModule, RecordLike } from './driver-api.js';
import type { DriverHandle } from './driver-adapter.js';
import { RANGE_QUERY, type DriverRowContext } from './driver-context.js';
import { comparable, normalizeValue, type ValueCase } from './driver-values.js';
import { GRAPH_FIXTURE } from './scenario-backend.js';
import { withTimeout, type ScenarioNote } from './scenario-runner.js';
import type { Node, Path, Relationship } from '../../src/values/index.js';

const RECORDS = 10_000;
const FETCH_SIZE = 100;
/** A local server answers in milliseconds; a hung driver call fails its step after this long. */
const STEP_TIMEOUT_MS = 1500;

/** Sends every case and compares what comes back; reports all mismatches at once. */
export async function roundTripScenario(
  ctx: Pick<DriverRowContext, 'main' | 'neo4j'>,
  cases: readonly ValueCase[],
): Promise<ScenarioNote> {
  assert.ok(cases.length > 0, 'there are cases to send');
  const session = ctx.main.session();
  const mismatches: string[] = [];
  try {
    for (const { name, value } of cases) {
      try {
        const { records } = await session.run('RETURN $p AS x', { p: value });
        const expected = comparable(ctx.neo4j, value);
        const actual = comparable(ctx.neo4j, records[0]?.get('x'));
        assert.deepStrictEqual(actual, expected);
      } catch (error) {
        const detail =
          error instanceof Error ? error.message.split('\n').slice(0, 12).join(' ') : String(error);
        mismatches.push(`${name}: ${detail}`);
      }
    }
  } finally {
    await session.close();
  }
  assert.deepEqual(mismatches, [], `${mismatches.length} of ${cases.length} values did not round-trip`);
  return undefined;
}

type Description = Record<string, unknown>;

function field(value: unknown, name: string): unknown {
  return (value as Record<string, unknown>)[name];
}

function describeNode(neo4j: DriverModule, node: unknown, withElementIds: boolean): Description {
  return {
    identity: String(field(node, 'identity')),
    labels: field(node, 'labels'),
    properties: normalizeValue(neo4j, field(node, 'properties')),
    ...(withElementIds ? { elementId: field(node, 'elementId') } : {}),
  };
}

function describeRelationship(neo4j: DriverModule, rel: unknown, withElementIds: boolean): Description {
  return {
    identity: String(field(rel, 'identity')),
    start: String(field(rel, 'start')),
    end: String(field(rel, 'end')),
    type: field(rel, 'type'),
    properties: normalizeValue(neo4j, field(rel, 'properties')),
    ...(withElementIds
      ? {
          elementId: field(rel, 'elementId'),
          startNodeElementId: field(rel, 'startNodeElementId'),
          endNodeElementId: field(rel, 'endNodeElementId'),
        }
      : {}),
  };
}

function describePath(neo4j: DriverModule, path: unknown, withElementIds: boolean): Description {
  const segments = field(path, 'segments') as unknown[];
  return {
    start: describeNode(neo4j, field(path, 'start'), withElementIds),
    end: describeNode(neo4j, field(path, 'end'), withElementIds),
    segments: segments.map((segment) => ({
      start: describeNode(neo4j, field(segment, 'start'), withElementIds),
      relationship: describeRelationship(neo4j, field(segment, 'relationship'), withElementIds),
      end: describeNode(neo4j, field(segment, 'end'), withElementIds),
    })),
  };
}

/** The fixture as a driver should show it (properties in the drivers' normal form). */
function expectedNode(node: Node, withElementIds: boolean): Description {
  const properties: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node.properties).sort(([a], [b]) => (a < b ? -1 : 1))) {
    properties[key] =
      typeof value === 'bigint'
        ? { int: String(value) }
        : typeof value === 'number'
          ? { float: String(value) }
          : value;
  }
  return {
    identity: String(node.id),
    labels: [...node.labels],
    properties,
    ...(withElementIds ? { elementId: node.elementId } : {}),
  };
}

function expectedRelationship(rel: Relationship, withElementIds: boolean): Description {
  const properties: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rel.properties)) {
    properties[key] = typeof value === 'bigint' ? { int: String(value) } : value;
  }
  return {
    identity: String(rel.id),
    start: String(rel.startNodeId),
    end: String(rel.endNodeId),
    type: rel.type,
    properties,
    ...(withElementIds
      ? {
          elementId: rel.elementId,
          startNodeElementId: rel.startNodeElementId,
          endNodeElementId: rel.endNodeElementId,
        }
      : {}),
  };
}

function expectedPath(path: Path, withElementIds: boolean): Description {
  return {
    start: expectedNode(path.start, withElementIds),
    end: expectedNode(path.end, withElementIds),
    segments: path.relationships.map((relationship, index) => ({
      start: expectedNode(path.nodes[index]!, withElementIds),
      relationship: expectedRelationship(relationship, withElementIds),
      end: expectedNode(path.nodes[index + 1]!, withElementIds),
    })),
  };
}

/** Nodes, a relationship and paths (one walking a relationship backwards) as the driver exposes them. */
export async function graphScenario(ctx: DriverRowContext): Promise<ScenarioNote> {
  const session = ctx.main.session();
  let record: RecordLike | undefined;
  try {
    record = (await session.run('CALL test.graph()')).records[0];
  } finally {
    await session.close();
  }
  assert.ok(record !== undefined, 'one record');
  // Element ids exist from Bolt 5.0 (every 5.x/6.x line negotiates 5.x or 6.x with Quiver).
  const withIds = ctx.line.generation >= 5;
  const { alice, knows, forward, mixed } = GRAPH_FIXTURE;
  assert.deepStrictEqual(describeNode(ctx.neo4j, record.get('a'), withIds), expectedNode(alice, withIds));
  assert.deepStrictEqual(
    describeRelationship(ctx.neo4j, record.get('r'), withIds),
    expectedRelationship(knows, withIds),
  );
  assert.deepStrictEqual(describePath(ctx.neo4j, record.get('p'), withIds), expectedPath(forward, withIds));
  assert.deepStrictEqual(describePath(ctx.neo4j, record.get('q'), withIds), expectedPath(mixed, withIds));
  return withIds ? undefined : 'no element ids before Bolt 5.0: compared ids, labels, types and properties';
}

function collect(
  ctx: DriverRowContext,
  fetchSize: number | undefined,
): Promise<{ count: number; sum: bigint }> {
  const session = ctx.main.session(fetchSize === undefined ? {} : { fetchSize });
  let count = 0;
  let sum = 0n;
  return new Promise<{ count: number; sum: bigint }>((resolve, reject) => {
    session.result(RANGE_QUERY, { n: ctx.neo4j.int(RECORDS) }).subscribe({
      onNext: (record) => {
        count++;
        sum += BigInt(String(record.get('i')));
      },
      onCompleted: () => {
        resolve({ count, sum });
      },
      onError: reject,
    });
  }).finally(() => session.close());
}

/** 10 000 records with fetch size 100: every record arrives, in backend pulls of at most 100. */
export async function fetchSizeScenario(ctx: DriverRowContext): Promise<ScenarioNote> {
  const hasFetchSize = ctx.line.generation >= 4;
  const { count, sum } = await collect(ctx, hasFetchSize ? FETCH_SIZE : undefined);
  assert.equal(count, RECORDS);
  assert.equal(sum, BigInt((RECORDS * (RECORDS + 1)) / 2));
  const pulls = ctx.backend
    .eventsOf('pull')
    .filter((pull) => pull.query === RANGE_QUERY)
    .map((pull) => pull.n);
  const largest = Math.max(...pulls);
  if (!hasFetchSize) {
    return '1.x has no fetchSize and Bolt 3 no PULL n: one PULL_ALL streamed all 10 000 records';
  }
  assert.ok(
    largest <= FETCH_SIZE,
    `the server pulled at most ${FETCH_SIZE} records at a time (saw ${largest})`,
  );
  assert.ok(
    pulls.length >= RECORDS / FETCH_SIZE,
    `at least ${RECORDS / FETCH_SIZE} batches (saw ${pulls.length})`,
  );
  return undefined;
}

/** The session's result is consumed in a subscriber; the session closes on the first record. */
async function closeInSubscriber(ctx: DriverRowContext, handle: DriverHandle, fetchSize: number | undefined) {
  const session = handle.session(fetchSize === undefined ? {} : { fetchSize });
  let seen = 0;
  let closing: Promise<void> | undefined;
  await new Promise<void>((resolve) => {
    session.result(RANGE_QUERY, { n: ctx.neo4j.int(RECORDS) }).subscribe({
      onNext: () => {
        seen++;
        if (seen === 1) {
          closing = session.close();
          resolve();
        }
      },
      // After the close, the driver may report the cancelled stream as an error: that is expected.
      onCompleted: () => {
        resolve();
      },
      onError: () => {
        resolve();
      },
    });
  });
  assert.ok(closing !== undefined, 'a record arrived before the close');
  await withTimeout(closing, STEP_TIMEOUT_MS, 'session.close() did not resolve');
  return seen;
}

/** The 5.x+ idiom: async iteration, `break` after 10 records, then the session closes. */
async function closeAfterBreak(ctx: DriverRowContext, handle: DriverHandle): Promise<number> {
  const session = handle.session({ fetchSize: FETCH_SIZE });
  let seen = 0;
  const result = session.result(RANGE_QUERY, {
    n: ctx.neo4j.int(RECORDS),
  }) as unknown as AsyncIterable<RecordLike>;
  for await (const record of result) {
    assert.equal(String(record.get('i')), String(seen + 1));
    seen++;
    if (seen === 10) break;
  }
  await withTimeout(session.close(), STEP_TIMEOUT_MS, 'session.close() did not resolve');
  return seen;
}

/** The next query on the same driver works, on the same connection. */
async function expectReusable(
  ctx: DriverRowContext,
  handle: DriverHandle,
  opened: () => unknown[],
  how: string,
) {
  const before = opened();
  const next = handle.session();
  const { records } = await withTimeout(
    next.run('RETURN 1 AS x'),
    STEP_TIMEOUT_MS,
    `after ${how}, the next query on the same driver got no answer within ${STEP_TIMEOUT_MS} ms`,
  );
  assert.equal(String(records[0]?.get('x')), '1');
  await next.close();
  assert.deepEqual(opened(), before, `after ${how}, the next query reused the same connection`);
}

/**
 * A result partially consumed, its session closed, and the same connection serving the next query: with
 * async iteration + break on 5.x+ (the driver DISCARDs the rest), and with a subscriber that closes the
 * session on its first record on every line (the driver RESETs while a PULL may be in flight).
 */
export async function closeMidStreamScenario(ctx: DriverRowContext): Promise<ScenarioNote> {
  const known = new Set(ctx.connections().map((connection) => connection.id));
  const opened = (): (string | null)[] =>
    ctx
      .connections()
      .map((connection) => connection.id)
      .filter((id) => !known.has(id));
  const handle = ctx.adapter.open('bolt', ctx.target);
  try {
    const notes: string[] = [];
    if (ctx.line.generation >= 5) {
      assert.equal(await closeAfterBreak(ctx, handle), 10);
      await expectReusable(ctx, handle, opened, 'for await … break and session.close()');
      const stream = ctx.backend.inner.transactions.findLast((tx) => tx.queries.includes(RANGE_QUERY));
      assert.equal(stream?.status, 'committed', 'the driver discarded the rest, which commits');
      notes.push('for await … break (DISCARD)');
    }
    const hasFetchSize = ctx.line.generation >= 4;
    const seen = await closeInSubscriber(ctx, handle, hasFetchSize ? FETCH_SIZE : undefined);
    await expectReusable(ctx, handle, opened, "session.close() in a subscriber's first onNext");
    const stream = ctx.backend.inner.transactions.findLast((tx) => tx.queries.includes(RANGE_QUERY));
    assert.notEqual(stream?.status, 'open', 'the interrupted transaction ended');
    if (!hasFetchSize) {
      return 'Bolt 3 streams everything at once (PULL_ALL): the session closed while the whole result was in flight';
    }
    assert.ok(seen < RECORDS, 'the stream was interrupted');
    notes.push('session.close() in a subscriber (RESET)');
    return notes.length > 1
      ? `checked both ${notes.join(' and ')}`
      : 'session.close() in a subscriber (RESET); no async iteration before 5.0';
  } finally {
    await handle.close();
  }
}
