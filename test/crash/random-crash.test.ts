/**
 * Crashes at a random file operation of a random concurrent write workload (seeded), with snapshots taken
 * at random moments, then recovers and checks the outcome against a model of the workload:
 * - every commit acknowledged before the crash is present, every commit refused before it is absent;
 * - the recovered state is exactly the workload's commits up to the recovered commit timestamp, applied in
 *   commit order (commits still being written when the process died may be present or not, but only as a
 *   prefix: never a later one without an earlier one);
 * - the recovered store passes its consistency check (indexes, constraints, adjacency).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FaultyFileSystem, openDurableStore } from '../../src/durability/index.js';
import type { GraphStore } from '../../src/storage/index.js';
import { seededRandom } from '../support/seeded-random.js';

const DIRECTORY = '/crash';
const ACCOUNTS = 8;
const WRITERS = 4;
const TRANSACTIONS_PER_WRITER = 70;

/** What one logged commit did, as final states. */
interface Effect {
  readonly marker: number;
  readonly balances: readonly (readonly [account: number, value: bigint])[];
  readonly touched: readonly number[];
}

interface Tokens {
  readonly account: number;
  readonly marker: number;
  readonly touched: number;
  readonly balance: number;
  readonly tx: number;
}

function tokensOf(store: GraphStore): Tokens {
  return {
    account: store.tokens.labels.getOrCreate('Account'),
    marker: store.tokens.labels.getOrCreate('Marker'),
    touched: store.tokens.relationshipTypes.getOrCreate('TOUCHED'),
    balance: store.tokens.propertyKeys.getOrCreate('balance'),
    tx: store.tokens.propertyKeys.getOrCreate('tx'),
  };
}

/** The observable state the model predicts: balances per account, and per marker the accounts it touched. */
function observe(
  store: GraphStore,
  accounts: readonly number[],
): { balances: bigint[]; markers: Map<number, number[]> } {
  const tokens = tokensOf(store);
  const tx = store.begin({ readOnly: true });
  const balances = accounts.map((id) => tx.nodeProperty(id, tokens.balance) as bigint);
  const markers = new Map<number, number[]>();
  for (const cursor = tx.scanNodesByLabel(tokens.marker); ;) {
    const id = cursor.next();
    if (id === -1) break;
    const touched: number[] = [];
    const expand = tx.expand(id, 'OUTGOING', [tokens.touched]);
    for (let relationship = expand.next(); relationship !== -1; relationship = expand.next()) {
      touched.push(accounts.indexOf(expand.otherNode));
    }
    markers.set(
      Number(tx.nodeProperty(id, tokens.tx)),
      touched.sort((a, b) => a - b),
    );
  }
  tx.rollback();
  return { balances, markers };
}

async function runSeed(seed: number): Promise<void> {
  const random = seededRandom(seed);
  const fileSystem = new FaultyFileSystem();
  const durable = await openDurableStore({
    directory: DIRECTORY,
    fileSystem,
    walSegmentBytes: 2048,
    snapshotOnClose: false,
  });
  const { store } = durable;
  const tokens = tokensOf(store);
  const setup = store.begin();
  const accounts = Array.from({ length: ACCOUNTS }, () =>
    setup.createNode([tokens.account], [[tokens.balance, 0n]]),
  );
  await setup.commit();
  await store.createConstraint({
    kind: 'UNIQUENESS',
    entity: 'NODE',
    token: tokens.marker,
    properties: [tokens.tx],
  });
  await store.createIndex({ entity: 'NODE', token: tokens.account, properties: [tokens.balance] });
  const base = store.lastCommitTs;

  // The process dies at operation `crashAt`: the disk keeps what was durable (plus torn unsynced bytes),
  // and nothing the dying process tries afterwards reaches it.
  const crashAt = fileSystem.operationCount + Math.floor(random() * 600);
  const life = { dead: false };
  fileSystem.setFaultPlan((op) => {
    if (op.index < crashAt) return undefined;
    if (!life.dead) {
      life.dead = true;
      fileSystem.crash({ tear: true, random });
    }
    return { fail: 'EIO' };
  });

  const logged: Effect[] = [];
  const acknowledged = new Set<number>();
  const refusedBeforeCrash = new Set<number>();
  let nextMarker = 0;
  const writer = async (): Promise<void> => {
    for (let count = 0; count < TRANSACTIONS_PER_WRITER && !life.dead; count++) {
      const marker = nextMarker++;
      const tx = store.begin();
      const balances: [number, bigint][] = [];
      const touched: number[] = [];
      try {
        const markerNode = tx.createNode([tokens.marker], [[tokens.tx, BigInt(marker)]]);
        // Created and deleted in one transaction: leaves no trace in the log.
        tx.deleteNode(tx.createNode([tokens.marker], [[tokens.tx, BigInt(marker) + 1_000_000n]]));
        for (let change = 0; change < 1 + Math.floor(random() * 2); change++) {
          const account = Math.floor(random() * ACCOUNTS);
          const value = BigInt(Math.floor(random() * 1000));
          tx.setNodeProperty(accounts[account] ?? 0, tokens.balance, value);
          balances.push([account, value]);
          if (!touched.includes(account)) {
            tx.createRelationship(tokens.touched, markerNode, accounts[account] ?? 0);
            touched.push(account);
          }
        }
      } catch {
        // A write conflict: the transaction is rolled back and never reaches the log.
        refusedBeforeCrash.add(marker);
        continue;
      }
      const commit = Promise.resolve(tx.commit());
      if (tx.status === 'COMMITTING')
        logged.push({ marker, balances, touched: touched.sort((a, b) => a - b) });
      await commit.then(
        () => acknowledged.add(marker),
        () => {
          if (!life.dead) refusedBeforeCrash.add(marker);
        },
      );
      if (random() < 0.04) void durable.snapshot().catch(() => undefined);
      if (random() < 0.3) await new Promise((resolve) => setImmediate(resolve));
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, writer));
  await durable.snapshot().catch(() => undefined);
  if (!life.dead) {
    life.dead = true;
    fileSystem.crash({ tear: true, random });
  }
  fileSystem.setFaultPlan(undefined);

  const recovered = await openDurableStore({ directory: DIRECTORY, fileSystem, snapshotOnClose: false });
  const prefix = recovered.store.lastCommitTs - base;
  const label = `seed ${seed}, crash at operation ${crashAt}, ${logged.length} logged, prefix ${prefix}`;
  assert.ok(prefix >= 0 && prefix <= logged.length, label);
  const included = logged.slice(0, prefix);
  for (const marker of acknowledged) {
    assert.ok(
      included.some((effect) => effect.marker === marker),
      `${label}: acknowledged ${marker} is present`,
    );
  }
  for (const marker of refusedBeforeCrash) {
    assert.ok(!included.some((effect) => effect.marker === marker), `${label}: refused ${marker} is absent`);
  }
  const balances = Array.from({ length: ACCOUNTS }, () => 0n);
  const markers = new Map<number, number[]>();
  for (const effect of included) {
    for (const [account, value] of effect.balances) balances[account] = value;
    markers.set(effect.marker, [...effect.touched]);
  }
  assert.deepEqual(observe(recovered.store, accounts), { balances, markers }, label);
  assert.deepEqual(recovered.store.verifyConsistency(), [], label);
  await recovered.close();
}

test('recovery after a crash at a random point of a random workload keeps exactly the acknowledged commits', async () => {
  for (let seed = 1; seed <= 10; seed++) await runSeed(seed);
});
