/**
 * The LDBC SNB ACID tests (Waudby et al., "Towards Testing ACID Compliance in the LDBC Social Network
 * Benchmark", TPCTC 2020; github.com/ldbc/ldbc_acid) run against the storage API. Each isolation test builds
 * the paper's tiny graph, runs its writer and reader transactions in deterministic interleavings (seeded, with
 * driver-style retries on conflicts, see test/storage/interleave.ts) and checks the paper's anomaly condition.
 * Where a fixed interleaving exposes the anomaly best, it is written out step by step. Every anomaly of the
 * paper is prevented, write skew (WS) included: transactions that write are validated at commit against
 * what they read (serializable), read-only ones read a consistent snapshot.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StoreTransaction } from './index.js';
import { isRetryable, TransactionConflictError } from '../errors/index.js';
import type { CypherValue } from '../values/index.js';
import { TestGraph } from '../../test/storage/fixtures.js';
import { interleave, type TransactionProgram } from '../../test/storage/interleave.js';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

/** The paper's schema: Person and Post nodes, KNOWS and LIKES relationships, a few properties. */
class Social extends TestGraph {
  readonly person = this.label('Person');
  readonly post = this.label('Post');
  readonly knows = this.type('KNOWS');
  readonly likes = this.type('LIKES');
  readonly id = this.key('id');
  readonly version = this.key('version');
  readonly versionHistory = this.key('versionHistory');
  readonly numFriends = this.key('numFriends');
  readonly value = this.key('value');
  readonly emails = this.key('emails');
  readonly name = this.key('name');

  async setup(build: (tx: StoreTransaction) => void): Promise<void> {
    const tx = this.store.begin();
    build(tx);
    await tx.commit();
  }

  read(key: number, node: number): CypherValue | undefined {
    const tx = this.store.begin({ readOnly: true });
    const value = tx.nodeProperty(node, key);
    tx.rollback();
    return value;
  }
}

function int(value: CypherValue | undefined): bigint {
  assert.equal(typeof value, 'bigint');
  return value as bigint;
}

/** The person ids of the 4-cycle p1 → p2 → p3 → p4 → p1, found by following KNOWS. */
function cycleFrom(tx: StoreTransaction, social: Social, start: number): number[] {
  const path = [start];
  let current = start;
  for (let step = 0; step < 3; step++) {
    const cursor = tx.expand(current, 'OUTGOING', [social.knows]);
    assert.notEqual(cursor.next(), -1);
    current = cursor.otherNode;
    path.push(current);
  }
  return path;
}

test('Atomicity-C: a committed transaction applies all of its changes', async () => {
  const social = new Social();
  let alice = -1;
  await social.setup((tx) => {
    alice = tx.createNode(
      [social.person],
      [
        [social.id, 1n],
        [social.name, 'Alice'],
        [social.emails, ['alice@aol.com']],
      ],
    );
  });
  const tx = social.store.begin();
  const bob = tx.createNode([social.person], [[social.id, 2n]]);
  tx.createRelationship(social.knows, alice, bob);
  tx.setNodeProperty(alice, social.emails, ['alice@aol.com', 'alice@ldbc.io']);
  await tx.commit();
  const check = social.store.begin();
  assert.deepEqual(check.nodeProperty(alice, social.emails), ['alice@aol.com', 'alice@ldbc.io']);
  assert.equal(check.degree(alice, 'OUTGOING'), 1);
  assert.equal(check.nodeProperty(bob, social.id), 2n);
});

test('Atomicity-RB: a rolled-back transaction leaves no trace', async () => {
  const social = new Social();
  let alice = -1;
  await social.setup((tx) => {
    alice = tx.createNode(
      [social.person],
      [
        [social.id, 1n],
        [social.emails, ['alice@aol.com']],
      ],
    );
  });
  const tx = social.store.begin();
  tx.setNodeProperty(alice, social.emails, ['alice@aol.com', 'x@y.z']);
  const bob = tx.createNode([social.person], [[social.id, 2n]]);
  tx.createRelationship(social.knows, alice, bob);
  tx.rollback();
  const check = social.store.begin();
  assert.deepEqual(check.nodeProperty(alice, social.emails), ['alice@aol.com']);
  assert.equal(check.degree(alice, 'BOTH'), 0);
  assert.equal(check.nodeExists(bob), false);
});

test('G0 (dirty write): concurrent appends to two persons and their KNOWS edge never interleave', async () => {
  for (const seed of SEEDS) {
    const social = new Social();
    let [p1, p2, k] = [-1, -1, -1];
    await social.setup((tx) => {
      p1 = tx.createNode(
        [social.person],
        [
          [social.id, 1n],
          [social.versionHistory, [0n]],
        ],
      );
      p2 = tx.createNode(
        [social.person],
        [
          [social.id, 2n],
          [social.versionHistory, [0n]],
        ],
      );
      k = tx.createRelationship(social.knows, p1, p2, [[social.versionHistory, [0n]]]);
    });
    const append = (history: CypherValue | undefined, id: bigint): bigint[] => [...(history as bigint[]), id];
    const programs: TransactionProgram[] = Array.from(
      { length: 10 },
      (_, index) =>
        function* g0(tx) {
          const id = BigInt(index + 1);
          tx.setNodeProperty(
            p1,
            social.versionHistory,
            append(tx.nodeProperty(p1, social.versionHistory), id),
          );
          yield;
          tx.setNodeProperty(
            p2,
            social.versionHistory,
            append(tx.nodeProperty(p2, social.versionHistory), id),
          );
          yield;
          tx.setRelationshipProperty(
            k,
            social.versionHistory,
            append(tx.relationshipProperty(k, social.versionHistory), id),
          );
          return 'commit';
        },
    );
    const result = await interleave(social.store, programs, seed);
    assert.equal(result.committed, 10);
    const check = social.store.begin();
    const h1 = check.nodeProperty(p1, social.versionHistory);
    assert.deepEqual(check.nodeProperty(p2, social.versionHistory), h1, `seed ${seed}`);
    assert.deepEqual(check.relationshipProperty(k, social.versionHistory), h1, `seed ${seed}`);
    assert.equal((h1 as bigint[]).length, 11);
  }
});

test('G0 step by step: the second writer of an uncommitted item conflicts instead of overwriting it', async () => {
  const social = new Social();
  let p1 = -1;
  await social.setup((tx) => {
    p1 = tx.createNode([social.person], [[social.versionHistory, [0n]]]);
  });
  const t1 = social.store.begin();
  const t2 = social.store.begin();
  t1.setNodeProperty(p1, social.versionHistory, [0n, 1n]);
  assert.throws(
    () => {
      t2.setNodeProperty(p1, social.versionHistory, [0n, 2n]);
    },
    { name: 'TransactionConflictError' },
  );
  await t1.commit();
  assert.deepEqual(social.read(social.versionHistory, p1), [0n, 1n]);
});

test('G1a (aborted read): nobody ever reads a value written by a transaction that aborts', async () => {
  const social = new Social();
  let p = -1;
  await social.setup((tx) => {
    p = tx.createNode(
      [social.person],
      [
        [social.id, 1n],
        [social.version, 1n],
      ],
    );
  });
  // Written out: T1 writes 2, T2 reads, T1 aborts, T2 reads again.
  const t1 = social.store.begin();
  const t2 = social.store.begin();
  t1.setNodeProperty(p, social.version, 2n);
  assert.equal(t2.nodeProperty(p, social.version), 1n);
  t1.rollback();
  assert.equal(t2.nodeProperty(p, social.version), 1n);
  assert.equal(social.store.begin().nodeProperty(p, social.version), 1n);
  // Randomised: aborting writers interleaved with readers.
  for (const seed of SEEDS) {
    const seen: CypherValue[] = [];
    const writer: TransactionProgram = function* (tx) {
      tx.setNodeProperty(p, social.version, 2n);
      yield;
      yield;
      return 'rollback';
    };
    const reader: TransactionProgram = function* (tx) {
      seen.push(tx.nodeProperty(p, social.version) ?? null);
      yield;
      seen.push(tx.nodeProperty(p, social.version) ?? null);
      return 'commit';
    };
    await interleave(social.store, [writer, reader, writer, reader, reader], seed);
    assert.deepEqual(new Set(seen), new Set([1n]), `seed ${seed}`);
  }
});

test('G1b (intermediate read): nobody reads the even value a transaction overwrites before committing', async () => {
  for (const seed of SEEDS) {
    const social = new Social();
    let p = -1;
    await social.setup((tx) => {
      p = tx.createNode(
        [social.person],
        [
          [social.id, 1n],
          [social.version, 99n],
        ],
      );
    });
    const seen: CypherValue[] = [];
    const writer: TransactionProgram = function* (tx) {
      tx.setNodeProperty(p, social.version, 2n);
      yield;
      yield;
      tx.setNodeProperty(p, social.version, 3n);
      return 'commit';
    };
    const reader: TransactionProgram = function* (tx) {
      seen.push(tx.nodeProperty(p, social.version) ?? null);
      yield;
      seen.push(tx.nodeProperty(p, social.version) ?? null);
      return 'commit';
    };
    await interleave(social.store, [reader, writer, reader, reader], seed);
    for (const value of seen) assert.ok(value === 99n || value === 3n, `seed ${seed}: read ${int(value)}`);
  }
});

test("G1c (circular information flow): two transactions never each read the other's write", async () => {
  for (const seed of SEEDS) {
    const social = new Social();
    const persons: number[] = [];
    await social.setup((tx) => {
      persons.push(
        tx.createNode([social.person], [[social.version, 0n]]),
        tx.createNode([social.person], [[social.version, 0n]]),
      );
    });
    const reads = new Map<bigint, bigint>();
    const programs: TransactionProgram[] = Array.from(
      { length: 8 },
      (_, index) =>
        function* g1c(tx) {
          const id = BigInt(index + 1);
          tx.setNodeProperty(persons[index % 2]!, social.version, id);
          yield;
          reads.set(id, int(tx.nodeProperty(persons[(index + 1) % 2]!, social.version)));
          return 'commit';
        },
    );
    const result = await interleave(social.store, programs, seed);
    assert.equal(result.committed, 8);
    for (const [reader, writer] of reads) {
      if (writer === 0n) continue;
      assert.notEqual(reads.get(writer), reader, `seed ${seed}: T${reader} and T${writer} read each other`);
    }
  }
});

test('IMP (item-many-preceders): a transaction reads the same item twice and gets one value', async () => {
  for (const seed of SEEDS) {
    const social = new Social();
    let p = -1;
    await social.setup((tx) => {
      p = tx.createNode(
        [social.person],
        [
          [social.id, 1n],
          [social.version, 1n],
        ],
      );
    });
    const pairs: [CypherValue, CypherValue][] = [];
    const writer: TransactionProgram = function* (tx) {
      yield; // begin, then let others run before the read-modify-write
      tx.setNodeProperty(p, social.version, int(tx.nodeProperty(p, social.version)) + 1n);
      return 'commit';
    };
    const reader: TransactionProgram = function* (tx) {
      const first = tx.nodeProperty(p, social.version) ?? null;
      yield;
      yield;
      pairs.push([first, tx.nodeProperty(p, social.version) ?? null]);
      return 'commit';
    };
    const result = await interleave(
      social.store,
      [reader, writer, writer, reader, writer, writer, reader],
      seed,
    );
    assert.equal(result.committed, 7);
    for (const [first, second] of pairs) assert.equal(first, second, `seed ${seed}`);
    assert.equal(social.read(social.version, p), 5n, 'and no increment was lost');
  }
});

test('PMP (predicate-many-preceders): a transaction counts a predicate twice and gets one count', async () => {
  for (const seed of SEEDS) {
    const social = new Social();
    const people: number[] = [];
    let postId = -1;
    await social.setup((tx) => {
      postId = tx.createNode([social.post], [[social.id, 1n]]);
      for (let index = 0; index < 4; index++)
        people.push(tx.createNode([social.person], [[social.id, BigInt(index)]]));
    });
    const counts: [number, number][] = [];
    const liker = (person: number): TransactionProgram =>
      function* pmpWrite(tx) {
        yield;
        tx.createRelationship(social.likes, person, postId);
        return 'commit';
      };
    const reader: TransactionProgram = function* (tx) {
      const first = tx.degree(postId, 'INCOMING', [social.likes]);
      yield;
      yield;
      counts.push([first, tx.degree(postId, 'INCOMING', [social.likes])]);
      return 'commit';
    };
    await interleave(social.store, [reader, ...people.map(liker), reader, reader], seed);
    for (const [first, second] of counts) assert.equal(first, second, `seed ${seed}`);
  }
});

/** The 4-cycle of the OTV and FR tests, all versions 0. */
async function ring(social: Social): Promise<number> {
  let start = -1;
  await social.setup((tx) => {
    const persons = [1n, 2n, 3n, 4n].map((id) =>
      tx.createNode(
        [social.person],
        [
          [social.id, id],
          [social.version, 0n],
        ],
      ),
    );
    persons.forEach((person, index) =>
      tx.createRelationship(social.knows, person, persons[(index + 1) % 4]!),
    );
    start = persons[0]!;
  });
  return start;
}

/** Increments the version of every person on the cycle, one person per step. */
function cycleIncrement(social: Social, start: number): TransactionProgram {
  return function* increment(tx) {
    for (const person of cycleFrom(tx, social, start)) {
      tx.setNodeProperty(person, social.version, int(tx.nodeProperty(person, social.version)) + 1n);
      yield;
    }
    return 'commit';
  };
}

/** Reads the versions along the cycle twice, one person per step. */
function cycleReader(social: Social, start: number, reads: bigint[][][]): TransactionProgram {
  return function* read(tx) {
    const both: bigint[][] = [];
    for (let round = 0; round < 2; round++) {
      const versions: bigint[] = [];
      for (const person of cycleFrom(tx, social, start)) {
        versions.push(int(tx.nodeProperty(person, social.version)));
        yield;
      }
      both.push(versions);
    }
    reads.push(both);
    return 'commit';
  };
}

test('OTV (observed transaction vanishes): once a write is observed, later reads never lose it', async () => {
  for (const seed of SEEDS) {
    const social = new Social();
    const start = await ring(social);
    const reads: bigint[][][] = [];
    const writers = Array.from({ length: 5 }, () => cycleIncrement(social, start));
    await interleave(
      social.store,
      [...writers, cycleReader(social, start, reads), cycleReader(social, start, reads)],
      seed,
    );
    for (const [first, second] of reads) {
      assert.ok(Math.max(...first!.map(Number)) <= Math.min(...second!.map(Number)), `seed ${seed}`);
    }
    const final = social.store.begin();
    assert.deepEqual(
      cycleFrom(final, social, start).map((person) => final.nodeProperty(person, social.version)),
      [5n, 5n, 5n, 5n],
    );
  }
});

test("FR (fractured read): a reader sees all or none of a transaction's updates, and sees them consistently", async () => {
  for (const seed of SEEDS) {
    const social = new Social();
    const start = await ring(social);
    const reads: bigint[][][] = [];
    const writers = Array.from({ length: 4 }, () => cycleIncrement(social, start));
    await interleave(
      social.store,
      [cycleReader(social, start, reads), ...writers, cycleReader(social, start, reads)],
      seed,
    );
    for (const [first, second] of reads) {
      assert.equal(new Set(first).size, 1, `seed ${seed}: ${first?.join(',')}`);
      assert.deepEqual(second, first, `seed ${seed}`);
    }
  }
});

test('LU (lost update): every committed increment of numFriends is kept and matches the KNOWS edges', async () => {
  for (const seed of SEEDS) {
    const social = new Social();
    let p1 = -1;
    await social.setup((tx) => {
      p1 = tx.createNode(
        [social.person],
        [
          [social.id, 1n],
          [social.numFriends, 0n],
        ],
      );
    });
    const programs: TransactionProgram[] = Array.from(
      { length: 20 },
      (_, index) =>
        function* lu(tx) {
          const friends = int(tx.nodeProperty(p1, social.numFriends));
          yield;
          const p2 = tx.createNode([social.person], [[social.id, BigInt(index + 2)]]);
          tx.createRelationship(social.knows, p1, p2);
          yield;
          tx.setNodeProperty(p1, social.numFriends, friends + 1n);
          return 'commit';
        },
    );
    const result = await interleave(social.store, programs, seed);
    assert.equal(result.committed, 20);
    assert.ok(result.conflicts > 0, 'the interleavings did race');
    const check = social.store.begin();
    assert.equal(check.nodeProperty(p1, social.numFriends), 20n, `seed ${seed}`);
    assert.equal(check.degree(p1, 'OUTGOING', [social.knows]), 20);
  }
});

/** The WS transaction: read both values; abort if the sum would drop below 0, else take 100 from one. */
function withdraw(social: Social, pair: [number, number], from: 0 | 1, lock: boolean): TransactionProgram {
  return function* ws(tx) {
    if (lock) {
      tx.lockNode(pair[0]);
      tx.lockNode(pair[1]);
    }
    const sum = int(tx.nodeProperty(pair[0], social.value)) + int(tx.nodeProperty(pair[1], social.value));
    yield;
    if (sum - 100n < 0n) return 'rollback';
    tx.setNodeProperty(pair[from], social.value, int(tx.nodeProperty(pair[from], social.value)) - 100n);
    return 'commit';
  };
}

/** Five pairs, two withdrawals per pair, all concurrent: how many pairs broke the invariant, and conflicts. */
async function writeSkewRun(lock: boolean, seed: number): Promise<{ anomalies: number; conflicts: number }> {
  const social = new Social();
  const pairs: [number, number][] = [];
  await social.setup((tx) => {
    for (let index = 0; index < 5; index++) {
      pairs.push([
        tx.createNode([social.person], [[social.value, 70n]]),
        tx.createNode([social.person], [[social.value, 80n]]),
      ]);
    }
  });
  const programs = pairs.flatMap((pair) => [
    withdraw(social, pair, 0, lock),
    withdraw(social, pair, 1, lock),
  ]);
  const { conflicts } = await interleave(social.store, programs, seed);
  const check = social.store.begin();
  const anomalies = pairs.filter(
    ([a, b]) => int(check.nodeProperty(a, social.value)) + int(check.nodeProperty(b, social.value)) <= 0n,
  ).length;
  return { anomalies, conflicts };
}

/** A transaction failed by serializable validation: the retryable `Outdated` status, and rolled back. */
function isSerializationFailure(error: unknown): boolean {
  return (
    error instanceof TransactionConflictError &&
    error.code === 'Neo.TransientError.Transaction.Outdated' &&
    isRetryable(error.status.code)
  );
}

test('WS (write skew): of two transactions that read both persons and withdraw from different ones, one fails to commit', async () => {
  // Three interleavings: both write, then either commits first; or the first commits before the second
  // writes. Each time the later commit read a value the earlier one changed, so it fails with a retryable
  // error, and its retry sees the withdrawal and declines.
  const orders = [
    { first: 0, writeBeforeFirstCommit: true },
    { first: 1, writeBeforeFirstCommit: true },
    { first: 0, writeBeforeFirstCommit: false },
  ] as const;
  for (const { first, writeBeforeFirstCommit } of orders) {
    const social = new Social();
    let [a, b] = [-1, -1];
    await social.setup((tx) => {
      a = tx.createNode([social.person], [[social.value, 70n]]);
      b = tx.createNode([social.person], [[social.value, 80n]]);
    });
    const sum = (tx: StoreTransaction): bigint =>
      int(tx.nodeProperty(a, social.value)) + int(tx.nodeProperty(b, social.value));
    const txs = [social.store.begin(), social.store.begin()] as const;
    assert.deepEqual(
      txs.map((tx) => sum(tx)),
      [150n, 150n],
    );
    const withdrawals = [
      () => {
        txs[0].setNodeProperty(a, social.value, -30n);
      },
      () => {
        txs[1].setNodeProperty(b, social.value, -20n);
      },
    ];
    const second = (1 - first) as 0 | 1;
    withdrawals[first]!();
    if (writeBeforeFirstCommit) withdrawals[second]!();
    await txs[first].commit();
    if (!writeBeforeFirstCommit) withdrawals[second]!();
    await assert.rejects(async () => txs[second].commit(), isSerializationFailure);
    assert.equal(txs[second].status, 'ABORTED');
    const retry = social.store.begin();
    assert.equal(sum(retry) - 100n < 0n, true, 'the retry sees the withdrawal and declines');
    retry.rollback();
    assert.equal(int(social.read(social.value, a)) + int(social.read(social.value, b)), 50n);
  }
});

test('WS (write skew): random interleavings of concurrent withdrawals never break the invariant', async () => {
  for (const seed of SEEDS) {
    const { anomalies, conflicts } = await writeSkewRun(false, seed);
    assert.equal(anomalies, 0, `seed ${seed}`);
    assert.ok(conflicts > 0, `seed ${seed}: the withdrawals did race`);
  }
});

test('WS (write skew): write-locking what was read (lockNode) surfaces the conflict at the lock instead', async () => {
  for (const seed of SEEDS) assert.equal((await writeSkewRun(true, seed)).anomalies, 0, `seed ${seed}`);
  // Written out: T2's lock conflicts with T1's, so only one withdrawal succeeds.
  const social = new Social();
  let [a, b] = [-1, -1];
  await social.setup((tx) => {
    a = tx.createNode([social.person], [[social.value, 70n]]);
    b = tx.createNode([social.person], [[social.value, 80n]]);
  });
  const t1 = social.store.begin();
  const t2 = social.store.begin();
  t1.lockNode(a);
  t1.lockNode(b);
  assert.throws(
    () => {
      t2.lockNode(a);
    },
    { name: 'TransactionConflictError', code: 'Neo.TransientError.Transaction.DeadlockDetected' },
  );
  t1.setNodeProperty(a, social.value, -30n);
  await t1.commit();
  const retry = social.store.begin();
  retry.lockNode(a);
  retry.lockNode(b);
  assert.equal(
    int(retry.nodeProperty(a, social.value)) + int(retry.nodeProperty(b, social.value)) - 100n < 0n,
    true,
  );
  retry.rollback();
});
