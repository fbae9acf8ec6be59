import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GraphStore } from '../../../src/storage/index.js';
import { loadPokec } from '../../../test/storage/pokec-graph.js';
import { generatePokec } from './pokec-data.js';

test('the same seed generates the same graph', () => {
  const first = generatePokec(200, 7);
  const second = generatePokec(200, 7);
  assert.deepEqual(second.users, first.users);
  assert.deepEqual(second.from, first.from);
  assert.deepEqual(second.to, first.to);
  assert.notDeepEqual(generatePokec(200, 8).to, first.to);
});

test('users are numbered by index and edges join existing users without self-loops', () => {
  const data = generatePokec(500);
  data.users.forEach((user, index) => {
    assert.equal(user.id, index);
    assert.ok(user.age >= 14 && user.age < 74);
    assert.ok(user.completion_percentage >= 0 && user.completion_percentage <= 100);
  });
  assert.equal(data.from.length, data.to.length);
  for (let index = 0; index < data.from.length; index++) {
    assert.notEqual(data.from[index], data.to[index]);
    assert.ok(data.to[index]! >= 0 && data.to[index]! < 500);
  }
});

test('the out-degree averages about fifteen, as in Pokec', () => {
  const data = generatePokec(4_000);
  const mean = (data.from.length + data.droppedSelfLoops) / 4_000;
  assert.ok(mean > 11 && mean < 19, `mean out-degree ${mean}`);
});

test('the graph is the one loadPokec builds from the same seed, minus its self-loops', async () => {
  const data = generatePokec(300);
  const store = new GraphStore();
  const graph = await loadPokec(store, { users: 300 });
  assert.equal(data.from.length + data.droppedSelfLoops, graph.relationships);
  const tx = store.begin({ readOnly: true });
  const age = store.tokens.propertyKeys.idOf('age')!;
  const region = store.tokens.propertyKeys.idOf('region')!;
  for (const index of [0, 1, 150, 299]) {
    const node = graph.userIds[index]!;
    assert.equal(tx.nodeProperty(node, age, 'NEW'), BigInt(data.users[index]!.age));
    assert.equal(tx.nodeProperty(node, region, 'NEW'), data.users[index]!.region);
  }
});
