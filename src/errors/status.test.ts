import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { GqlStatus } from './gql-status.js';
import { NotificationCode } from './notification-code.js';
import {
  ALL_STATUSES,
  classificationOf,
  gqlClassificationOf,
  isRetryable,
  Status,
  toStatusCode,
  type StatusDefinition,
} from './status.js';

const ERROR_CLASSIFICATIONS = ['ClientError', 'TransientError', 'DatabaseError'] as const;

describe('the Status registry', () => {
  test('every code has exactly four dot-separated parts and starts with Neo', () => {
    for (const status of ALL_STATUSES) {
      const parts = status.code.split('.');
      assert.equal(parts.length, 4, status.code);
      assert.equal(parts[0], 'Neo', status.code);
      for (const part of parts) assert.match(part, /^[A-Za-z]+$/, status.code);
    }
  });

  test('every code is an error code, never a notification code', () => {
    for (const status of ALL_STATUSES) {
      assert.ok(
        ERROR_CLASSIFICATIONS.some((classification) => status.code.startsWith(`Neo.${classification}.`)),
        status.code,
      );
    }
  });

  test('no two names share a code', () => {
    const codes = ALL_STATUSES.map((status) => status.code);
    assert.equal(new Set(codes).size, codes.length);
  });

  test('ALL_STATUSES lists every entry of Status in declaration order', () => {
    assert.deepEqual(ALL_STATUSES, Object.values(Status));
    assert.ok(ALL_STATUSES.length >= 50);
  });

  test('every entry is frozen so no caller can change a wire fact', () => {
    for (const status of ALL_STATUSES) assert.ok(Object.isFrozen(status), status.code);
  });

  test('classificationOf reads the second part of every code', () => {
    for (const status of ALL_STATUSES) {
      const expected = ERROR_CLASSIFICATIONS.find((classification) =>
        status.code.startsWith(`Neo.${classification}.`),
      );
      assert.equal(classificationOf(status.code), expected, status.code);
    }
    assert.equal(classificationOf(Status.SyntaxError.code), 'ClientError');
    assert.equal(classificationOf(Status.DeadlockDetected.code), 'TransientError');
    assert.equal(classificationOf(Status.UnknownError.code), 'DatabaseError');
    assert.equal(classificationOf(NotificationCode.CartesianProduct.code), 'ClientNotification');
  });

  test('gqlClassificationOf maps each classification to its GQL form', () => {
    for (const status of ALL_STATUSES) {
      // By prefix: a title may itself contain a classification word (NotSystemDatabaseError).
      const expected = status.code.startsWith('Neo.TransientError.')
        ? 'TRANSIENT_ERROR'
        : status.code.startsWith('Neo.DatabaseError.')
          ? 'DATABASE_ERROR'
          : 'CLIENT_ERROR';
      assert.equal(gqlClassificationOf(status.code), expected, status.code);
    }
  });

  test('isRetryable holds exactly for the codes drivers retry (those containing TransientError)', () => {
    for (const status of ALL_STATUSES) {
      assert.equal(isRetryable(status.code), status.code.includes('TransientError'), status.code);
    }
    assert.equal(isRetryable(Status.Terminated.code), false, 'Terminated is a ClientError since Neo4j 5');
    assert.equal(isRetryable(Status.LockClientStopped.code), false);
  });

  test('every GQLSTATUS and cause is a five-character error status from the GQL registry', () => {
    for (const status of ALL_STATUSES) {
      for (const gql of [status.gql, status.gqlCause]) {
        if (gql === undefined) continue;
        assert.match(gql.code, /^[0-9A-Z]{5}$/, status.code);
        assert.equal(gql.kind, 'error', `${status.code} -> ${gql.code}`);
        assert.equal(GqlStatus[gql.code as keyof typeof GqlStatus], gql, `${gql.code} is the registry entry`);
      }
      assert.equal(status.gqlStatus, status.gql.code);
      assert.equal(status.gqlDescription, status.gql.description);
    }
  });

  test('a GQLSTATUS that Neo4j classifies agrees with the classification of the Neo4j code', () => {
    for (const status of ALL_STATUSES) {
      for (const gql of [status.gql, status.gqlCause]) {
        if (gql?.classification === undefined) continue;
        assert.equal(gql.classification, gqlClassificationOf(status.code), `${status.code} -> ${gql.code}`);
      }
    }
  });

  test('the pairs confirmed in Neo4j are the ones drivers see', () => {
    const expected: [StatusDefinition, string, string | undefined][] = [
      [Status.SyntaxError, '42001', '42I06'],
      [Status.SemanticError, '42001', undefined],
      [Status.TypeError, '22G03', '22N01'],
      [Status.ArgumentError, '22000', '22N11'],
      [Status.ArithmeticError, '22003', '22N28'],
      [Status.ParameterMissing, '42001', '42N81'],
      [Status.EntityNotFound, '25N13', undefined],
      [Status.RequestInvalid, '08N06', '08N10'],
      [Status.Unauthorized, '42NFF', undefined],
      [Status.CredentialsExpired, '42NFF', '42NFD'],
      [Status.Terminated, '25N14', undefined],
      [Status.LockAcquisitionTimeout, '25N16', undefined],
      [Status.DeadlockDetected, '50N05', undefined],
      [Status.NotALeader, '08N07', undefined],
      [Status.ForbiddenOnReadOnlyDatabase, '08N08', undefined],
      [Status.TransactionCommitFailed, '2DN01', undefined],
      [Status.IndexDropFailed, '50N10', undefined],
      [Status.UnknownError, '50N42', undefined],
    ];
    for (const [status, gqlStatus, cause] of expected) {
      assert.equal(status.gql.code, gqlStatus, status.code);
      assert.equal(status.gqlCause?.code, cause, status.code);
      assert.equal(status.gqlPairing, 'neo4j', status.code);
    }
  });

  test('toStatusCode rejects codes that drivers would classify as UnknownError', () => {
    for (const code of [
      'Neo.ClientError.Statement',
      'Neo.ClientError.Statement.SyntaxError.Extra',
      'neo.ClientError.Statement.SyntaxError',
      'Neo.ClientFailure.Statement.SyntaxError',
      'Neo.ClientError..SyntaxError',
      'Neo.ClientError.Statement.Syntax-Error',
      '',
    ]) {
      assert.throws(() => toStatusCode(code), /Malformed status code/, code);
    }
    assert.equal(
      toStatusCode('Neo.ClientError.Statement.SyntaxError'),
      'Neo.ClientError.Statement.SyntaxError',
    );
  });
});

/** One table of docs/errors.md: the rows under the first table after `heading`, cells trimmed. */
function readTable(markdown: string, heading: string): Map<string, readonly string[]> {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  assert.notEqual(start, -1, `docs/errors.md has the heading ${heading}`);
  const rows = new Map<string, readonly string[]>();
  let inTable = false;
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('#')) break;
    if (!line.startsWith('|')) {
      if (inTable) break;
      continue;
    }
    inTable = true;
    const cells = line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim().replace(/^`(.*)`$/, '$1'));
    const key = cells[0] ?? '';
    if (key === 'Name' || key === 'GQLSTATUS' || /^-+$/.test(key)) continue;
    assert.ok(!rows.has(key), `docs/errors.md lists ${key} once under ${heading}`);
    rows.set(key, cells);
  }
  return rows;
}

/** Fails when either side has a row the other lacks, naming the rows. */
function assertSameKeys(documented: Iterable<string>, registered: Iterable<string>, what: string): void {
  const docs = new Set(documented);
  const registry = new Set(registered);
  const onlyInDocs = [...docs].filter((key) => !registry.has(key));
  const onlyInRegistry = [...registry].filter((key) => !docs.has(key));
  assert.deepEqual(onlyInDocs, [], `${what} in docs/errors.md but not in the registry`);
  assert.deepEqual(onlyInRegistry, [], `${what} in the registry but not in docs/errors.md`);
}

describe('docs/errors.md', () => {
  const markdown = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');

  test('lists exactly the error codes of the Status registry, with the same GQLSTATUS and cause', () => {
    const rows = readTable(markdown, '## Errors');
    assertSameKeys(rows.keys(), Object.keys(Status), 'status names');
    for (const [name, status] of Object.entries(Status)) {
      const [, code, gqlStatus, cause, classification] = rows.get(name) ?? [];
      assert.equal(code, status.code, name);
      assert.equal(gqlStatus, status.gql.code, `GQLSTATUS of ${name}`);
      assert.equal(cause, status.gqlCause?.code ?? '', `cause of ${name}`);
      assert.equal(classification, classificationOf(status.code), `classification of ${name}`);
    }
  });

  test('lists exactly the notification codes, with the same GQLSTATUS, severity and category', () => {
    const rows = readTable(markdown, '## Notifications');
    assertSameKeys(rows.keys(), Object.keys(NotificationCode), 'notification names');
    for (const [name, notification] of Object.entries(NotificationCode)) {
      const [, code, gqlStatus, severity, category] = rows.get(name) ?? [];
      assert.equal(code, notification.code, name);
      assert.equal(gqlStatus, notification.gql.code, `GQLSTATUS of ${name}`);
      assert.equal(severity, notification.severity, `severity of ${name}`);
      assert.equal(category, notification.category, `category of ${name}`);
    }
  });

  test('lists exactly the GQLSTATUS codes of the GQL registry, with the same description', () => {
    const rows = readTable(markdown, '## GQLSTATUS codes');
    assertSameKeys(rows.keys(), Object.keys(GqlStatus), 'GQLSTATUS codes');
    for (const gql of Object.values(GqlStatus)) {
      const [, description, classification] = rows.get(gql.code) ?? [];
      assert.equal(description, gql.description, gql.code);
      assert.equal(classification, gql.classification ?? '', gql.code);
    }
  });
});
