// Notifications through the official JavaScript drivers against an in-process server: the legacy
// `summary.notifications` of an old line (4.4, Bolt 4.4) and the GQL status objects of a new one (5.28,
// Bolt 5.6+ `statuses`), for unknown labels, relationship types, property keys and cartesian products.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import neo4j44 from 'neo4j-driver-44';
import neo4j528 from 'neo4j-driver-528';
import { silentLogger, startServer, type QuiverServer } from '../../src/server/index.js';

interface Position {
  readonly offset?: unknown;
  readonly line?: unknown;
  readonly column?: unknown;
}

interface LegacyNotification {
  readonly code: string;
  readonly title: string;
  readonly description: string;
  readonly severity: string;
  readonly position: Position;
}

interface GqlStatusObject {
  readonly gqlStatus: string;
  readonly statusDescription: string;
  readonly position?: Position;
  readonly severity: string;
  readonly classification: string;
  readonly isNotification: boolean;
  readonly diagnosticRecord: Readonly<Record<string, unknown>>;
}

interface Summary {
  readonly notifications: readonly LegacyNotification[];
  readonly gqlStatusObjects?: readonly GqlStatusObject[];
}

interface DriverLike {
  session(config?: object): {
    run(query: string): PromiseLike<{ readonly summary: Summary }>;
    close(): Promise<void>;
  };
  close(): Promise<void>;
}

/** Positions as plain numbers (4.4 may hand out driver Integers). */
function numbers(position: Position | undefined): [number, number, number] | undefined {
  if (position === undefined) return undefined;
  return [Number(position.offset), Number(position.line), Number(position.column)];
}

let server: QuiverServer;
let old: DriverLike;
let modern: DriverLike;

async function summaryOf(driver: DriverLike, query: string, config?: object): Promise<Summary> {
  const session = driver.session(config);
  try {
    return (await session.run(query)).summary;
  } finally {
    await session.close();
  }
}

before(async () => {
  server = await startServer({ host: '127.0.0.1', port: 0, inMemory: true, logger: silentLogger });
  old = neo4j44.driver(server.url, neo4j44.auth.basic('neo4j', 'password'));
  modern = neo4j528.driver(server.url, neo4j528.auth.basic('neo4j', 'password'));
  const setup = modern.session();
  try {
    await setup.run("CREATE (:Person {name: 'Ada'})-[:KNOWS]->(:Person {name: 'Bob'})");
  } finally {
    await setup.close();
  }
});

after(async () => {
  await old.close();
  await modern.close();
  await server.close();
});

describe('notifications with the 4.4 driver (legacy notifications)', () => {
  test('an unknown label arrives with code, title, description, severity and position', async () => {
    const summary = await summaryOf(old, 'MATCH (n:Persn) RETURN n');
    assert.deepEqual(
      summary.notifications.map((notification) => ({
        code: notification.code,
        title: notification.title,
        description: notification.description,
        severity: notification.severity,
        position: numbers(notification.position),
      })),
      [
        {
          code: 'Neo.ClientNotification.Statement.UnknownLabelWarning',
          title: 'The provided label is not in the database.',
          description:
            "One of the labels in your query is not available in the database, make sure you didn't misspell it or that the label is available when you run this statement in your application (the missing label name is: Persn)",
          severity: 'WARNING',
          position: [9, 1, 10],
        },
      ],
    );
  });

  test('unknown relationship types and property keys are warned about, known names are not', async () => {
    const summary = await summaryOf(old, 'MATCH (a:Person)-[:LIKES]->(b)\nRETURN a.name, b.nick');
    assert.deepEqual(
      summary.notifications.map((notification) => [notification.code, numbers(notification.position)]),
      [
        ['Neo.ClientNotification.Statement.UnknownRelationshipTypeWarning', [19, 1, 20]],
        ['Neo.ClientNotification.Statement.UnknownPropertyKeyWarning', [48, 2, 18]],
      ],
    );
  });

  test('EXPLAIN reports a cartesian product as information', async () => {
    const summary = await summaryOf(old, 'EXPLAIN MATCH (a:Person), (b:Person) RETURN a, b');
    assert.deepEqual(
      summary.notifications.map((notification) => [
        notification.code,
        notification.severity,
        numbers(notification.position),
      ]),
      [['Neo.ClientNotification.Statement.CartesianProduct', 'INFORMATION', [8, 1, 9]]],
    );
  });

  test('a write query does not warn about the names it creates', async () => {
    const summary = await summaryOf(old, 'CREATE (:Brand {fresh: true})-[:NEW]->(:Thing)');
    assert.deepEqual(summary.notifications, []);
  });
});

describe('GQL status objects with the 5.28 driver (Bolt 5.6+ statuses)', () => {
  test('an unknown label is a 01N50 status with position, classification and parameters', async () => {
    const summary = await summaryOf(modern, 'MATCH (n:Persn) RETURN n');
    const warning = summary.gqlStatusObjects?.find((status) => status.gqlStatus === '01N50');
    assert.ok(warning !== undefined);
    assert.equal(
      warning.statusDescription,
      'warn: label does not exist. The label Persn does not exist in database neo4j. Verify that the spelling is correct.',
    );
    assert.equal(warning.severity, 'WARNING');
    assert.equal(warning.classification, 'UNRECOGNIZED');
    assert.equal(warning.isNotification, true);
    assert.deepEqual(numbers(warning.position), [9, 1, 10]);
    assert.deepEqual(warning.diagnosticRecord['_status_parameters'], { label: 'Persn', db: 'neo4j' });
    // The driver derives the legacy view from the statuses.
    assert.deepEqual(
      summary.notifications.map((notification) => notification.code),
      ['Neo.ClientNotification.Statement.UnknownLabelWarning'],
    );
  });

  test('relationship types and property keys are 01N51 and 01N52, a cartesian product 03N90', async () => {
    const summary = await summaryOf(modern, 'MATCH (a:Person), (b)-[:LIKES]->(c) RETURN a.nick');
    assert.deepEqual(
      summary.gqlStatusObjects?.filter((status) => status.isNotification).map((status) => status.gqlStatus),
      ['01N51', '01N52', '03N90'],
    );
  });

  test('a query that returns no rows leads with the no-data status, warnings after it', async () => {
    const summary = await summaryOf(modern, 'MATCH (n:Ghost) RETURN n');
    assert.deepEqual(
      summary.gqlStatusObjects?.map((status) => status.gqlStatus),
      ['02000', '01N50'],
    );
  });

  test('a warning precedes the success status (GQL order: no data, warnings, success, information)', async () => {
    const summary = await summaryOf(modern, 'MATCH (a), (b:Ghost) RETURN count(*) AS c');
    assert.deepEqual(
      summary.gqlStatusObjects?.map((status) => status.gqlStatus),
      ['01N50', '00000', '03N90'],
    );
  });

  test('the minimum severity filter of the session removes warnings but keeps the outcome', async () => {
    const summary = await summaryOf(modern, 'MATCH (n:Ghost) RETURN count(n) AS c', {
      notificationFilter: { minimumSeverityLevel: 'OFF' },
    });
    assert.deepEqual(
      summary.gqlStatusObjects?.map((status) => status.gqlStatus),
      ['00000'],
    );
    assert.deepEqual(summary.notifications, []);
  });
});
