import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { evaluationQuery, formatParameters, parseParameterAssignment } from './parameters.js';

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
