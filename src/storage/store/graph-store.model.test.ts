/**
 * Model-based test: random sequences of operations over up to four concurrent transactions (begin, writes,
 * reads through both views, commit, rollback) run against the store and against a reference model that
 * implements snapshot isolation the obvious way: a transaction copies the committed graph when it begins,
 * writes into its copy, and on commit copies the entities it wrote back; first-updater-wins conflicts come
 * from a table of who wrote what and when. Every read and every outcome (ok, EntityNotFound, conflict,
 * constraint failure, serialization failure) must agree, and ids must be the ones the model predicts.
 *
 * Serializable validation is modelled as its rule states it, with named items instead of logs: each
 * operation adds the items it reads to the transaction's reads and the items it changes to its changes
 * (`n5` node 5, `adj5` node 5's relationships and existence, `r3`, `allN`/`allR` full scans, `label0`,
 * `type1`, `lk0:1` property key 1 on nodes labelled 0, `tk0:1` the same for relationship type 0). A
 * transaction that wrote something fails to commit when a commit after its snapshot changed an item it read.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { collect, neighbours, TestGraph } from '../../../test/storage/fixtures.js';
import type { Direction, StoreTransaction, View } from '../index.js';

const SLOTS = 4;
const LABELS = [0, 1];
const KEYS = [0, 1];
const TYPES = [0, 1];

interface NodeState {
  labels: Set<number>;
  props: Map<number, bigint>;
}
interface RelState {
  type: number;
  start: number;
  end: number;
  props: Map<number, bigint>;
}
interface Graph {
  nodes: Map<number, NodeState>;
  rels: Map<number, RelState>;
}

function copyGraph(graph: Graph): Graph {
  return {
    nodes: new Map(
      [...graph.nodes].map(([id, n]) => [id, { labels: new Set(n.labels), props: new Map(n.props) }]),
    ),
    rels: new Map([...graph.rels].map(([id, r]) => [id, { ...r, props: new Map(r.props) }])),
  };
}

interface TxModel {
  readonly start: number;
  old: Graph;
  current: Graph;
  readonly writes: Set<string>;
  readonly createdRels: Set<number>;
  /** Items read and items changed, for serializable validation (see the header). */
  readonly reads: Set<string>;
  readonly changes: Set<string>;
}

type Outcome = 'ok' | 'notFound' | 'conflict';

class Model {
  committed: Graph = { nodes: new Map(), rels: new Map() };
  commits = 0;
  readonly lastCommit = new Map<string, number>();
  readonly txs: (TxModel | undefined)[] = [];
  nextNode = 0;
  nextRel = 0;
  /** Endpoints of every relationship that exists in some version (aborted ones are forgotten). */
  readonly relEndpoints = new Map<number, [number, number]>();
  /** The items each data commit changed, with its timestamp. */
  readonly history: { readonly ts: number; readonly changes: ReadonlySet<string> }[] = [];

  /** Serializable validation: a commit after the snapshot changed an item the transaction read. */
  readConflict(slot: number): boolean {
    const tx = this.txs[slot]!;
    return this.history.some(
      ({ ts, changes }) => ts > tx.start && [...tx.reads].some((item) => changes.has(item)),
    );
  }

  /** First updater wins: another running writer, or a commit after the snapshot. */
  conflicts(slot: number, key: string): boolean {
    const tx = this.txs[slot]!;
    const otherWriter = this.txs.some(
      (other, index) => other !== undefined && index !== slot && other.writes.has(key),
    );
    return otherWriter || (this.lastCommit.get(key) ?? 0) > tx.start;
  }

  /** Whether node `n` is deleted in its newest version by someone `slot` cannot see. */
  deletedConcurrently(slot: number, n: number): boolean {
    const tx = this.txs[slot]!;
    const byRunning = this.txs.some(
      (other, index) =>
        other !== undefined && index !== slot && other.writes.has(`n${n}`) && !other.current.nodes.has(n),
    );
    const byLater = !this.committed.nodes.has(n) && (this.lastCommit.get(`n${n}`) ?? 0) > tx.start;
    return byRunning || byLater;
  }

  end(slot: number): void {
    this.txs[slot] = undefined;
  }

  rollback(slot: number): void {
    for (const rel of this.txs[slot]!.createdRels) this.relEndpoints.delete(rel);
    this.end(slot);
  }
}

class Real {
  readonly graph = new TestGraph({ indexPopulation: 'MANUAL' });
  readonly txs: (StoreTransaction | undefined)[] = [];

  constructor() {
    for (const name of ['A', 'B']) this.graph.label(name);
    for (const name of ['x', 'y']) this.graph.key(name);
    for (const name of ['R', 'S']) this.graph.type(name);
  }

  /** Indexes that exist from the start (empty, so ONLINE at once). */
  async createIndexes(): Promise<void> {
    await this.graph.store.createIndex({ name: 'ax', entity: 'NODE', token: 0, properties: [0] });
    await this.graph.store.createIndex({ name: 'bxy', entity: 'NODE', token: 1, properties: [0, 1] });
    await this.graph.store.createIndex({ name: 'ry', entity: 'RELATIONSHIP', token: 0, properties: [1] });
  }
}

/** Model answer for a node index seek: matching ids in key order (value, then id). */
function expectedNodeSeek(
  graph: Graph,
  label: number,
  keys: number[],
  match: (values: bigint[]) => boolean,
): number[] {
  return [...graph.nodes]
    .filter(([, n]) => n.labels.has(label) && keys.every((key) => n.props.has(key)))
    .map(([id, n]) => ({ id, values: keys.map((key) => n.props.get(key) ?? 0n) }))
    .filter(({ values }) => match(values))
    .sort((a, b) => compareTuples(a.values, b.values) || a.id - b.id)
    .map(({ id }) => id);
}

function compareTuples(a: bigint[], b: bigint[]): number {
  for (let index = 0; index < a.length; index++) {
    const [x, y] = [a[index] ?? 0n, b[index] ?? 0n];
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Compares index seeks with the model for one view. */
function checkSeeks(real: Real, realTx: StoreTransaction, graph: Graph, view: View, where: string): void {
  for (let value = 0n; value <= 3n; value++) {
    assert.deepEqual(
      collect(realTx.seekNodes('ax', { kind: 'EQUALS', values: [value] }, view)),
      expectedNodeSeek(graph, 0, [0], ([x]) => x === value),
      `${where} ax = ${value}`,
    );
    assert.deepEqual(
      collect(realTx.seekNodes('bxy', { kind: 'EQUALS', values: [value] }, view)),
      expectedNodeSeek(graph, 1, [0, 1], ([x]) => x === value),
      `${where} bxy = ${value}`,
    );
    const rels = [...graph.rels]
      .filter(([, r]) => r.type === 0 && r.props.get(1) === value)
      .map(([id]) => id)
      .sort((a, b) => a - b);
    assert.deepEqual(
      collect(realTx.seekRelationships('ry', { kind: 'EQUALS', values: [value] }, view)),
      rels,
      `${where} ry = ${value}`,
    );
  }
  const range = {
    kind: 'RANGE',
    lower: { value: 1n, inclusive: true },
    upper: { value: 2n, inclusive: true },
  } as const;
  assert.deepEqual(
    collect(realTx.seekNodes('ax', range, view)),
    expectedNodeSeek(graph, 0, [0], ([x]) => x !== undefined && x >= 1n && x <= 2n),
    `${where} ax range`,
  );
  assert.deepEqual(
    collect(realTx.seekNodes('bxy', { kind: 'EXISTS' }, view)),
    expectedNodeSeek(graph, 1, [0, 1], () => true),
    `${where} bxy exists`,
  );
  if (real.graph.store.index('late')?.state === 'ONLINE') {
    assert.deepEqual(
      collect(realTx.seekNodes('late', { kind: 'EXISTS' }, view)),
      expectedNodeSeek(graph, 1, [0], () => true),
      `${where} late exists`,
    );
  }
}

/** Runs `operation` and classifies how it ended. */
function outcome(operation: () => void): Outcome {
  try {
    operation();
    return 'ok';
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    if (error.name === 'EntityNotFoundError') return 'notFound';
    if (error.name === 'TransactionConflictError') return 'conflict';
    throw error;
  }
}

/** The model's verdict on a write of `key` by `slot`, with `visible` telling whether the target exists. */
function verdict(model: Model, slot: number, visible: boolean, key: string): Outcome {
  if (!visible) return 'notFound';
  return model.conflicts(slot, key) ? 'conflict' : 'ok';
}

/**
 * The target of a command: mostly an entity the transaction can see (so writes do something), sometimes any
 * id ever handed out (so invisible and deleted ones are tried too). Odd indexes pick from all ids.
 */
function pick(visible: Iterable<number>, count: number, index: number): number {
  const list = index % 5 === 4 ? range(count) : [...visible];
  return list.length === 0 ? index : (list[Math.floor(index / 5) % list.length] ?? index);
}

type Command = fc.AsyncCommand<Model, Real>;

/** A command on a running transaction in `slot`; `body` returns nothing, the shared plumbing does the rest. */
function onTransaction(
  slot: number,
  label: string,
  body: (model: Model, real: Real, tx: TxModel, realTx: StoreTransaction) => void | Promise<void>,
): Command {
  return {
    check: (model) => model.txs[slot] !== undefined,
    run: async (model, real) => {
      await body(model, real, model.txs[slot]!, real.txs[slot]!);
    },
    toString: () => label,
  };
}

/** Compares an actual outcome with the model's; a conflict also ends the transaction in both. */
function settle(
  model: Model,
  real: Real,
  slot: number,
  expected: Outcome,
  actual: Outcome,
  label: string,
): boolean {
  assert.equal(actual, expected, label);
  if (expected === 'conflict') {
    model.rollback(slot);
    real.txs[slot] = undefined;
  }
  return expected === 'ok';
}

/** Records items a write changed (see the header). */
function change(tx: TxModel, ...items: string[]): void {
  for (const item of items) tx.changes.add(item);
}

/**
 * The value-precise seek items of a node version: index `ax` (label 0, key 0) is sought by value, so a
 * change only conflicts with seeks of the values the node had in it before or after the change.
 */
function axItems(node: NodeState | undefined): string[] {
  const value = node?.labels.has(0) === true ? node.props.get(0) : undefined;
  return value === undefined ? [] : [`ax=${value}`];
}

/** The same for index `ry` (type 0, key 1). */
function ryItems(rel: RelState | undefined): string[] {
  const value = rel?.type === 0 ? rel.props.get(1) : undefined;
  return value === undefined ? [] : [`ry=${value}`];
}

function copyNode(node: NodeState | undefined): NodeState | undefined {
  return node === undefined ? undefined : { labels: new Set(node.labels), props: new Map(node.props) };
}

/** What creating or deleting relationship `r` changes. */
function relationshipItems(r: number, rel: Pick<RelState, 'type' | 'start' | 'end'>): string[] {
  return [`r${r}`, `adj${rel.start}`, `adj${rel.end}`, 'allR', `type${rel.type}`];
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index);
}

function begin(slot: number): Command {
  return {
    check: (model) => model.txs[slot] === undefined,
    run: (model, real) => {
      const snapshot = copyGraph(model.committed);
      model.txs[slot] = {
        start: model.commits,
        old: snapshot,
        current: copyGraph(snapshot),
        writes: new Set(),
        createdRels: new Set(),
        reads: new Set(),
        changes: new Set(),
      };
      real.txs[slot] = real.graph.store.begin();
      assert.equal(real.txs[slot].snapshotTs, model.commits);
      return Promise.resolve();
    },
    toString: () => `begin(${slot})`,
  };
}

function createNode(slot: number, labels: number[], value: bigint | undefined): Command {
  return onTransaction(
    slot,
    `createNode(${slot}, [${labels.join(',')}], ${String(value)})`,
    (model, _real, tx, realTx) => {
      const id = model.nextNode++;
      tx.current.nodes.set(id, {
        labels: new Set(labels),
        props: new Map(value === undefined ? [] : [[0, value]]),
      });
      tx.writes.add(`n${id}`);
      change(tx, `n${id}`, `adj${id}`, 'allN', ...labels.map((l) => `label${l}`));
      change(tx, ...axItems(tx.current.nodes.get(id)));
      assert.equal(realTx.createNode(labels, value === undefined ? [] : [[0, value]]), id);
    },
  );
}

type NodeWrite = 'set' | 'remove' | 'addLabel' | 'removeLabel' | 'lock';

/** A write to one node: set or remove a property, add or remove a label, or lock it. */
function writeNode(slot: number, pickIndex: number, kind: NodeWrite, arg: number, value: bigint): Command {
  const label = `${kind}Node(${slot}, #${pickIndex}, ${arg}, ${value})`;
  return onTransaction(slot, label, (model, real, tx, realTx) => {
    const n = pick(tx.current.nodes.keys(), model.nextNode, pickIndex);
    const node = tx.current.nodes.get(n);
    tx.reads.add(`n${n}`);
    const expected = verdict(model, slot, node !== undefined, `n${n}`);
    const actual = outcome(() => {
      if (kind === 'set') realTx.setNodeProperty(n, arg, value);
      else if (kind === 'remove') realTx.removeNodeProperty(n, arg);
      else if (kind === 'addLabel') realTx.addLabel(n, arg);
      else if (kind === 'removeLabel') realTx.removeLabel(n, arg);
      else realTx.lockNode(n);
    });
    if (!settle(model, real, slot, expected, actual, label) || node === undefined) return;
    let changed = true;
    const before = copyNode(node);
    const onKey = [...node.labels].map((l) => `lk${l}:${arg}`);
    if (kind === 'set') node.props.set(arg, value);
    else if (kind === 'remove') changed = node.props.delete(arg);
    else if (kind === 'addLabel') changed = !node.labels.has(arg) && node.labels.add(arg).size > 0;
    else if (kind === 'removeLabel') changed = node.labels.delete(arg);
    if (changed) tx.writes.add(`n${n}`);
    if (!changed || kind === 'lock') return;
    // A write of key 0 (even of the same value) or a change of label 0 touches the node's `ax` entries
    // (`ax` is label 0, key 0; `arg` is the key of a property write and the label of a label change).
    if (arg === 0) change(tx, ...axItems(before), ...axItems(node));
    if (kind === 'set' || kind === 'remove') change(tx, `n${n}`, ...onKey);
    else change(tx, `n${n}`, `label${arg}`);
  });
}

function deleteNode(slot: number, pickIndex: number, detach: boolean): Command {
  const label = `${detach ? 'detachDelete' : 'delete'}Node(${slot}, #${pickIndex})`;
  return onTransaction(slot, label, (model, real, tx, realTx) => {
    const n = pick(tx.current.nodes.keys(), model.nextNode, pickIndex);
    tx.reads.add(`n${n}`);
    if (detach) tx.reads.add(`adj${n}`);
    let expected: Outcome = tx.current.nodes.has(n) ? 'ok' : 'notFound';
    const attached = [...tx.current.rels].filter(([, r]) => r.start === n || r.end === n).map(([id]) => id);
    if (expected === 'ok') {
      const relConflict = detach && attached.some((r) => model.conflicts(slot, `r${r}`));
      // Any relationship in the node's lists that a concurrent transaction touched makes the delete conflict.
      const adjacencyConflict = [...model.relEndpoints]
        .filter(([r, [start, end]]) => (start === n || end === n) && !(detach && attached.includes(r)))
        .some(([r]) => model.conflicts(slot, `r${r}`));
      if (relConflict || model.conflicts(slot, `n${n}`) || adjacencyConflict) expected = 'conflict';
    }
    const actual = outcome(() => {
      if (detach) realTx.detachDeleteNode(n);
      else realTx.deleteNode(n);
    });
    if (!settle(model, real, slot, expected, actual, label)) return;
    if (detach) {
      for (const r of attached) {
        change(tx, ...relationshipItems(r, tx.current.rels.get(r)!), ...ryItems(tx.current.rels.get(r)));
        tx.current.rels.delete(r);
        tx.writes.add(`r${r}`);
      }
    }
    const labels = [...tx.current.nodes.get(n)!.labels].map((l) => `label${l}`);
    change(tx, `n${n}`, `adj${n}`, 'allN', ...labels, ...axItems(tx.current.nodes.get(n)));
    tx.current.nodes.delete(n);
    tx.writes.add(`n${n}`);
  });
}

function createRel(slot: number, startIndex: number, endIndex: number, type: number): Command {
  const label = `createRel(${slot}, #${startIndex}, #${endIndex}, ${type})`;
  return onTransaction(slot, label, (model, real, tx, realTx) => {
    const [start, end] = [
      pick(tx.current.nodes.keys(), model.nextNode, startIndex),
      pick(tx.current.nodes.keys(), model.nextNode, endIndex),
    ];
    let expected: Outcome = 'ok';
    for (const endpoint of [start, end]) {
      if (expected !== 'ok') break;
      if (!tx.current.nodes.has(endpoint)) expected = 'notFound';
      else if (model.deletedConcurrently(slot, endpoint)) expected = 'conflict';
    }
    let id = -1;
    const actual = outcome(() => {
      id = realTx.createRelationship(type, start, end);
    });
    if (!settle(model, real, slot, expected, actual, label)) return;
    assert.equal(id, model.nextRel);
    model.nextRel++;
    tx.current.rels.set(id, { type, start, end, props: new Map() });
    change(tx, ...relationshipItems(id, { type, start, end }));
    tx.writes.add(`r${id}`);
    tx.createdRels.add(id);
    model.relEndpoints.set(id, [start, end]);
  });
}

function writeRel(slot: number, pickIndex: number, kind: 'delete' | 'set', value: bigint): Command {
  const label = `${kind}Rel(${slot}, #${pickIndex}, ${value})`;
  return onTransaction(slot, label, (model, real, tx, realTx) => {
    const r = pick(tx.current.rels.keys(), model.nextRel, pickIndex);
    const rel = tx.current.rels.get(r);
    tx.reads.add(`r${r}`);
    const expected = verdict(model, slot, rel !== undefined, `r${r}`);
    const actual = outcome(() => {
      if (kind === 'delete') realTx.deleteRelationship(r);
      else realTx.setRelationshipProperty(r, 1, value);
    });
    if (!settle(model, real, slot, expected, actual, label) || rel === undefined) return;
    if (kind === 'delete') {
      change(tx, ...relationshipItems(r, rel), ...ryItems(rel));
      tx.current.rels.delete(r);
    } else {
      const before = ryItems(rel);
      change(tx, `r${r}`, `tk${rel.type}:1`);
      rel.props.set(1, value);
      change(tx, ...before, ...ryItems(rel));
    }
    tx.writes.add(`r${r}`);
  });
}

function advanceCommand(slot: number): Command {
  return onTransaction(slot, `advanceCommand(${slot})`, (_model, _real, tx, realTx) => {
    tx.old = copyGraph(tx.current);
    realTx.advanceCommand();
  });
}

/** Compares every read the store offers with the model, through one view. */
function check(slot: number, view: View): Command {
  const where = `check(${slot}, ${view})`;
  return onTransaction(slot, where, (model, real, tx, realTx) => {
    const graph = view === 'OLD' ? tx.old : tx.current;
    const byId = (a: number, b: number): number => a - b;
    // Everything below is read: full scans, both labels and types, every id, every visible node's
    // relationships, and the indexes (label 0 with key 0, label 1 with keys 0 and 1, type 0 with key 1).
    tx.reads.add('allN');
    for (const item of ['label0', 'label1', 'type0', 'type1', 'lk0:0', 'lk1:0', 'lk1:1', 'tk0:1'])
      tx.reads.add(item);
    for (const n of range(model.nextNode)) tx.reads.add(`n${n}`);
    for (const n of graph.nodes.keys()) tx.reads.add(`adj${n}`);
    for (const r of range(model.nextRel)) tx.reads.add(`r${r}`);
    assert.deepEqual(collect(realTx.scanNodes(view)), [...graph.nodes.keys()].sort(byId), where);
    for (const label of LABELS) {
      const expected = [...graph.nodes]
        .filter(([, n]) => n.labels.has(label))
        .map(([id]) => id)
        .sort(byId);
      assert.deepEqual(collect(realTx.scanNodesByLabel(label, view)), expected, where);
    }
    for (const type of TYPES) {
      const expected = [...graph.rels]
        .filter(([, r]) => r.type === type)
        .map(([id]) => id)
        .sort(byId);
      assert.deepEqual(collect(realTx.scanRelationshipsByType(type, view)), expected, where);
    }
    for (const n of range(model.nextNode)) {
      const node = graph.nodes.get(n);
      assert.equal(realTx.nodeExists(n, view), node !== undefined, where);
      if (node === undefined) continue;
      assert.deepEqual([...realTx.nodeLabels(n, view)], [...node.labels].sort(byId), where);
      for (const key of KEYS) assert.equal(realTx.nodeProperty(n, key, view), node.props.get(key), where);
      for (const direction of ['OUTGOING', 'INCOMING', 'BOTH'] as Direction[]) {
        const expected = [...graph.rels]
          .filter(
            ([, r]) =>
              (direction !== 'INCOMING' && r.start === n) || (direction !== 'OUTGOING' && r.end === n),
          )
          .map(([id, r]) => [id, r.start === n ? r.end : r.start])
          .sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
        const actual = neighbours(realTx, n, direction, undefined, view).sort((a, b) => a[0] - b[0]);
        assert.deepEqual(actual, expected, `${where} expand ${n} ${direction}`);
      }
    }
    for (const r of range(model.nextRel)) {
      const rel = graph.rels.get(r);
      assert.equal(realTx.relationshipExists(r, view), rel !== undefined, where);
      if (rel !== undefined) assert.equal(realTx.relationshipProperty(r, 1, view), rel.props.get(1), where);
    }
    checkSeeks(real, realTx, graph, view, where);
  });
}

type ReadKind = 'node' | 'rel' | 'expand' | 'label' | 'type' | 'allNodes' | 'allRels' | 'seek';

/**
 * One narrow read, so that validation is tested item by item (`check` reads everything, which would hide a
 * missing or a needless conflict behind the other items it reads).
 */
function readOne(slot: number, kind: ReadKind, index: number, view: View): Command {
  const where = `read(${slot}, ${kind}, #${index}, ${view})`;
  return onTransaction(slot, where, (model, real, tx, realTx) => {
    const graph = view === 'OLD' ? tx.old : tx.current;
    const byId = (a: number, b: number): number => a - b;
    const ids = (entries: Iterable<[number, unknown]>): number[] => [...entries].map(([id]) => id).sort(byId);
    switch (kind) {
      case 'node': {
        const n = pick(graph.nodes.keys(), model.nextNode, index);
        tx.reads.add(`n${n}`);
        const node = graph.nodes.get(n);
        assert.equal(realTx.nodeExists(n, view), node !== undefined, where);
        if (node !== undefined)
          assert.equal(realTx.nodeProperty(n, index % 2, view), node.props.get(index % 2));
        return;
      }
      case 'rel': {
        const r = pick(graph.rels.keys(), model.nextRel, index);
        tx.reads.add(`r${r}`);
        const rel = graph.rels.get(r);
        assert.equal(realTx.relationshipExists(r, view), rel !== undefined, where);
        if (rel !== undefined) assert.equal(realTx.relationshipProperty(r, 1, view), rel.props.get(1));
        return;
      }
      case 'expand': {
        const visible = [...graph.nodes.keys()];
        const n = visible[index % Math.max(1, visible.length)];
        if (n === undefined) return;
        tx.reads.add(`adj${n}`);
        const expected = [...graph.rels]
          .filter(([, r]) => r.start === n || r.end === n)
          .map(([id, r]) => [id, r.start === n ? r.end : r.start])
          .sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
        const actual = neighbours(realTx, n, 'BOTH', undefined, view).sort((a, b) => a[0] - b[0]);
        assert.deepEqual(actual, expected, where);
        return;
      }
      case 'label':
        tx.reads.add(`label${index % 2}`);
        assert.deepEqual(
          collect(realTx.scanNodesByLabel(index % 2, view)),
          ids([...graph.nodes].filter(([, n]) => n.labels.has(index % 2))),
          where,
        );
        return;
      case 'type':
        tx.reads.add(`type${index % 2}`);
        assert.deepEqual(
          collect(realTx.scanRelationshipsByType(index % 2, view)),
          ids([...graph.rels].filter(([, r]) => r.type === index % 2)),
          where,
        );
        return;
      case 'allNodes':
        tx.reads.add('allN');
        assert.deepEqual(collect(realTx.scanNodes(view)), ids(graph.nodes), where);
        return;
      case 'allRels':
        tx.reads.add('allR');
        assert.deepEqual(collect(realTx.scanRelationships(view)), ids(graph.rels), where);
        return;
      case 'seek':
        seekOne(realTx, tx, graph, index, view, where);
        return;
    }
  });
}

/** One equality seek in one of the three indexes, recording what it reads. */
function seekOne(
  realTx: StoreTransaction,
  tx: TxModel,
  graph: Graph,
  index: number,
  view: View,
  where: string,
): void {
  const value = BigInt(index % 4);
  const query = { kind: 'EQUALS', values: [value] } as const;
  switch (index % 3) {
    case 0:
      tx.reads.add(`ax=${value}`);
      assert.deepEqual(
        collect(realTx.seekNodes('ax', query, view)),
        expectedNodeSeek(graph, 0, [0], ([x]) => x === value),
        where,
      );
      return;
    case 1:
      for (const item of ['label1', 'lk1:0', 'lk1:1']) tx.reads.add(item);
      assert.deepEqual(
        collect(realTx.seekNodes('bxy', query, view)),
        expectedNodeSeek(graph, 1, [0, 1], ([x]) => x === value),
        where,
      );
      return;
    default: {
      tx.reads.add(`ry=${value}`);
      const rels = [...graph.rels]
        .filter(([, r]) => r.type === 0 && r.props.get(1) === value)
        .map(([id]) => id)
        .sort((a, b) => a - b);
      assert.deepEqual(collect(realTx.seekRelationships('ry', query, view)), rels, where);
    }
  }
}

/** Creates an index on existing data mid-run, built by `populate` slices interleaved with everything else. */
function createLateIndex(): Command {
  return {
    check: () => true,
    run: async (model, real) => {
      if (real.graph.store.index('late') !== undefined) return;
      await real.graph.store.createIndex({ name: 'late', entity: 'NODE', token: 1, properties: [0] });
      model.commits++; // a schema change takes a commit timestamp too
    },
    toString: () => 'createLateIndex',
  };
}

function populate(budget: number): Command {
  return {
    check: () => true,
    run: (_model, real) => {
      real.graph.store.populateIndexes(budget);
      return Promise.resolve();
    },
    toString: () => `populate(${budget})`,
  };
}

function commit(slot: number): Command {
  return onTransaction(slot, `commit(${slot})`, async (model, real, tx, realTx) => {
    const violates = [...tx.writes].some((key) => {
      if (!key.startsWith('n')) return false;
      const n = Number(key.slice(1));
      return (
        !tx.current.nodes.has(n) && [...tx.current.rels.values()].some((r) => r.start === n || r.end === n)
      );
    });
    real.txs[slot] = undefined;
    if (tx.writes.size > 0 && model.readConflict(slot)) {
      await assert.rejects(async () => realTx.commit(), {
        name: 'TransactionConflictError',
        code: 'Neo.TransientError.Transaction.Outdated',
      });
      model.rollback(slot);
      return;
    }
    if (violates) {
      await assert.rejects(async () => realTx.commit(), {
        code: 'Neo.ClientError.Schema.ConstraintValidationFailed',
      });
      model.rollback(slot);
      return;
    }
    await realTx.commit();
    if (tx.writes.size > 0) {
      model.commits++;
      const committed = copyGraph(model.committed);
      for (const key of tx.writes) {
        const id = Number(key.slice(1));
        if (key.startsWith('n')) {
          const node = tx.current.nodes.get(id);
          if (node === undefined) committed.nodes.delete(id);
          else committed.nodes.set(id, node);
        } else {
          const rel = tx.current.rels.get(id);
          if (rel === undefined) committed.rels.delete(id);
          else committed.rels.set(id, rel);
        }
        model.lastCommit.set(key, model.commits);
      }
      model.history.push({ ts: model.commits, changes: tx.changes });
      model.committed = copyGraph(committed);
    }
    model.end(slot);
    assert.equal(real.graph.store.lastCommitTs, model.commits);
  });
}

function rollback(slot: number): Command {
  return onTransaction(slot, `rollback(${slot})`, (model, real, _tx, realTx) => {
    model.rollback(slot);
    realTx.rollback();
    real.txs[slot] = undefined;
  });
}

const slot = fc.integer({ min: 0, max: SLOTS - 1 });
const index = fc.nat({ max: 200 });
const small = fc.bigInt({ min: 0n, max: 3n });
const beginCommand = slot.map((s) => begin(s));
const createNodeCommand = fc
  .tuple(slot, fc.subarray(LABELS), fc.option(small, { nil: undefined }))
  .map(([s, l, v]) => createNode(s, l, v));
const writeNodeCommand = fc
  .tuple(
    slot,
    index,
    fc.constantFrom<NodeWrite>('set', 'remove', 'addLabel', 'removeLabel', 'lock'),
    fc.constantFrom(0, 1),
    small,
  )
  .map(([s, i, k, a, v]) => writeNode(s, i, k, a, v));
const createRelCommand = fc
  .tuple(slot, index, index, fc.constantFrom(...TYPES))
  .map(([s, a, b, t]) => createRel(s, a, b, t));
/** Weights (by repetition) favour building state, so sequences reach interesting interleavings. */
function weighted<T>(entries: readonly (readonly [fc.Arbitrary<T>, number])[]): fc.Arbitrary<T>[] {
  return entries.flatMap(([arbitrary, weight]) => Array.from({ length: weight }, () => arbitrary));
}
const commands = weighted<Command>([
  [beginCommand, 3],
  [createNodeCommand, 4],
  [writeNodeCommand, 4],
  [fc.tuple(slot, index, fc.boolean()).map(([s, i, d]) => deleteNode(s, i, d)), 1],
  [createRelCommand, 4],
  [
    fc
      .tuple(slot, index, fc.constantFrom<'delete' | 'set'>('delete', 'set'), small)
      .map(([s, i, k, v]) => writeRel(s, i, k, v)),
    2,
  ],
  [slot.map((s) => advanceCommand(s)), 1],
  [fc.tuple(slot, fc.constantFrom<View>('OLD', 'NEW')).map(([s, v]) => check(s, v)), 1],
  [
    fc
      .tuple(
        slot,
        fc.constantFrom<ReadKind>('node', 'rel', 'expand', 'label', 'type', 'allNodes', 'allRels', 'seek'),
        index,
        fc.constantFrom<View>('OLD', 'NEW'),
      )
      .map(([s, k, i, v]) => readOne(s, k, i, v)),
    4,
  ],
  [slot.map((s) => commit(s)), 2],
  [slot.map((s) => rollback(s)), 1],
  [fc.constant(createLateIndex()), 1],
  [fc.integer({ min: 1, max: 3 }).map((budget) => populate(budget)), 2],
]);

/** Runs one fixed command sequence against the store and the model. */
async function runSequence(sequence: Command[]): Promise<void> {
  const real = new Real();
  await real.createIndexes();
  const model = new Model();
  model.commits = real.graph.store.lastCommitTs;
  await fc.asyncModelRun(() => ({ model, real }), sequence);
}

test('removing another label from a node does not change its entry in a sought index (no conflict)', async () => {
  // Found by the property below (CI, seed -660610394): tx 1 seeks `ax` (label 0, key 0) and finds node 0;
  // tx 2 removes label 1 from node 0 and commits. The seek's result is unchanged, so tx 1 commits.
  await runSequence([
    begin(3),
    createNode(3, [0, 1], undefined),
    writeNode(3, 0, 'set', 0, 0n),
    commit(3),
    begin(1),
    readOne(1, 'seek', 0, 'OLD'),
    begin(2),
    createRel(1, 0, 0, 0),
    writeNode(2, 0, 'removeLabel', 1, 0n),
    commit(2),
    commit(1),
  ]);
});

test('random concurrent transactions agree with the reference model (snapshot reads, serializable writers)', async () => {
  await fc.assert(
    fc.asyncProperty(fc.commands(commands, { maxCommands: 150, size: 'max' }), async (sequence) => {
      const real = new Real();
      await real.createIndexes();
      const model = new Model();
      model.commits = real.graph.store.lastCommitTs;
      await fc.asyncModelRun(() => ({ model, real }), sequence);
    }),
    { numRuns: 4000, interruptAfterTimeLimit: 8_000 },
  );
});
