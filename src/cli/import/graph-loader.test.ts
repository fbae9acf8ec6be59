import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { GraphStore } from '../../storage/index.js';
import type { CypherValue } from '../../values/index.js';
import { importGraph } from './import-graph.js';
import { importSettings } from './import-settings.fixture.js';

const directory = mkdtempSync(join(tmpdir(), 'quiver-graph-loader-'));
after(() => {
  rmSync(directory, { recursive: true, force: true });
});

const SETTINGS = importSettings();

interface Person {
  readonly key: number;
  readonly extraLabel: 'A' | 'B' | undefined;
  readonly age: bigint | undefined;
  readonly name: string;
  readonly tags: readonly string[] | undefined;
}

interface Link {
  readonly start: number;
  readonly end: number;
  readonly type: 'KNOWS' | 'LIKES' | undefined;
  readonly weight: number | undefined;
}

/** A small random graph with sparse integer ids, typed and array properties, labels and types by column. */
const graphs = fc.uniqueArray(fc.nat({ max: 5000 }), { minLength: 1, maxLength: 15 }).chain((keys) =>
  fc.record({
    people: fc.tuple(
      ...keys.map((key) =>
        fc.record({
          key: fc.constant(key),
          extraLabel: fc.constantFrom('A' as const, 'B' as const, undefined),
          age: fc.option(fc.bigInt({ min: -99n, max: 10n ** 12n }), { nil: undefined }),
          name: fc.string({ unit: fc.constantFrom('a', 'é', ' ', '"', ','), maxLength: 4 }),
          tags: fc.option(fc.array(fc.constantFrom('x', 'yz'), { minLength: 1, maxLength: 3 }), {
            nil: undefined,
          }),
        }),
      ),
    ),
    links: fc.array(
      fc.record({
        start: fc.constantFrom(...keys),
        end: fc.constantFrom(...keys),
        type: fc.constantFrom('KNOWS' as const, 'LIKES' as const, undefined),
        weight: fc.option(
          fc.integer({ min: -100, max: 100 }).map((value) => value / 4),
          { nil: undefined },
        ),
      }),
      { maxLength: 40 },
    ),
  }),
);

function quoted(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

let fileCount = 0;
function writeCsv(lines: readonly string[]): string {
  const path = join(directory, `g${fileCount++}.csv`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

async function imported(people: readonly Person[], links: readonly Link[]): Promise<GraphStore> {
  const nodes = writeCsv([
    'id:ID,:LABEL,age:long,name,tags:string[]',
    ...people.map(
      (person) =>
        `${person.key},${person.extraLabel ?? ''},${person.age ?? ''},${quoted(person.name)},${person.tags?.join(';') ?? ''}`,
    ),
  ]);
  const relationships = writeCsv([
    ':START_ID,:END_ID,:TYPE,weight:double',
    ...links.map((link) => `${link.start},${link.end},${link.type ?? ''},${link.weight ?? ''}`),
  ]);
  const store = new GraphStore();
  await importGraph(
    store,
    {
      nodes: [{ labels: ['Person'], files: [nodes] }],
      relationships: [{ type: 'RELATED', files: [relationships] }],
    },
    SETTINGS,
    { report: { write: () => undefined } },
  );
  return store;
}

/** The same graph written by one ordinary transaction. */
async function written(people: readonly Person[], links: readonly Link[]): Promise<GraphStore> {
  const store = new GraphStore();
  const { labels, relationshipTypes, propertyKeys } = store.tokens;
  const tx = store.begin();
  const ids = new Map<number, number>();
  for (const person of people) {
    const nodeLabels = [labels.getOrCreate('Person')];
    if (person.extraLabel !== undefined) nodeLabels.push(labels.getOrCreate(person.extraLabel));
    const properties: [number, CypherValue][] = [[propertyKeys.getOrCreate('id'), BigInt(person.key)]];
    if (person.age !== undefined) properties.push([propertyKeys.getOrCreate('age'), person.age]);
    properties.push([propertyKeys.getOrCreate('name'), person.name]);
    if (person.tags !== undefined) properties.push([propertyKeys.getOrCreate('tags'), [...person.tags]]);
    ids.set(person.key, tx.createNode(nodeLabels, properties));
  }
  for (const link of links) {
    const type = relationshipTypes.getOrCreate(link.type ?? 'RELATED');
    const properties: [number, CypherValue][] =
      link.weight === undefined ? [] : [[propertyKeys.getOrCreate('weight'), link.weight]];
    tx.createRelationship(type, ids.get(link.start) ?? -1, ids.get(link.end) ?? -1, properties);
  }
  await tx.commit();
  return store;
}

/** What a reader sees, by token names: every node with labels, properties and both expansions. */
function answers(store: GraphStore): unknown {
  const { labels, relationshipTypes, propertyKeys } = store.tokens;
  const tx = store.begin({ readOnly: true });
  const nodes: unknown[] = [];
  const cursor = tx.scanNodes();
  for (let id = cursor.next(); id !== -1; id = cursor.next()) {
    const properties: Record<string, CypherValue> = {};
    tx.forEachNodeProperty(id, (key, value) => {
      properties[propertyKeys.nameOf(key)] = value;
    });
    const expansions: string[] = [];
    for (const direction of ['OUTGOING', 'INCOMING'] as const) {
      const expand = tx.expand(id, direction, undefined);
      for (let relationship = expand.next(); relationship !== -1; relationship = expand.next()) {
        const weight = tx.relationshipProperty(relationship, propertyKeys.idOf('weight') ?? -1);
        const type = relationshipTypes.nameOf(expand.type);
        expansions.push(`${direction} ${relationship} ${type} ${expand.otherNode} ${scalarText(weight)}`);
      }
    }
    const names = [...tx.nodeLabels(id)].map((label) => labels.nameOf(label)).sort();
    nodes.push({ id, labels: names, properties, expansions });
  }
  tx.rollback();
  return nodes;
}

test('an imported graph answers like the same graph written by a transaction, and takes writes after', async () => {
  await fc.assert(
    fc.asyncProperty(graphs, async ({ people, links }) => {
      const bulk = await imported(people, links);
      const transactional = await written(people, links);
      assert.deepEqual(bulk.verifyConsistency(), []);
      assert.deepEqual(answers(bulk), answers(transactional));
      for (const store of [bulk, transactional]) {
        const tx = store.begin();
        const person = store.tokens.labels.idOf('Person') ?? -1;
        const created = tx.createNode([person]);
        tx.createRelationship(store.tokens.relationshipTypes.getOrCreate('NEW'), created, 0);
        tx.detachDeleteNode(people.length - 1);
        await tx.commit();
        store.collectGarbage();
      }
      assert.deepEqual(bulk.verifyConsistency(), []);
      assert.deepEqual(answers(bulk), answers(transactional));
    }),
    { numRuns: 60 },
  );
});

/** A number, integer or absent value as text (the only kinds these graphs give relationships). */
function scalarText(value: CypherValue | undefined): string {
  if (value === undefined) return '-';
  assert.ok(typeof value === 'number' || typeof value === 'bigint', `unexpected ${typeof value}`);
  return `${typeof value} ${value}`;
}
