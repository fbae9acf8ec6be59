import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Node, Relationship, type CypherValue } from '../../src/values/index.js';
import { captureGraphState, compareSideEffects, diffGraphStates, type GraphState } from './side-effects.js';
import type { TckDatabase } from './target/tck-target.js';

function state(partial: Partial<Record<keyof GraphState, string[]>>): GraphState {
  return {
    nodes: new Set(partial.nodes),
    relationships: new Set(partial.relationships),
    labels: new Set(partial.labels),
    properties: new Set(partial.properties),
  };
}

test('side effects are the sizes of the set differences between two states', () => {
  const before = state({ nodes: ['n1', 'n2'], labels: ['A'], properties: ['n1 k 1'] });
  const after = state({
    nodes: ['n2', 'n3'],
    relationships: ['r1'],
    labels: ['A', 'B'],
    properties: ['n1 k 2'],
  });
  assert.deepEqual(diffGraphStates(before, after), {
    '+nodes': 1,
    '-nodes': 1,
    '+relationships': 1,
    '-relationships': 0,
    '+labels': 1,
    '-labels': 0,
    '+properties': 1,
    '-properties': 1,
  });
});

test('a side effects table lists the non-zero effects; the others must be zero', () => {
  const effects = diffGraphStates(state({}), state({ nodes: ['n1'], labels: ['A'] }));
  assert.equal(
    compareSideEffects(
      [
        ['+nodes', '1'],
        ['+labels', '1'],
      ],
      effects,
    ),
    undefined,
  );
  assert.match(compareSideEffects([['+nodes', '1']], effects) ?? '', /\+labels: expected 0, got 1/);
  assert.match(compareSideEffects([], effects) ?? '', /\+nodes: expected 0, got 1/);
  assert.throws(() => compareSideEffects([['+widgets', '1']], effects), /unknown side effect/);
});

/** A database answering only the two snapshot queries, from fixed nodes and relationships. */
function snapshotDatabase(nodes: Node[], relationships: Relationship[]): TckDatabase {
  return {
    registerProcedure: () => undefined,
    close: () => Promise.resolve(),
    run: (query) => {
      const values: CypherValue[] = query.startsWith('MATCH (n)') ? nodes : relationships;
      return Promise.resolve({ columns: ['x'], rows: values.map((value) => [value]) });
    },
  };
}

test('a graph state reads nodes, distinct labels, relationships and property triples', async () => {
  const nodes = [
    new Node({ id: 1n, labels: ['A'], properties: { k: 1n } }),
    new Node({ id: 2n, labels: ['A', 'B'], properties: { k: 1n } }),
  ];
  const relationships = [
    new Relationship({ id: 5n, startNodeId: 1n, endNodeId: 2n, type: 'T', properties: { w: 'x' } }),
  ];
  const captured = await captureGraphState(snapshotDatabase(nodes, relationships));
  assert.equal(captured.nodes.size, 2);
  assert.deepEqual([...captured.labels].sort(), ['A', 'B']);
  assert.equal(captured.relationships.size, 1);
  // The same key and value on two nodes are two triples.
  assert.equal(captured.properties.size, 3);
});
