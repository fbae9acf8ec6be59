import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BoltResponseError } from '../bolt/index.js';
import { CypherArgumentError } from '../errors/index.js';
import { formatError } from './error-text.js';

function failure(metadata: Record<string, unknown>): BoltResponseError {
  return new BoltResponseError({ kind: 'FAILURE', metadata, records: [] });
}

describe('formatError', () => {
  test('shows the server message as sent, then the code and GQLSTATUS', () => {
    const message = 'Invalid input \'RETRUN\' (line 1, column 1 (offset: 0))\n"RETRUN 1"\n ^';
    const error = failure({
      neo4j_code: 'Neo.ClientError.Statement.SyntaxError',
      message,
      gql_status: '42001',
      diagnostic_record: { _position: { offset: 0n, line: 1n, column: 1n } },
    });
    assert.equal(
      formatError(error, 'RETRUN 1'),
      `${message}\nNeo.ClientError.Statement.SyntaxError (GQLSTATUS 42001)`,
    );
  });

  test('adds the query line and a caret when the server gave a position without one', () => {
    const error = failure({
      code: 'Neo.ClientError.Statement.SyntaxError',
      message: 'Invalid input',
      diagnostic_record: { _position: { offset: 12n, line: 2n, column: 3n } },
    });
    assert.equal(
      formatError(error, 'MATCH (n)\nRETRUN n'),
      'Invalid input\n"RETRUN n"\n   ^\nNeo.ClientError.Statement.SyntaxError',
    );
  });

  test('client-side errors print their message only', () => {
    assert.equal(
      formatError(new CypherArgumentError('There is no open transaction')),
      'There is no open transaction',
    );
  });
});
