import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { assertNever, invariant } from './assert.js';
import {
  AuthenticationError,
  ConstraintViolationError,
  CypherArgumentError,
  CypherArithmeticError,
  CypherSemanticError,
  CypherSyntaxError,
  CypherTypeError,
  DatabaseError,
  EntityNotFoundError,
  InternalError,
  ProtocolError,
  TransactionConflictError,
  TransactionTerminatedError,
} from './database-error.js';
import { GqlStatus } from './gql-status.js';
import { PackStreamError } from './packstream-error.js';
import { Status, type StatusDefinition } from './status.js';

describe('DatabaseError', () => {
  test('takes code, GQLSTATUS and cause from its status', () => {
    const error = new DatabaseError(Status.SyntaxError, 'Invalid input "RETRUN"');
    assert.equal(error.message, 'Invalid input "RETRUN"');
    assert.equal(error.status, Status.SyntaxError);
    assert.equal(error.code, 'Neo.ClientError.Statement.SyntaxError');
    assert.equal(error.gql, GqlStatus['42001']);
    assert.equal(error.gqlStatus, '42001');
    assert.equal(error.gqlCause, GqlStatus['42I06']);
    assert.equal(error.classification, 'ClientError');
    assert.equal(error.position, undefined);
    assert.equal(error.detail, undefined);
    assert.equal('cause' in error, false, 'no cause property unless one was given');
  });

  test('keeps position, TCK detail and the underlying cause', () => {
    const underlying = new RangeError('deep');
    const error = new DatabaseError(Status.SemanticError, 'Variable `n` not defined', {
      position: { offset: 7, line: 1, column: 8 },
      detail: 'UndefinedVariable',
      cause: underlying,
    });
    assert.deepEqual(error.position, { offset: 7, line: 1, column: 8 });
    assert.equal(error.detail, 'UndefinedVariable');
    assert.equal(error.cause, underlying);
  });

  test('lets the thrower name a more specific GQLSTATUS and cause', () => {
    const semantic = new DatabaseError(Status.SemanticError, 'Variable `n` not defined', {
      gqlCause: '42N62',
    });
    assert.equal(semantic.gqlStatus, '42001');
    assert.equal(semantic.gqlCause, GqlStatus['42N62']);

    const divisionByZero = new DatabaseError(Status.ArithmeticError, '/ by zero', { gqlStatus: '22012' });
    assert.equal(divisionByZero.gql, GqlStatus['22012']);
    assert.equal(divisionByZero.gqlStatus, '22012');
    assert.equal(divisionByZero.gqlCause, GqlStatus['22N28'], 'the typical cause stays');
    assert.equal(divisionByZero.code, 'Neo.ClientError.Statement.ArithmeticError', 'the Neo4j code stays');
  });

  test('is named after its class, so logs and stack traces say what failed', () => {
    assert.equal(new DatabaseError(Status.UnknownError, 'x').name, 'DatabaseError');
    assert.equal(new CypherSyntaxError('x').name, 'CypherSyntaxError');
    assert.match(String(new CypherTypeError('bad type')), /^CypherTypeError: bad type/);
  });
});

describe('the DatabaseError subclasses', () => {
  const cases: [string, DatabaseError, StatusDefinition][] = [
    ['CypherSyntaxError', new CypherSyntaxError('m'), Status.SyntaxError],
    ['CypherSemanticError', new CypherSemanticError('m'), Status.SyntaxError],
    ['CypherTypeError', new CypherTypeError('m'), Status.TypeError],
    ['CypherArgumentError', new CypherArgumentError('m'), Status.ArgumentError],
    ['CypherArithmeticError', new CypherArithmeticError('m'), Status.ArithmeticError],
    ['EntityNotFoundError', new EntityNotFoundError('m'), Status.EntityNotFound],
    ['ConstraintViolationError', new ConstraintViolationError('m'), Status.ConstraintValidationFailed],
    ['TransactionConflictError', new TransactionConflictError('m'), Status.DeadlockDetected],
    ['TransactionTerminatedError', new TransactionTerminatedError('m'), Status.Terminated],
    ['ProtocolError', new ProtocolError('m'), Status.RequestInvalid],
    ['AuthenticationError', new AuthenticationError(), Status.Unauthorized],
    ['InternalError', new InternalError('m'), Status.UnknownError],
  ];

  for (const [name, error, status] of cases) {
    test(`${name} is a DatabaseError and an Error with ${status.code}`, () => {
      assert.ok(error instanceof DatabaseError);
      assert.ok(error instanceof Error);
      assert.equal(error.name, name);
      assert.equal(error.status, status);
      assert.equal(error.gql, status.gql);
    });
  }

  test('pass position, detail and cause through to DatabaseError', () => {
    const error = new CypherSemanticError('Variable `x` not defined', {
      position: { offset: 0, line: 1, column: 1 },
      detail: 'UndefinedVariable',
      gqlCause: '42N62',
    });
    assert.equal(error.detail, 'UndefinedVariable');
    assert.equal(error.position?.column, 1);
    assert.equal(error.gqlCause?.code, '42N62');
  });

  test('that cover a family of codes accept another code of the family', () => {
    const timeout = new TransactionTerminatedError('timed out', {
      status: Status.TransactionTimedOutClientConfiguration,
    });
    assert.equal(timeout.code, 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration');
    assert.equal(timeout.gqlStatus, '25N14');
    const lock = new TransactionConflictError('lock wait', { status: Status.LockAcquisitionTimeout });
    assert.equal(lock.gqlStatus, '25N16');
    assert.equal(
      new ProtocolError('m', { status: Status.RequestInvalidFormat }).code,
      Status.RequestInvalidFormat.code,
    );
    assert.equal(
      new AuthenticationError('slow down', { status: Status.AuthenticationRateLimit }).gqlStatus,
      '42NFF',
    );
  });

  test('AuthenticationError defaults to the message Neo4j sends', () => {
    assert.equal(
      new AuthenticationError().message,
      'The client is unauthorized due to authentication failure.',
    );
  });
});

describe('PackStreamError', () => {
  test('is a ProtocolError with Request.InvalidFormat, its reason and offset', () => {
    const error = new PackStreamError('RESERVED_MARKER', 'Reserved marker 0xC7', 12);
    assert.ok(error instanceof ProtocolError);
    assert.ok(error instanceof DatabaseError);
    assert.equal(error.name, 'PackStreamError');
    assert.equal(error.reason, 'RESERVED_MARKER');
    assert.equal(error.offset, 12);
    assert.equal(error.status, Status.RequestInvalidFormat);
    assert.equal(error.gqlStatus, '08N06');
    assert.equal(error.gqlCause?.code, '08N11');
  });

  test('leaves the offset undefined when it is not known', () => {
    assert.equal(new PackStreamError('UNENCODABLE_VALUE', 'Cannot encode a symbol').offset, undefined);
  });
});

describe('invariant', () => {
  test('returns for every truthy condition', () => {
    fc.assert(
      fc.property(fc.anything().filter(Boolean), (condition) => {
        invariant(condition, 'never thrown');
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  test('throws an InternalError with the message for every falsy condition', () => {
    for (const condition of [false, 0, -0, 0n, '', null, undefined, Number.NaN]) {
      assert.throws(
        () => {
          invariant(condition, 'row width matches');
        },
        (error: unknown) => error instanceof InternalError && error.message === 'row width matches',
        String(condition),
      );
    }
  });

  test('narrows the type of what it checks', () => {
    const value: string | undefined = ['a'].at(0);
    invariant(value !== undefined, 'present');
    assert.equal(value.length, 1);
  });
});

describe('assertNever', () => {
  test('throws an InternalError naming the unexpected value', () => {
    const kind = 'Merge' as 'Match' | 'Merge';
    assert.throws(
      () => {
        if (kind === 'Match') return;
        assertNever(kind as never, 'clause kind');
      },
      (error: unknown) => error instanceof InternalError && error.message === 'Unexpected clause kind: Merge',
    );
  });

  test('says "value" when the caller gives no name', () => {
    assert.throws(() => assertNever(42 as never), /^InternalError: Unexpected value: 42$/m);
  });
});
