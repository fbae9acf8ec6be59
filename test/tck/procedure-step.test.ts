import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExecutionContext } from '../../src/execution/index.js';
import type { CypherValue } from '../../src/values/index.js';
import { parseProcedureSignature, tableProcedure } from './procedure-step.js';

const NO_CONTEXT = {} as ExecutionContext;

test('a signature names the procedure, its inputs and its outputs with their types', () => {
  assert.deepEqual(
    parseProcedureSignature('test.my.proc(name :: STRING?, id :: INTEGER?) :: (city :: STRING?):'),
    {
      name: 'test.my.proc',
      inputs: [
        { name: 'name', type: 'STRING?' },
        { name: 'id', type: 'INTEGER?' },
      ],
      outputs: [{ name: 'city', type: 'STRING?' }],
    },
  );
  assert.deepEqual(parseProcedureSignature('test.doNothing() :: ():'), {
    name: 'test.doNothing',
    inputs: [],
    outputs: [],
  });
  assert.throws(() => parseProcedureSignature('test.broken(x) ::'), /not a procedure signature/);
});

function call(table: string[][], signature: string, args: CypherValue[]): unknown[] {
  const procedure = tableProcedure(parseProcedureSignature(signature), table);
  return [...procedure.call(args, NO_CONTEXT)];
}

test('a call yields the outputs of the rows whose inputs equal the arguments, in table order', () => {
  const table = [
    ['name', 'id', 'city'],
    ["'Stefan'", '1', "'Berlin'"],
    ["'Stefan'", '2', "'München'"],
    ["'Petra'", '1', "'London'"],
  ];
  const signature = 'p(name :: STRING?, id :: INTEGER?) :: (city :: STRING?)';
  assert.deepEqual(call(table, signature, ['Stefan', 1n]), [{ city: 'Berlin' }]);
  assert.deepEqual(call(table, signature, ['Nobody', 1n]), []);
});

test('null arguments match null cells, and numbers match across INTEGER and FLOAT', () => {
  assert.deepEqual(
    call(
      [
        ['in', 'out'],
        ['null', "'nix'"],
      ],
      'p(in :: INTEGER?) :: (out :: STRING?)',
      [null],
    ),
    [{ out: 'nix' }],
  );
  const numbers = [
    ['in', 'out'],
    ['42', "'wisdom'"],
    ['42.3', "'about right'"],
  ];
  assert.deepEqual(call(numbers, 'p(in :: NUMBER?) :: (out :: STRING?)', [42.3]), [{ out: 'about right' }]);
  assert.deepEqual(call(numbers, 'p(in :: NUMBER?) :: (out :: STRING?)', [42]), [{ out: 'wisdom' }]);
});

test('a procedure without outputs yields nothing and a table that contradicts the signature is refused', () => {
  assert.deepEqual(call([[]], 'test.doNothing() :: ()', []), []);
  assert.throws(
    () =>
      call(
        [
          ['x', 'y'],
          ['1', '2'],
        ],
        'p(in :: INTEGER?) :: (out :: INTEGER?)',
        [1n],
      ),
    /do not match/,
  );
});
