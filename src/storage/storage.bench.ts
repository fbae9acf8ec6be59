/**
 * Storage figures: memory per node, relationship and property, load time and resident memory of the
 * Pokec-shaped medium graph (100,000 users, ~1.5M relationships; QUIVER_BENCH_POKEC_USERS overrides), and
 * the speed of label scans and 1-hop/2-hop expansion, and what serializable validation costs reads in
 * read-write transactions. Memory is measured after a forced GC (the flag is switched on at run time), as
 * the growth of V8 heap plus array buffers.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { compare, measure } from '../../bench/support/measure.js';
import type { BenchResult } from '../../bench/support/bench-result.js';
import { loadPokec, random } from '../../test/storage/pokec-graph.js';
import { GraphStore, type StoreTransaction } from './index.js';

const SUITE = 'storage';
const USERS = Number(process.env['QUIVER_BENCH_POKEC_USERS'] ?? 100_000);

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function usedBytes(): number {
  collectGarbage();
  collectGarbage();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

const MIB = 1024 * 1024;

/** The memory a fresh store holds after loading the graph `options` describe, and what was loaded. */
async function measureLoad(
  options: Parameters<typeof loadPokec>[1],
): Promise<{ bytes: number; relationships: number; properties: number }> {
  const base = usedBytes();
  const store = new GraphStore();
  const graph = await loadPokec(store, options);
  const bytes = usedBytes() - base;
  // Keep the store reachable until measured.
  store.collectGarbage();
  return { bytes, relationships: graph.relationships, properties: graph.properties };
}

/** Bytes per node (with one label), per property and per relationship, from three separate loads. */
async function memoryFigures(): Promise<void> {
  const users = Math.min(USERS, 100_000);
  const nodesOnly = await measureLoad({ users, withProperties: false, withRelationships: false });
  const nodeBytes = nodesOnly.bytes / users;
  const withProperties = await measureLoad({ users, withRelationships: false });
  const propertyBytes = (withProperties.bytes - nodesOnly.bytes) / withProperties.properties;
  const withRelationships = await measureLoad({ users, withProperties: false });
  const relationshipBytes = (withRelationships.bytes - nodesOnly.bytes) / withRelationships.relationships;
  console.log(
    `storage memory: ${nodeBytes.toFixed(1)} B/node (1 label), ${propertyBytes.toFixed(1)} B/property ` +
      `(pokec mix: 3 INTEGER, 2 shared STRING), ${relationshipBytes.toFixed(1)} B/relationship ` +
      `(${users} users, ${withRelationships.relationships} relationships)`,
  );
}

export async function run(): Promise<BenchResult[]> {
  await memoryFigures();
  const base = usedBytes();
  const store = new GraphStore();
  const started = performance.now();
  const graph = await loadPokec(store, { users: USERS });
  const loadMs = performance.now() - started;
  const heapMiB = (usedBytes() - base) / MIB;
  const rssMiB = process.memoryUsage().rss / MIB;
  console.log(
    `storage pokec: ${USERS} users, ${graph.relationships} relationships, ${graph.properties} properties ` +
      `loaded in ${(loadMs / 1000).toFixed(2)} s; graph heap ${heapMiB.toFixed(1)} MiB, process RSS ${rssMiB.toFixed(1)} MiB`,
  );

  const user = store.tokens.labels.getOrCreate('User');
  const [idKey, ageKey] = [
    store.tokens.propertyKeys.getOrCreate('id'),
    store.tokens.propertyKeys.getOrCreate('age'),
  ];
  const indexStart = performance.now();
  await store.createIndex({ name: 'user_id', entity: 'NODE', token: user, properties: [idKey] });
  await store.createIndex({ name: 'user_age', entity: 'NODE', token: user, properties: [ageKey] });
  await store.awaitIndexesOnline();
  const indexMs = performance.now() - indexStart;
  const indexMiB = (usedBytes() - base) / MIB - heapMiB;
  console.log(
    `storage indexes: User(id) and User(age) built over existing data in ${indexMs.toFixed(0)} ms, ` +
      `${((indexMiB * MIB) / (2 * USERS)).toFixed(1)} B/entry`,
  );

  const tx = store.begin({ readOnly: true });
  const friend = store.tokens.relationshipTypes.getOrCreate('FRIEND');
  const next = random(7);
  const starts = Array.from(
    { length: 1000 },
    () => graph.userIds[Math.floor(next() * graph.userIds.length)] ?? 0,
  );
  const cursor = tx.expand(starts[0] ?? 0, 'OUTGOING', [friend]);
  const results: BenchResult[] = [];
  results.push(
    measure(
      { suite: SUITE, name: `1-hop expand x1000 (~${Math.round(graph.relationships / USERS)} rels each)` },
      {
        name: 'quiver',
        fn: () => {
          let count = 0;
          for (const start of starts) {
            tx.expand(start, 'OUTGOING', [friend], 'NEW', cursor);
            while (cursor.next() !== -1) count++;
          }
          return count;
        },
      },
    ),
  );
  const inner = tx.expand(starts[0] ?? 0, 'OUTGOING', [friend]);
  results.push(
    measure(
      { suite: SUITE, name: '2-hop expand x100' },
      {
        name: 'quiver',
        fn: () => {
          let count = 0;
          for (let index = 0; index < 100; index++) {
            tx.expand(starts[index] ?? 0, 'OUTGOING', [friend], 'NEW', cursor);
            for (let middle = cursor.next(); middle !== -1; middle = cursor.next()) {
              tx.expand(cursor.otherNode, 'OUTGOING', [friend], 'NEW', inner);
              while (inner.next() !== -1) count++;
            }
          }
          return count;
        },
      },
    ),
  );
  results.push(
    measure(
      { suite: SUITE, name: `label scan of ${USERS} users` },
      {
        name: 'quiver',
        fn: () => {
          const scan = tx.scanNodesByLabel(user);
          let count = 0;
          while (scan.next() !== -1) count++;
          return count;
        },
      },
    ),
  );
  const ids = starts.map((start) => tx.nodeProperty(start, idKey) ?? 0n);
  results.push(
    measure(
      { suite: SUITE, name: 'index seek User(id) = x, x1000' },
      {
        name: 'quiver',
        fn: () => {
          let found = 0;
          for (const id of ids) {
            const seek = tx.seekNodes('user_id', { kind: 'EQUALS', values: [id] });
            while (seek.next() !== -1) found++;
          }
          return found;
        },
      },
    ),
  );
  results.push(
    measure(
      { suite: SUITE, name: 'index range User(age) in [30, 31), all rows' },
      {
        name: 'quiver',
        fn: () => {
          let found = 0;
          const seek = tx.seekNodes('user_age', {
            kind: 'RANGE',
            lower: { value: 30n, inclusive: true },
            upper: { value: 31n, inclusive: false },
          });
          while (seek.next() !== -1) found++;
          return found;
        },
      },
    ),
  );
  tx.rollback();
  results.push(...readSetOverhead(store, starts, [idKey, ageKey], friend));
  return results;
}

/**
 * The cost of serializable validation on reads: the same reads in a read-write transaction (which records
 * its read set) against a read-only one (which records nothing), measured side by side. Each call begins
 * and ends its own transaction, so the read set never outgrows one call.
 */
function readSetOverhead(
  store: GraphStore,
  starts: readonly number[],
  keys: readonly number[],
  friend: number,
): BenchResult[] {
  const inTransaction =
    (readOnly: boolean, body: (tx: StoreTransaction) => number): (() => number) =>
    () => {
      const tx = store.begin({ readOnly });
      const result = body(tx);
      tx.rollback();
      return result;
    };
  const pointReads = (tx: StoreTransaction): number => {
    let found = 0;
    for (const start of starts) {
      for (const key of keys) if (tx.nodeProperty(start, key) !== undefined) found++;
    }
    return found;
  };
  const expands = (tx: StoreTransaction): number => {
    const cursor = tx.expand(starts[0] ?? 0, 'OUTGOING', [friend]);
    let count = 0;
    for (const start of starts) {
      tx.expand(start, 'OUTGOING', [friend], 'NEW', cursor);
      while (cursor.next() !== -1) count++;
    }
    return count;
  };
  const cases: [string, (tx: StoreTransaction) => number][] = [
    [`read-write tx: ${starts.length * keys.length} property reads`, pointReads],
    [`read-write tx: 1-hop expand x${starts.length}`, expands],
  ];
  return cases.map(([name, body]) =>
    compare(
      { suite: SUITE, name },
      { name: 'read-write', fn: inTransaction(false, body) },
      { name: 'read-only', fn: inTransaction(true, body) },
    ),
  );
}
