import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  evaluationQuery,
  formatParameters,
  parseParameterAssignment,
  restoreDumpBytes,
} from './parameters.js';

describe(':param parsing', () => {
  test('name => expression keeps the expression text for the server', () => {
    assert.deepEqual(parseParameterAssignment("name => 'A' + 'B'"), {
      kind: 'NAMED',
      name: 'name',
      expression: "'A' + 'B'",
    });
    assert.deepEqual(parseParameterAssignment('`odd name`=>[1,\n2]'), {
      kind: 'NAMED',
      name: 'odd name',
      expression: '[1,\n2]',
    });
  });

  test('a map literal sets several parameters', () => {
    assert.deepEqual(parseParameterAssignment(' {a: 1, b: 2} '), { kind: 'MAP', expression: '{a: 1, b: 2}' });
  });

  test('anything else is reported with the usage', () => {
    const parsed = parseParameterAssignment('x = 1');
    assert.equal(parsed.kind, 'INVALID');
    assert.equal(parseParameterAssignment('').kind, 'INVALID');
  });

  test('the expression is evaluated with RETURN … AS value', () => {
    assert.equal(evaluationQuery('1 + 1'), 'RETURN 1 + 1 AS value');
  });

  test(':params lists each parameter as a :param line', () => {
    const parameters = new Map<string, unknown>([
      ['name', 'Alice'],
      ['my list', [1n, 2n]],
    ]);
    assert.equal(formatParameters(parameters), ':param name => "Alice"\n:param `my list` => [1, 2]');
  });
});

describe('restoreDumpBytes', () => {
  test("turns a dump's BYTES parameter, a list of integers 0 to 255, back into BYTES", () => {
    assert.deepEqual(restoreDumpBytes('__quiver_bytes_0', [0n, 1n, 255n]), Uint8Array.of(0, 1, 255));
    assert.deepEqual(restoreDumpBytes('__quiver_bytes_12', [7]), Uint8Array.of(7));
    assert.deepEqual(restoreDumpBytes('__quiver_bytes_1', []), new Uint8Array(0));
  });

  test('leaves other names and anything that is not a list of bytes as it is', () => {
    assert.deepEqual(restoreDumpBytes('bytes_0', [1n, 2n]), [1n, 2n]);
    assert.deepEqual(restoreDumpBytes('__quiver_bytes_0', [1n, 256n]), [1n, 256n]);
    assert.deepEqual(restoreDumpBytes('__quiver_bytes_0', [-1n]), [-1n]);
    assert.deepEqual(restoreDumpBytes('__quiver_bytes_0', [1.5]), [1.5]);
    assert.equal(restoreDumpBytes('__quiver_bytes_0', 'text'), 'text');
  });
});
