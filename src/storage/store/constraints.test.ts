import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DatabaseError } from '../../errors/index.js';
import { TestGraph } from '../../../test/storage/fixtures.js';
import type { CommitRecord } from '../commit-log.js';

const VIOLATION = 'Neo.ClientError.Schema.ConstraintValidationFailed';

test('a uniqueness constraint rejects commits that would duplicate a value, within and across transactions', async () => {
  const graph = new TestGraph();
  const [person, name] = [graph.label('Person'), graph.key('name')];
  const descriptor = await graph.store.createConstraint({
    name: 'unique_name',
    kind: 'UNIQUENESS',
    entity: 'NODE',
    token: person,
    properties: [name],
  });
  assert.equal(descriptor.type, 'NODE_PROPERTY_UNIQUENESS');
  assert.equal(descriptor.ownedIndex, 'unique_name');
  const first = graph.store.begin();
  const alice = first.createNode([person], [[name, 'Alice']]);
  first.createNode([person], [[name, 'Bob']]);
  first.createNode([graph.label('Other')], [[name, 'Alice']]);
  await first.commit();

  const duplicate = graph.store.begin();
  duplicate.createNode([person], [[name, 'Alice']]);
  await assert.rejects(async () => duplicate.commit(), {
    code: VIOLATION,
    message: `Node(${alice}) already exists with label \`Person\` and property \`name\` = 'Alice'`,
  });
  const twice = graph.store.begin();
  twice.createNode([person], [[name, 'Cy']]);
  twice.createNode([person], [[name, 'Cy']]);
  await assert.rejects(async () => twice.commit(), { code: VIOLATION });
  const update = graph.store.begin();
  const bob = update.createNode([person], [[name, 'Dee']]);
  update.setNodeProperty(bob, name, 'Alice');
  await assert.rejects(async () => update.commit(), { code: VIOLATION });
  const relabel = graph.store.begin();
  const stranger = relabel.createNode([], [[name, 'Alice']]);
  relabel.addLabel(stranger, person);
  await assert.rejects(async () => relabel.commit(), { code: VIOLATION });

  const swap = graph.store.begin();
  swap.deleteNode(alice);
  swap.createNode([person], [[name, 'Alice']]);
  await swap.commit();
});

test('uniqueness follows Cypher equality: 1 and 1.0 collide', async () => {
  const graph = new TestGraph();
  const [label, key] = [graph.label('L'), graph.key('k')];
  await graph.store.createConstraint({ kind: 'UNIQUENESS', entity: 'NODE', token: label, properties: [key] });
  const tx = graph.store.begin();
  tx.createNode([label], [[key, 1n]]);
  await tx.commit();
  const other = graph.store.begin();
  other.createNode([label], [[key, 1.0]]);
  await assert.rejects(async () => other.commit(), { code: VIOLATION });
});

test('concurrent inserts of one unique value: the first committer wins; a committing one makes others retry', async () => {
  const releases: (() => void)[] = [];
  const graph = new TestGraph({
    commitLog: { append: () => new Promise<void>((resolve) => releases.push(resolve)) },
  });
  const [label, key] = [graph.label('L'), graph.key('k')];
  const created = graph.store.createConstraint({
    kind: 'UNIQUENESS',
    entity: 'NODE',
    token: label,
    properties: [key],
  });
  releases.shift()?.();
  await created;
  const [t1, t2, t3] = [graph.store.begin(), graph.store.begin(), graph.store.begin()];
  const first = t1.createNode([label], [[key, 'x']]);
  t2.createNode([label], [[key, 'x']]);
  t3.createNode([label], [[key, 'x']]);
  // t1 validates while t2 and t3 are merely running: they will be checked when they commit.
  const committing = t1.commit();
  // t1 is being logged: t2 cannot be checked against it yet, so it gets a transient conflict.
  await assert.rejects(async () => t2.commit(), { code: 'Neo.TransientError.Transaction.DeadlockDetected' });
  releases.shift()?.();
  await committing;
  await assert.rejects(async () => t3.commit(), {
    code: VIOLATION,
    message: `Node(${first}) already exists with label \`L\` and property \`k\` = 'x'`,
  });
});

test("uniqueness ignores a concurrent writer's uncommitted change but not the committed value under it", async () => {
  const graph = new TestGraph();
  const [label, key] = [graph.label('L'), graph.key('k')];
  await graph.store.createConstraint({ kind: 'UNIQUENESS', entity: 'NODE', token: label, properties: [key] });
  const setup = graph.store.begin();
  const x = setup.createNode([label], [[key, 'x']]);
  await setup.commit();
  const renamer = graph.store.begin();
  renamer.setNodeProperty(x, key, 'y');
  const inserter = graph.store.begin();
  inserter.createNode([label], [[key, 'x']]);
  await assert.rejects(
    async () => inserter.commit(),
    { code: VIOLATION },
    'x is still committed under the rename',
  );
  const claimer = graph.store.begin();
  claimer.createNode([label], [[key, 'y']]);
  await claimer.commit();
  await assert.rejects(
    async () => renamer.commit(),
    { code: VIOLATION },
    'y was taken by a commit after the rename',
  );
});

test('existence constraints require the property on every node with the label and every relationship of the type', async () => {
  const graph = new TestGraph();
  const [person, name, knows, since] = [
    graph.label('Person'),
    graph.key('name'),
    graph.type('KNOWS'),
    graph.key('since'),
  ];
  await graph.store.createConstraint({
    kind: 'EXISTENCE',
    entity: 'NODE',
    token: person,
    properties: [name],
  });
  await graph.store.createConstraint({
    kind: 'EXISTENCE',
    entity: 'RELATIONSHIP',
    token: knows,
    properties: [since],
  });
  const missing = graph.store.begin();
  const id = missing.createNode([person]);
  await assert.rejects(async () => missing.commit(), {
    code: VIOLATION,
    gqlStatus: '22N77',
    message: `Node(${id}) with label \`Person\` must have the property \`name\``,
  });
  const ok = graph.store.begin();
  const ann = ok.createNode([person], [[name, 'Ann']]);
  const plain = ok.createNode([]);
  const r = ok.createRelationship(knows, ann, plain, [[since, 1n]]);
  await ok.commit();
  const remove = graph.store.begin();
  remove.removeNodeProperty(ann, name);
  await assert.rejects(async () => remove.commit(), { code: VIOLATION });
  const label = graph.store.begin();
  label.addLabel(plain, person);
  await assert.rejects(async () => label.commit(), { code: VIOLATION });
  const rel = graph.store.begin();
  rel.setRelationshipProperty(r, since, null);
  await assert.rejects(async () => rel.commit(), {
    message: `Relationship(${r}) with type \`KNOWS\` must have the property \`since\``,
  });
  const unlabel = graph.store.begin();
  unlabel.removeNodeProperty(ann, name);
  unlabel.removeLabel(ann, person);
  await unlabel.commit();
});

test('a node key needs every property and unique combinations', async () => {
  const graph = new TestGraph();
  const [person, first, last] = [graph.label('Person'), graph.key('first'), graph.key('last')];
  const key = await graph.store.createConstraint({
    kind: 'KEY',
    entity: 'NODE',
    token: person,
    properties: [first, last],
  });
  assert.equal(key.type, 'NODE_KEY');
  const partial = graph.store.begin();
  const id = partial.createNode([person], [[first, 'Ada']]);
  await assert.rejects(async () => partial.commit(), {
    message: `Node(${id}) with label \`Person\` must have the properties (\`first\`, \`last\`)`,
  });
  const tx = graph.store.begin();
  const ada = tx.createNode(
    [person],
    [
      [first, 'Ada'],
      [last, 'L'],
    ],
  );
  tx.createNode(
    [person],
    [
      [first, 'Ada'],
      [last, 'B'],
    ],
  );
  await tx.commit();
  const clash = graph.store.begin();
  clash.createNode(
    [person],
    [
      [last, 'L'],
      [first, 'Ada'],
    ],
  );
  await assert.rejects(async () => clash.commit(), {
    message: `Node(${ada}) already exists with label \`Person\` and properties \`first\` = 'Ada', \`last\` = 'L'`,
  });
});

test('property type constraints accept the listed types and absent values only', async () => {
  const graph = new TestGraph();
  const [label, age, tags] = [graph.label('L'), graph.key('age'), graph.key('tags')];
  await graph.store.createConstraint({
    kind: 'PROPERTY_TYPE',
    entity: 'NODE',
    token: label,
    properties: [age],
    types: ['INTEGER', 'FLOAT'],
  });
  await graph.store.createConstraint({
    kind: 'PROPERTY_TYPE',
    entity: 'NODE',
    token: label,
    properties: [tags],
    types: ['LIST<STRING NOT NULL>'],
  });
  const ok = graph.store.begin();
  ok.createNode([label], [[age, 3n]]);
  ok.createNode(
    [label],
    [
      [age, 3.5],
      [tags, ['a']],
    ],
  );
  ok.createNode([label], [[tags, []]]);
  ok.createNode([label]);
  await ok.commit();
  const wrong = graph.store.begin();
  const id = wrong.createNode([label], [[age, 'old']]);
  await assert.rejects(async () => wrong.commit(), {
    code: VIOLATION,
    gqlStatus: '22N78',
    message: `Node(${id}) with label \`L\` required the property \`age\` to be of type \`INTEGER | FLOAT\`, but was of type \`STRING\`.`,
  });
  const list = graph.store.begin();
  list.createNode([label], [[tags, [1n]]]);
  await assert.rejects(async () => list.commit(), {
    message: /to be of type `LIST<STRING NOT NULL>`, but was of type `LIST<INTEGER NOT NULL>`/,
  });
});

test('a constraint cannot be created while committed data violates it', async () => {
  const graph = new TestGraph();
  const [person, name] = [graph.label('Person'), graph.key('name')];
  const tx = graph.store.begin();
  const [a, b] = [tx.createNode([person], [[name, 'Ann']]), tx.createNode([person], [[name, 'Ann']])];
  const c = tx.createNode([person]);
  await tx.commit();
  await assert.rejects(
    graph.store.createConstraint({
      name: 'u',
      kind: 'UNIQUENESS',
      entity: 'NODE',
      token: person,
      properties: [name],
    }),
    {
      code: 'Neo.DatabaseError.Schema.ConstraintCreationFailed',
      message: `Unable to create Constraint( name='u', type='NODE_PROPERTY_UNIQUENESS', schema=(:Person {name}) ):\nBoth Node(${a}) and Node(${b}) have the label \`Person\` and property \`name\` = 'Ann'`,
    },
  );
  await assert.rejects(
    graph.store.createConstraint({ kind: 'EXISTENCE', entity: 'NODE', token: person, properties: [name] }),
    {
      message: new RegExp(`Node\\(${c}\\) with label \`Person\` must have the property \`name\``),
    },
  );
  assert.deepEqual(graph.store.constraints(), []);
  assert.deepEqual(graph.store.indexes(), [], 'no index left behind');
  const fix = graph.store.begin();
  fix.setNodeProperty(b, name, 'Bea');
  fix.setNodeProperty(c, name, 'Cy');
  await fix.commit();
  await graph.store.createConstraint({
    kind: 'UNIQUENESS',
    entity: 'NODE',
    token: person,
    properties: [name],
  });
  await graph.store.createConstraint({
    kind: 'EXISTENCE',
    entity: 'NODE',
    token: person,
    properties: [name],
  });
  assert.equal(graph.store.constraints().length, 2);
});

test('a transaction that ran before a constraint existed is checked against it at commit', async () => {
  const graph = new TestGraph();
  const [label, key] = [graph.label('L'), graph.key('k')];
  const early = graph.store.begin();
  early.createNode([label]);
  await graph.store.createConstraint({ kind: 'EXISTENCE', entity: 'NODE', token: label, properties: [key] });
  await assert.rejects(async () => early.commit(), { code: VIOLATION });
});

test('relationship uniqueness and key constraints', async () => {
  const graph = new TestGraph();
  const [type, key] = [graph.type('T'), graph.key('k')];
  const constraint = await graph.store.createConstraint({
    kind: 'KEY',
    entity: 'RELATIONSHIP',
    token: type,
    properties: [key],
  });
  assert.equal(constraint.type, 'RELATIONSHIP_KEY');
  const tx = graph.store.begin();
  const n = tx.createNode([]);
  const r = tx.createRelationship(type, n, n, [[key, 1n]]);
  await tx.commit();
  const clash = graph.store.begin();
  clash.createRelationship(type, n, n, [[key, 1n]]);
  await assert.rejects(async () => clash.commit(), {
    message: `Relationship(${r}) already exists with type \`T\` and property \`k\` = 1`,
  });
});

test('constraint management errors, drops and commit records', async () => {
  const records: CommitRecord[] = [];
  const graph = new TestGraph({ commitLog: { append: (record) => void records.push(record) } });
  const [label, key] = [graph.label('L'), graph.key('k')];
  await graph.store.createConstraint({
    name: 'c',
    kind: 'UNIQUENESS',
    entity: 'NODE',
    token: label,
    properties: [key],
  });
  await assert.rejects(
    graph.store.createConstraint({
      name: 'd',
      kind: 'UNIQUENESS',
      entity: 'NODE',
      token: label,
      properties: [key],
    }),
    {
      code: 'Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists',
      gqlStatus: '22N65',
    },
  );
  await assert.rejects(
    graph.store.createConstraint({
      name: 'c',
      kind: 'EXISTENCE',
      entity: 'NODE',
      token: label,
      properties: [key],
    }),
    {
      code: 'Neo.ClientError.Schema.ConstraintWithNameAlreadyExists',
    },
  );
  await assert.rejects(graph.store.dropIndex('c'), (error: unknown) => {
    assert.ok(error instanceof DatabaseError);
    assert.equal(error.code, 'Neo.DatabaseError.Schema.IndexDropFailed');
    assert.equal(error.gqlStatus, '50N10');
    assert.equal(error.gqlCause?.code, '22NBC');
    assert.equal(error.message, 'Unable to drop index: Index belongs to constraint: `c`');
    return true;
  });
  await graph.store.dropConstraint('c');
  assert.deepEqual(graph.store.indexes(), []);
  await assert.rejects(graph.store.dropConstraint('c'), {
    code: 'Neo.ClientError.Schema.ConstraintNotFound',
  });
  assert.deepEqual(
    records.map((record) => record.changes[0]?.kind),
    ['CreateConstraint', 'DropConstraint'],
  );
  assert.deepEqual(records[0]?.changes[0], {
    kind: 'CreateConstraint',
    constraint: { name: 'c', kind: 'UNIQUENESS', entity: 'NODE', token: label, properties: [key] },
  });
  const tx = graph.store.begin();
  tx.createNode([label], [[key, 1n]]);
  tx.createNode([label], [[key, 1n]]);
  await tx.commit();
});

test('under random concurrent writers, committed data never breaks a uniqueness constraint', async () => {
  const { default: fc } = await import('fast-check');
  const { interleave } = await import('../../../test/storage/interleave.js');
  interface Step {
    kind: 'create' | 'update';
    target: number;
    value: bigint;
  }
  const step = fc.record({
    kind: fc.constantFrom<'create' | 'update'>('create', 'update'),
    target: fc.nat(9),
    value: fc.bigInt(0n, 4n),
  });
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.array(step, { minLength: 1, maxLength: 3 }), { minLength: 2, maxLength: 8 }),
      fc.nat(),
      async (programs, seed) => {
        const graph = new TestGraph();
        const [label, key] = [graph.label('L'), graph.key('k')];
        await graph.store.createConstraint({
          kind: 'UNIQUENESS',
          entity: 'NODE',
          token: label,
          properties: [key],
        });
        const setup = graph.store.begin();
        const nodes = [setup.createNode([label], [[key, 100n]]), setup.createNode([label])];
        await setup.commit();
        const result = await interleave(
          graph.store,
          programs.map(
            (steps: Step[]) =>
              function* writer(tx) {
                for (const { kind, target, value } of steps) {
                  if (kind === 'create') tx.createNode([label], [[key, value]]);
                  else tx.setNodeProperty(nodes[target % nodes.length] ?? 0, key, value);
                  yield;
                }
                return 'commit';
              },
          ),
          seed,
        );
        const check = graph.store.begin();
        const values: bigint[] = [];
        const cursor = check.scanNodesByLabel(label);
        for (let id = cursor.next(); id !== -1; id = cursor.next()) {
          const value = check.nodeProperty(id, key);
          if (typeof value === 'bigint') values.push(value);
        }
        assert.equal(new Set(values).size, values.length, `duplicates in ${values.join(',')}`);
        assert.equal(result.committed + result.violations + result.gaveUp, programs.length);
      },
    ),
    { numRuns: 150 },
  );
});
