import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ANY,
  FLOAT,
  INTEGER,
  NODE,
  STRING,
  TypeBits,
  elementOf,
  listOf,
  mayBe,
  typeName,
  union,
} from './types.js';

test('an unknown type may be anything, a known one only itself', () => {
  assert.equal(mayBe(ANY, TypeBits.Boolean), true);
  assert.equal(mayBe(INTEGER, TypeBits.Boolean), false);
  assert.equal(mayBe(NODE, TypeBits.Node | TypeBits.Relationship), true);
});

test('the union of two lists keeps the union of their element types', () => {
  const u = union(listOf(INTEGER), listOf(FLOAT));
  assert.equal(typeName(elementOf(u)), 'Integer or Float');
  assert.equal(elementOf(union(listOf(STRING), INTEGER)), ANY);
});

test('type names read like Neo4j messages', () => {
  assert.equal(typeName(ANY), 'Any');
  assert.equal(typeName(listOf(STRING)), 'List<String>');
  assert.equal(typeName(TypeBits.Node | TypeBits.Relationship | TypeBits.Path), 'Node, Relationship or Path');
});
