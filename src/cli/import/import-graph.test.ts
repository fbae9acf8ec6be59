import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { GraphStore, type StoreTransaction } from '../../storage/index.js';
import type { CypherValue } from '../../values/index.js';
import { importGraph, type ImportInputs, type ImportResult, type ImportSettings } from './import-graph.js';
import { importSettings } from './import-settings.fixture.js';

const directory = mkdtempSync(join(tmpdir(), 'quiver-import-graph-'));
after(() => {
  rmSync(directory, { recursive: true, force: true });
});

let fileCount = 0;
function file(text: string): string {
  const path = join(directory, `f${fileCount++}.csv`);
  writeFileSync(path, text);
  return path;
}

const SETTINGS = importSettings({ badTolerance: 1000, idType: 'string' });

interface Outcome {
  store: GraphStore;
  result: ImportResult;
  report: string[];
}

async function load(inputs: ImportInputs, settings: Partial<ImportSettings> = {}): Promise<Outcome> {
  const store = new GraphStore();
  const report: string[] = [];
  const result = await importGraph(
    store,
    inputs,
    { ...SETTINGS, ...settings },
    { report: { write: (line) => report.push(line) } },
  );
  return { store, result, report };
}

/** Every node as `{labels, properties}` by name, in id order. */
function nodes(store: GraphStore): { labels: string[]; properties: Record<string, CypherValue> }[] {
  const tx = store.begin({ readOnly: true });
  const found = [];
  const cursor = tx.scanNodes();
  for (let id = cursor.next(); id !== -1; id = cursor.next()) {
    found.push({
      labels: tx
        .nodeLabels(id)
        .map((label) => store.tokens.labels.nameOf(label))
        .sort(),
      properties: nodeProperties(store, tx, id),
    });
  }
  tx.rollback();
  return found;
}

function nodeProperties(store: GraphStore, tx: StoreTransaction, id: number): Record<string, CypherValue> {
  const properties: Record<string, CypherValue> = {};
  for (let key = 0; key < store.tokens.propertyKeys.size; key++) {
    const value = tx.nodeProperty(id, key);
    if (value !== undefined) properties[store.tokens.propertyKeys.nameOf(key)] = value;
  }
  return properties;
}

/** A string or integer property as text. */
function show(value: CypherValue | undefined): string {
  assert.ok(typeof value === 'string' || typeof value === 'bigint', `unexpected ${typeof value}`);
  return String(value);
}

/** Every relationship as `start-TYPE->end since` using the nodes' `id` property. */
function relationships(store: GraphStore): string[] {
  const tx = store.begin({ readOnly: true });
  const idKey = store.tokens.propertyKeys.idOf('id') ?? -1;
  const sinceKey = store.tokens.propertyKeys.idOf('since') ?? -1;
  const found: string[] = [];
  const cursor = tx.scanRelationships();
  for (let id = cursor.next(); id !== -1; id = cursor.next()) {
    const start = show(tx.nodeProperty(tx.relationshipStart(id), idKey));
    const end = show(tx.nodeProperty(tx.relationshipEnd(id), idKey));
    const type = store.tokens.relationshipTypes.nameOf(tx.relationshipType(id));
    const since = tx.relationshipProperty(id, sinceKey);
    found.push(`${start}-${type}->${end}${since === undefined ? '' : ` ${show(since)}`}`);
  }
  tx.rollback();
  return found.sort();
}

test('nodes get labels from the option and the :LABEL column, the named id and typed properties', async () => {
  const users = file('id:ID,name,age:int,tags:string[],:LABEL\n1,Alice,30,a;b,Admin;Staff\n2,"Bob",,,\n');
  const { store, result } = await load({ nodes: [{ labels: ['User'], files: [users] }], relationships: [] });
  assert.deepEqual(nodes(store), [
    {
      labels: ['Admin', 'Staff', 'User'],
      properties: { id: '1', name: 'Alice', age: 30n, tags: ['a', 'b'] },
    },
    { labels: ['User'], properties: { id: '2', name: 'Bob' } },
  ]);
  assert.deepEqual([result.nodes, result.relationships, result.properties, result.badRows], [2, 0, 6, 0]);
});

test('a header-only first file and several data files form one group', async () => {
  const header = file('id:ID,name\n');
  const first = file('1,a\n2,b\n');
  const second = file('3,c\n');
  const { store } = await load({
    nodes: [{ labels: [], files: [header, first, second] }],
    relationships: [],
  });
  assert.deepEqual(
    nodes(store).map((node) => node.properties['name']),
    ['a', 'b', 'c'],
  );
});

test('relationships find their endpoints by id group and take the type from :TYPE or the option', async () => {
  const people = file('pid:ID(P),name\n1,Ann\n2,Ben\n');
  const movies = file('mid:ID(M),title\n1,Heat\n');
  const acted = file(':START_ID(P),:END_ID(M),since:long,:TYPE\n1,1,1995,\n2,1,1996,DIRECTED\n');
  const knows = file(':START_ID(P),:END_ID(P)\n1,2\n');
  const { store, result } = await load({
    nodes: [
      { labels: ['Person'], files: [people] },
      { labels: ['Movie'], files: [movies] },
    ],
    relationships: [
      { type: 'ACTED_IN', files: [acted] },
      { type: 'KNOWS', files: [knows] },
    ],
  });
  const tx = store.begin({ readOnly: true });
  const pid = store.tokens.propertyKeys.idOf('pid') ?? -1;
  const since = store.tokens.propertyKeys.idOf('since') ?? -1;
  const found: string[] = [];
  const cursor = tx.scanRelationships();
  for (let id = cursor.next(); id !== -1; id = cursor.next()) {
    const start = tx.nodeProperty(tx.relationshipStart(id), pid);
    const type = store.tokens.relationshipTypes.nameOf(tx.relationshipType(id));
    found.push(`${show(start)} ${type} ${show(tx.relationshipProperty(id, since) ?? '-')}`);
  }
  tx.rollback();
  assert.deepEqual(found, ['1 ACTED_IN 1995', '2 DIRECTED 1996', '1 KNOWS -']);
  assert.deepEqual([result.nodes, result.relationships, result.properties], [3, 3, 8]);
});

test('integer ids match numerically and are stored as INTEGER', async () => {
  const users = file('id:ID,name\n007,Bond\n');
  const links = file(':START_ID,:END_ID,since:int\n7,7,1962\n');
  const { store } = await load(
    { nodes: [{ labels: [], files: [users] }], relationships: [{ type: 'SELF', files: [links] }] },
    { idType: 'integer' },
  );
  assert.deepEqual(nodes(store)[0]?.properties, { id: 7n, name: 'Bond' });
  assert.deepEqual(relationships(store), ['7-SELF->7 1962']);
});

test('actual ids are the node ids', async () => {
  const users = file(':ID,name\n5,five\n2,two\n');
  const links = file(':START_ID,:END_ID\n5,2\n');
  const { store } = await load(
    { nodes: [{ labels: [], files: [users] }], relationships: [{ type: 'R', files: [links] }] },
    { idType: 'actual' },
  );
  const tx = store.begin({ readOnly: true });
  assert.equal(tx.nodeProperty(5, store.tokens.propertyKeys.idOf('name') ?? -1), 'five');
  assert.equal(tx.relationshipStart(0), 5);
  assert.equal(tx.relationshipEnd(0), 2);
  tx.rollback();
});

test('bad rows are reported with file and line, skipped, and counted', async () => {
  const users = file('id:ID,age:int\n1,30\n2,old\n3\n4,40,extra\n"5,50\n6,60\n');
  const { store, result, report } = await load({
    nodes: [{ labels: [], files: [users] }],
    relationships: [],
  });
  assert.deepEqual(
    nodes(store).map((node) => node.properties['id']),
    ['1', '6'],
  );
  assert.deepEqual(report, [
    `${users}:3: age: 'old' is not a valid int`,
    `${users}:4: 1 field, the header has 2`,
    `${users}:5: 3 fields, the header has 2`,
    `${users}:6: line break inside a quoted field (unterminated quote, or use --multiline-fields)`,
  ]);
  assert.equal(result.badRows, 4);
  assert.deepEqual(result.badRowCounts, { format: 4, 'duplicate-node': 0, 'missing-node': 0 });
});

test('a relationship to a missing node stops the import unless such rows are skipped', async () => {
  const users = file('id:ID\n1\n');
  const links = file(':START_ID,:END_ID\n1,1\n1,9\n');
  const inputs: ImportInputs = {
    nodes: [{ labels: [], files: [users] }],
    relationships: [{ type: 'R', files: [links] }],
  };
  await assert.rejects(
    load(inputs),
    /Import stopped: .*:3: end node '9' does not exist \(use --skip-bad-relationships/,
  );
  const { result, report } = await load(inputs, { skipBadRelationships: true });
  assert.equal(result.relationships, 1);
  assert.deepEqual(result.badRowCounts, { format: 0, 'duplicate-node': 0, 'missing-node': 1 });
  assert.deepEqual(report, [`${links}:3: end node '9' does not exist`]);
});

test('a duplicate node id stops the import unless duplicates are skipped, and the first one wins', async () => {
  const users = file('id:ID(U),name\n1,first\n1,second\n');
  const inputs: ImportInputs = { nodes: [{ labels: [], files: [users] }], relationships: [] };
  await assert.rejects(load(inputs), /duplicate node id '1' in group 'U' \(use --skip-duplicate-nodes/);
  const { store, result } = await load(inputs, { skipDuplicateNodes: true });
  assert.deepEqual(
    nodes(store).map((node) => node.properties['name']),
    ['first'],
  );
  assert.equal(result.badRows, 1);
});

test('more bad rows than the tolerance stop the import', async () => {
  const users = file('id:ID,n:int\n1,x\n2,y\n3,z\n');
  const inputs: ImportInputs = { nodes: [{ labels: [], files: [users] }], relationships: [] };
  await assert.rejects(
    load(inputs, { badTolerance: 2 }),
    /too many bad rows: 3 is more than --bad-tolerance=2/,
  );
  const { result } = await load(inputs, { badTolerance: 3 });
  assert.equal(result.badRows, 3);
});

test('the import is the first commit of the store, and transactions read and write after it', async () => {
  const users = file(`id:ID\n${Array.from({ length: 10 }, (_, index) => String(index)).join('\n')}\n`);
  const links = file(':START_ID,:END_ID\n0,1\n1,2\n');
  const { store } = await load(
    { nodes: [{ labels: ['N'], files: [users] }], relationships: [{ type: 'R', files: [links] }] },
    {},
  );
  assert.equal(store.lastCommitTs, 1);
  assert.equal(store.countNodes(store.tokens.labels.idOf('N')), 10);
  const tx = store.begin();
  const created = tx.createNode([store.tokens.labels.idOf('N') ?? -1]);
  tx.createRelationship(store.tokens.relationshipTypes.idOf('R') ?? -1, created, 0);
  await tx.commit();
  assert.equal(store.lastCommitTs, 2);
  assert.equal(created, 10, 'new nodes take ids after the imported ones');
  assert.deepEqual(store.verifyConsistency(), []);
  const read = store.begin({ readOnly: true });
  const cursor = read.scanRelationships();
  let count = 0;
  while (cursor.next() !== -1) count++;
  read.rollback();
  assert.equal(count, 3);
});

test('an invalid header or a missing file stops the import with the file named', async () => {
  const bad = file('a:integer\n1\n');
  await assert.rejects(
    load({ nodes: [{ labels: [], files: [bad] }], relationships: [] }),
    /Invalid header in .*: 'a:integer': unknown type 'integer'/,
  );
  await assert.rejects(
    load({ nodes: [{ labels: [], files: [join(directory, 'absent.csv')] }], relationships: [] }),
    /Cannot read .*absent\.csv/,
  );
  const empty = file('');
  await assert.rejects(
    load({ nodes: [{ labels: [], files: [empty] }], relationships: [] }),
    /there is no header line/,
  );
});

test('a store that holds data, or ever committed anything, is refused', async () => {
  const store = new GraphStore();
  const tx = store.begin();
  const id = tx.createNode([]);
  await tx.commit();
  const none = { nodes: [], relationships: [] };
  const hooks = { report: { write: () => undefined } };
  await assert.rejects(importGraph(store, none, SETTINGS, hooks), /needs an empty database/);
  const removal = store.begin();
  removal.deleteNode(id);
  await removal.commit();
  store.collectGarbage();
  assert.equal(store.countNodes(), 0);
  await assert.rejects(importGraph(store, none, SETTINGS, hooks), /needs an empty database/);
});
