import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  ALL_STATUSES,
  CypherSyntaxError,
  DatabaseError,
  InternalError,
  ProtocolError,
  Status,
  TransactionConflictError,
} from '../../errors/index.js';
import { decode, Packer, Structure } from '../../packstream/index.js';
import { fromHex } from '../../util/index.js';
import { BOLT_VERSIONS } from '../versions/index.js';
import { isUnexpectedError, toFailureMetadata, writeFailure, type FailureMetadata } from './failure.js';

const V5_6 = { major: 5, minor: 6 };
const V5_7 = { major: 5, minor: 7 };
const DEFAULTS = { OPERATION: '', OPERATION_CODE: '0', CURRENT_SCHEMA: '/' };

/** bolt-spec-digest Appendix A, chunk header and end marker removed. */
const LEGACY_FAILURE =
  'B1 7F A2 84 63 6F 64 65 D0 25 4E 65 6F 2E 43 6C 69 65 6E 74 45 72 72 6F 72 2E 53 74 61 74 65 6D 65 6E 74 2E 53 79 6E 74 61 78 45 72 72 6F 72 87 6D 65 73 73 61 67 65 81 78';
const GQL_FAILURE =
  'B1 7F A5 8A 6E 65 6F 34 6A 5F 63 6F 64 65 D0 25 4E 65 6F 2E 43 6C 69 65 6E 74 45 72 72 6F 72 2E 53 74 61 74 65 6D 65 6E 74 2E 53 79 6E 74 61 78 45 72 72 6F 72 87 6D 65 73 73 61 67 65 8D 49 6E 76 61 6C 69 64 20 69 6E 70 75 74 8A 67 71 6C 5F 73 74 61 74 75 73 85 34 32 30 30 31 8B 64 65 73 63 72 69 70 74 69 6F 6E D0 3D 65 72 72 6F 72 3A 20 73 79 6E 74 61 78 20 65 72 72 6F 72 20 6F 72 20 61 63 63 65 73 73 20 72 75 6C 65 20 76 69 6F 6C 61 74 69 6F 6E 20 2D 20 69 6E 76 61 6C 69 64 20 73 79 6E 74 61 78 D0 11 64 69 61 67 6E 6F 73 74 69 63 5F 72 65 63 6F 72 64 A1 8F 5F 63 6C 61 73 73 69 66 69 63 61 74 69 6F 6E 8C 43 4C 49 45 4E 54 5F 45 52 52 4F 52';

function failureBytes(metadata: FailureMetadata): Uint8Array {
  const packer = new Packer();
  writeFailure(packer, metadata);
  return packer.takeBytes();
}

function metadataOf(hex: string): Record<string, unknown> {
  const message = decode(fromHex(hex));
  assert.ok(message instanceof Structure);
  return message.fields[0] as Record<string, unknown>;
}

describe('toFailureMetadata up to Bolt 5.6', () => {
  test('writes {code, message} byte for byte as Appendix A', () => {
    const metadata = toFailureMetadata(new CypherSyntaxError('x'), V5_6);
    assert.deepEqual(failureBytes(metadata), fromHex(LEGACY_FAILURE));
  });

  test('is the shape of every version before 5.7', () => {
    for (const { version, failure } of BOLT_VERSIONS) {
      const metadata = toFailureMetadata(new CypherSyntaxError('x'), version);
      assert.equal(
        Object.hasOwn(metadata, 'code'),
        failure === 'legacy',
        `${version.major}.${version.minor}`,
      );
    }
  });
});

describe('toFailureMetadata from Bolt 5.7', () => {
  test('matches Appendix A, with the diagnostic defaults spelled out and the cause added', () => {
    const appendix = metadataOf(GQL_FAILURE);
    const ours = toFailureMetadata(new CypherSyntaxError('Invalid input'), V5_7) as unknown as Record<
      string,
      unknown
    >;
    assert.deepEqual(Object.keys(ours).slice(0, 5), Object.keys(appendix));
    for (const key of ['neo4j_code', 'message', 'gql_status', 'description'])
      assert.equal(ours[key], appendix[key], key);
    assert.deepEqual(ours['diagnostic_record'], {
      ...DEFAULTS,
      ...(appendix['diagnostic_record'] as object),
    });
    assert.deepEqual(ours['cause'], {
      message: 'Invalid input',
      gql_status: '42I06',
      description: 'error: syntax error or access rule violation - invalid input',
      diagnostic_record: { ...DEFAULTS, _classification: 'CLIENT_ERROR' },
    });
  });

  test('leaves the cause out when the error has no more specific status', () => {
    const metadata = toFailureMetadata(
      new DatabaseError(Status.SemanticError, 'Variable `n` not defined'),
      V5_7,
    );
    assert.equal(Object.hasOwn(metadata, 'cause'), false);
  });

  test('carries the position in the diagnostic records', () => {
    const error = new CypherSyntaxError('Invalid input', { position: { offset: 7, line: 1, column: 8 } });
    const metadata = toFailureMetadata(error, V5_7);
    const position = { offset: 7n, line: 1n, column: 8n };
    assert.ok('neo4j_code' in metadata);
    assert.deepEqual(metadata.diagnostic_record._position, position);
    assert.deepEqual(metadata.cause?.diagnostic_record._position, position);
  });

  test('classifies transient and database errors', () => {
    const transient = toFailureMetadata(new TransactionConflictError('conflict'), V5_7);
    assert.ok('neo4j_code' in transient);
    assert.equal(transient.diagnostic_record._classification, 'TRANSIENT_ERROR');
    const request = toFailureMetadata(new ProtocolError('bad'), V5_7);
    assert.ok('neo4j_code' in request);
    assert.equal(request.gql_status, '08N06');
    assert.equal(request.cause?.gql_status, '08N10');
  });

  test('produces well-formed metadata for every registered status', () => {
    for (const status of ALL_STATUSES) {
      const metadata = toFailureMetadata(new DatabaseError(status, 'm'), V5_7);
      assert.ok('neo4j_code' in metadata);
      assert.equal(metadata.neo4j_code.split('.').length, 4, status.code);
      assert.match(metadata.gql_status, /^[0-9A-Z]{5}$/);
      assert.ok(metadata.description.startsWith('error: '), status.code);
    }
  });
});

describe('errors that are not database errors', () => {
  test('are reported as UnknownError with a generic message', () => {
    for (const error of [
      new TypeError('secret detail'),
      'a string',
      new InternalError('invariant broke: secret'),
    ]) {
      assert.equal(isUnexpectedError(error), true);
      assert.deepEqual(toFailureMetadata(error, V5_6), {
        code: 'Neo.DatabaseError.General.UnknownError',
        message: 'An unexpected error occurred, see the server log for details',
      });
    }
    assert.equal(isUnexpectedError(new CypherSyntaxError('x')), false);
  });
});
