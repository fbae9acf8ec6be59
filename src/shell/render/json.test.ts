import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CypherDate, Node, Path, Point, Relationship } from '../../values/index.js';
import { JsonRenderer, toJson } from './json.js';

describe('JsonRenderer', () => {
  test('writes one JSON object per record, keyed in column order', () => {
    let text = '';
    const renderer = new JsonRenderer((chunk) => (text += chunk));
    renderer.begin(['b', 'a']);
    renderer.record([1n, 'x']);
    renderer.record([null, [true, 2.5]]);
    assert.equal(renderer.end(), 2);
    assert.equal(text, '{"b":1,"a":"x"}\n{"b":null,"a":[true,2.5]}\n');
    for (const line of text.trim().split('\n')) assert.doesNotThrow(() => JSON.parse(line));
  });

  test('integers keep every digit and non-finite floats become strings', () => {
    assert.equal(toJson(9007199254740993n), '9007199254740993');
    assert.equal(toJson(Number.POSITIVE_INFINITY), '"Infinity"');
  });

  test('graph, spatial, temporal and byte values map to JSON structures', () => {
    const a = new Node({ id: 1n, elementId: 'n1', labels: ['A'], properties: { k: 'v' } });
    const b = new Node({ id: 2n, elementId: 'n2' });
    const r = new Relationship({
      id: 3n,
      elementId: 'r3',
      startNodeId: 1n,
      startNodeElementId: 'n1',
      endNodeId: 2n,
      endNodeElementId: 'n2',
      type: 'R',
    });
    assert.equal(toJson(a), '{"elementId":"n1","labels":["A"],"properties":{"k":"v"}}');
    assert.equal(
      toJson(r),
      '{"elementId":"r3","type":"R","startNodeElementId":"n1","endNodeElementId":"n2","properties":{}}',
    );
    assert.equal(
      toJson(new Path([a, b], [r])),
      `{"nodes":[${toJson(a)},${toJson(b)}],"relationships":[${toJson(r)}]}`,
    );
    assert.equal(toJson(new Point(4326, 1.5, 2)), '{"srid":4326,"x":1.5,"y":2}');
    assert.equal(toJson(CypherDate.fromFields(2024, 2, 29)), '"2024-02-29"');
    assert.equal(toJson(Uint8Array.of(1, 2, 3)), '"AQID"');
  });
});
