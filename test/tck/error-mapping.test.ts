import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ConstraintViolationError,
  CypherArgumentError,
  CypherSemanticError,
  CypherSyntaxError,
  CypherTypeError,
  DatabaseError,
  EntityNotFoundError,
  Status,
} from '../../src/errors/index.js';
import { compareError, observeError, parseErrorStep, tckErrorTypes } from './error-mapping.js';

test('an error step gives type, phase and detail', () => {
  assert.deepEqual(parseErrorStep('a SyntaxError should be raised at compile time: UndefinedVariable'), {
    type: 'SyntaxError',
    phase: 'compile time',
    detail: 'UndefinedVariable',
  });
  assert.deepEqual(parseErrorStep('a TypeError should be raised at any time: *'), {
    type: 'TypeError',
    phase: 'any time',
    detail: '*',
  });
  assert.equal(parseErrorStep('the result should be empty'), undefined);
});

test('status codes map to TCK error types', () => {
  const typeOf = (error: DatabaseError): readonly string[] => tckErrorTypes(observeError(error).code);
  assert.deepEqual(typeOf(new CypherSyntaxError('x')), ['SyntaxError']);
  assert.deepEqual(typeOf(new CypherSemanticError('x')), ['SyntaxError']);
  assert.deepEqual(typeOf(new DatabaseError(Status.SemanticError, 'x')), ['SyntaxError', 'SemanticError']);
  assert.deepEqual(typeOf(new CypherTypeError('x')), ['TypeError']);
  assert.deepEqual(typeOf(new CypherArgumentError('x')), ['ArgumentError']);
  assert.deepEqual(typeOf(new EntityNotFoundError('x')), ['EntityNotFound']);
  assert.deepEqual(typeOf(new ConstraintViolationError('x')), ['ConstraintVerificationFailed']);
  assert.deepEqual(typeOf(new DatabaseError(Status.ParameterMissing, 'x')), ['ParameterMissing']);
  assert.deepEqual(typeOf(new DatabaseError(Status.ProcedureNotFound, 'x')), ['ProcedureError']);
  assert.deepEqual(tckErrorTypes(observeError(new RangeError('boom')).code), []);
});

test('type and detail must both agree, the phase is not enforced, and * accepts any detail', () => {
  const semantic = observeError(
    new CypherSemanticError('Variable `x` not defined', { detail: 'UndefinedVariable' }),
  );
  const expect = (text: string): ReturnType<typeof compareError> =>
    compareError(parseErrorStep(text)!, semantic);
  assert.equal(expect('a SyntaxError should be raised at compile time: UndefinedVariable'), undefined);
  assert.equal(expect('a SyntaxError should be raised at runtime: UndefinedVariable'), undefined);
  assert.match(
    expect('a SyntaxError should be raised at compile time: VariableAlreadyBound') ?? '',
    /got SyntaxError/,
  );
  assert.match(expect('a TypeError should be raised at any time: *') ?? '', /expected TypeError/);
  const typeError = observeError(new CypherTypeError('no', { detail: 'InvalidArgumentType' }));
  assert.equal(
    compareError(parseErrorStep('a TypeError should be raised at any time: *')!, typeError),
    undefined,
  );
});
