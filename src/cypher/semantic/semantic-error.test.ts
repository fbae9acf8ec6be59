import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { CypherSemanticError, CypherTypeError } from '../../errors/index.js';
import { positionOf, semanticError } from './semantic-error.js';

test('positions are 1-based lines and columns counted from the 0-based offset', () => {
  assert.deepEqual(positionOf('MATCH (n)\nRETURN x', 17), { offset: 17, line: 2, column: 8 });
  assert.deepEqual(positionOf('RETURN x', 0), { offset: 0, line: 1, column: 1 });
});

test('a position always points at the same character as the offset', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '\n', ' ') }), fc.nat(), (text, raw) => {
      const offset = text.length === 0 ? 0 : raw % text.length;
      const { line, column } = positionOf(text, offset);
      const lines = text.split('\n');
      const before = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0);
      assert.equal(before + column - 1, offset);
    }),
  );
});

test('semantic errors carry the TCK detail, the position and Neo4j-style position text', () => {
  const error = semanticError('RETURN x', 'UndefinedVariable', 'Variable `x` not defined', 7);
  assert.ok(error instanceof CypherSemanticError);
  assert.equal(error.detail, 'UndefinedVariable');
  assert.equal(error.gqlCause?.code, '42N62');
  assert.equal(error.message, 'Variable `x` not defined (line 1, column 8 (offset: 7))');
  assert.ok(semanticError('x', 'InvalidArgumentType', 'm', 0, 'type') instanceof CypherTypeError);
});
