/**
 * The crash test's client side: a few concurrent driver sessions running a mixed write workload (creates,
 * updates, deletes, two-node transactions, transactions that must fail) and recording each outcome in the
 * model, until the server is killed under them.
 */
import type { Driver } from 'neo4j-driver-528';
import type { CrashModel } from './crash-model.js';

/** Live keys one worker keeps at most before it turns to deleting. */
const OWNED_LIMIT = 600;
/** Linked pairs the run creates at most. */
const PAIR_LIMIT = 2000;

/** Whether the server answered the error (so the transaction rolled back) rather than the link dying. */
export function isServerError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('Neo.');
}

export interface WorkloadContext {
  readonly driver: Driver;
  readonly model: CrashModel;
  readonly random: () => number;
  /** A key never used before. */
  readonly freshKey: () => number;
  /** Set once the server is about to be killed: errors after it are expected. */
  readonly stopping: () => boolean;
  /** Linked pairs created by acknowledged or in-doubt transactions (checked for atomicity). */
  readonly pairs: [number, number][];
  /** Errors nobody expected (the test fails on any). */
  readonly unexpected: string[];
}

/** Runs one worker until its session fails because the server is gone. `owned`: keys only it writes. */
export async function runWorker(context: WorkloadContext, owned: number[]): Promise<number> {
  const { driver, model, random } = context;
  const session = driver.session();
  let operations = 0;
  try {
    for (;;) {
      // Past OWNED_LIMIT live keys a worker deletes, and past PAIR_LIMIT pairs (never deleted: they are
      // checked for atomicity after every kill) it creates single nodes instead, so the graph, which every
      // kill's checks read in full, stays bounded and the last kills of a long run cost what the first did.
      let choice = owned.length > OWNED_LIMIT ? 0.65 + random() * 0.1 : random();
      if (choice >= 0.75 && choice < 0.92 && context.pairs.length >= PAIR_LIMIT) choice = 0;
      const value = Math.floor(random() * 1_000_000);
      if (choice < 0.4 || owned.length === 0) {
        const key = context.freshKey();
        await attempt(context, [[key, value]], async () => {
          await session.run('CREATE (:Item {k: $k, v: $v})', { k: key, v: value });
        });
        if (model.keys.get(key)?.confirmed !== undefined) owned.push(key);
      } else if (choice < 0.65) {
        const key = owned[Math.floor(random() * owned.length)] ?? 0;
        await attempt(context, [[key, value]], async () => {
          await session.run('MATCH (n:Item {k: $k}) SET n.v = $v', { k: key, v: value });
        });
      } else if (choice < 0.75) {
        const index = Math.floor(random() * owned.length);
        const key = owned[index] ?? 0;
        owned.splice(index, 1);
        await attempt(context, [[key, undefined]], async () => {
          await session.run('MATCH (n:Item {k: $k}) DETACH DELETE n', { k: key });
        });
      } else if (choice < 0.92) {
        const pair: [number, number] = [context.freshKey(), context.freshKey()];
        context.pairs.push(pair);
        await attempt(
          context,
          [
            [pair[0], value],
            [pair[1], value],
          ],
          async () => {
            const tx = session.beginTransaction();
            await tx.run('CREATE (:Item {k: $k, v: $v})', { k: pair[0], v: value });
            await tx.run('MATCH (a:Item {k: $a}) CREATE (a)-[:LINK]->(:Item {k: $b, v: $v})', {
              a: pair[0],
              b: pair[1],
              v: value,
            });
            await tx.commit();
          },
        );
      } else {
        // Must fail: the second node repeats a key that exists, so the unique constraint refuses the whole
        // transaction, the first node included.
        const existing = owned[Math.floor(random() * owned.length)] ?? 0;
        const key = context.freshKey();
        try {
          const tx = session.beginTransaction();
          await tx.run('CREATE (:Item {k: $k, v: 0})', { k: key });
          await tx.run('CREATE (:Item {k: $k, v: 0})', { k: existing });
          await tx.commit();
          context.unexpected.push(`a duplicate of key ${existing} was committed`);
          model.acknowledge(key, 0);
        } catch (error) {
          if (isServerError(error)) {
            model.neverCommitted.add(key);
            model.failed++;
          } else {
            model.doubt(key, 0);
            model.inDoubt++;
            throw error;
          }
        }
      }
      operations++;
    }
  } catch (error) {
    if (!context.stopping()) context.unexpected.push(`worker stopped early: ${String(error)}`);
  } finally {
    await session.close().catch(() => undefined);
  }
  return operations;
}

/**
 * Runs one transaction and records its outcome for `writes` (key → new value, `undefined` for a delete).
 * A server error means it rolled back: the writes must not exist, which the model already says; a link
 * error leaves them in doubt and ends the worker.
 */
async function attempt(
  context: WorkloadContext,
  writes: readonly (readonly [number, number | undefined])[],
  work: () => Promise<void>,
): Promise<void> {
  const { model } = context;
  try {
    await work();
  } catch (error) {
    if (isServerError(error)) {
      model.failed++;
      if (!context.stopping()) context.unexpected.push(`server error: ${String(error)}`);
      for (const [key] of writes) if (!model.keys.has(key)) model.neverCommitted.add(key);
      return;
    }
    for (const [key, value] of writes) model.doubt(key, value);
    model.inDoubt++;
    throw error;
  }
  for (const [key, value] of writes) model.acknowledge(key, value);
  model.acknowledged++;
}
