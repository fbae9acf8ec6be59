/**
 * `CALL quiver.backup()`: lazy (a chunk is encoded when a record is pulled), one consistent snapshot whose
 * read transaction ends with the result, and the chunk encoder under it (`encodeSnapshotChunks`).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BoltClient } from '../../src/bolt/index.js';
import { encodeSnapshotChunks } from '../../src/durability/index.js';
import { encodeSnapshot, memorySnapshotSource, readSnapshot } from '../../src/durability/index.js';
import { run } from '../../src/engine/dump/canonical.fixture.js';
import type { DatabaseEngine } from '../../src/engine/index.js';
import { DatabaseError, Status } from '../../src/errors/index.js';
import { backupProcedure } from '../../src/server/backup-procedure.js';
import { silentLogger, startServer, type QuiverServer } from '../../src/server/index.js';
import type { CypherMap } from '../../src/values/index.js';
import { BULK, DATA, BLOB, SCHEMA } from './tool-support.js';

const root = mkdtempSync(join(tmpdir(), 'quiver-backup-'));
let server: QuiverServer;
let engine: DatabaseEngine;

before(async () => {
  server = await startServer({ host: '127.0.0.1', port: 0, dataDir: root, logger: silentLogger });
  engine = server.databases.get('neo4j');
  for (const statement of SCHEMA) await run(engine, statement);
  await run(engine, DATA, { blob: BLOB });
  await run(engine, BULK);
});

after(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

async function connect(): Promise<BoltClient> {
  const client = await BoltClient.connect({ host: '127.0.0.1', port: server.port });
  await client.login();
  return client;
}

/** Replaces `quiver.backup` with an instance counting the chunks it produces; restores it afterwards. */
async function withCountingBackup(use: (produced: () => number) => Promise<void>): Promise<void> {
  let produced = 0;
  engine.procedures.register(
    backupProcedure(engine, {
      chunkBytes: 256,
      batchSize: 16,
      onChunk: () => {
        produced++;
      },
    }),
  );
  try {
    await use(() => produced);
  } finally {
    engine.procedures.register(backupProcedure(engine));
  }
}

/** The rows of a fresh `quiver.backup()` call, without a query around it (it ignores its context). */
function startBackup(): Iterator<CypherMap> {
  const rows = backupProcedure(engine).call([], undefined as never);
  return rows[Symbol.iterator]();
}

function concat(records: readonly (readonly unknown[])[]): Uint8Array {
  return Buffer.concat(records.map(([chunk]) => chunk as Uint8Array));
}

describe('CALL quiver.backup()', () => {
  it('encodes a chunk only when a record is pulled (or read ahead for the next PULL), and ends its read transaction with the result', async () => {
    await withCountingBackup(async (produced) => {
      const client = await connect();
      try {
        const idle = engine.store.activeTransactions;
        await client.run('CALL quiver.backup() YIELD chunk');
        assert.equal(produced(), 0, 'nothing is encoded before the first PULL');
        const first = await client.pull(1);
        assert.equal(first.records.length, 1);
        assert.equal(first.hasMore, true);
        // The server may encode as many again while the client reads them (read-ahead, ADR 0016), no more.
        assert.ok(produced() >= 1 && produced() <= 2, `${String(produced())} chunks after PULL 1`);
        assert.ok(engine.store.activeTransactions > idle, 'the snapshot is held while the result is open');
        const second = await client.pull(2);
        assert.ok(produced() >= 3 && produced() <= 5, `${String(produced())} chunks after PULL 2`);
        const rest = await client.pull(-1);
        assert.equal(rest.hasMore, false);
        const records = [...first.records, ...second.records, ...rest.records];
        assert.ok(records.length > 20, `${String(records.length)} chunks`);
        assert.equal(produced(), records.length);
        assert.ok(records.slice(0, -1).every(([chunk]) => (chunk as Uint8Array).length === 256));
        assert.equal(engine.store.activeTransactions, idle, 'the read transaction ended with the result');
        const snapshot = await readSnapshot(memorySnapshotSource(concat(records)));
        assert.equal(snapshot.counts.nodes, 306);
        assert.equal(snapshot.counts.relationships, 3);
      } finally {
        await client.goodbye();
      }
    });
  });

  it('is one consistent snapshot: commits made while it streams are not in it', async () => {
    await withCountingBackup(async () => {
      const client = await connect();
      try {
        const before = engine.store.lastCommitTs;
        await client.run('CALL quiver.backup() YIELD chunk');
        const first = await client.pull(1);
        await run(engine, 'UNWIND range(1, 50) AS i CREATE (:During {k: 1000 + i})');
        const rest = await client.pull(-1);
        const snapshot = await readSnapshot(
          memorySnapshotSource(concat([...first.records, ...rest.records])),
        );
        assert.equal(snapshot.header.commitTs, before);
        assert.equal(snapshot.counts.nodes, 306);
      } finally {
        await client.goodbye();
        await run(engine, 'MATCH (n:During) DELETE n');
      }
    });
  });

  it('ends its read transaction when the result is closed before the end (explicit transaction rolled back)', async () => {
    const client = await connect();
    try {
      const idle = engine.store.activeTransactions;
      await client.begin();
      await client.run('CALL quiver.backup() YIELD chunk');
      await client.pull(1);
      await client.rollback();
      assert.equal(engine.store.activeTransactions, idle);
    } finally {
      await client.goodbye();
    }
  });

  it('fails with a transient error while a schema change is being committed, instead of waiting', async () => {
    const creating = run(engine, 'CREATE INDEX during_backup FOR (n:Bulk) ON (n.text)');
    const rows = startBackup();
    assert.throws(
      () => rows.next(),
      (error: unknown) => {
        assert.ok(error instanceof DatabaseError);
        assert.equal(error.status, Status.DatabaseUnavailable);
        assert.equal(error.classification, 'TransientError');
        assert.match(error.message, /while a schema change is being committed: retry in a moment/);
        return true;
      },
    );
    await creating;
    await run(engine, 'DROP INDEX during_backup');
    const after = startBackup();
    assert.equal(after.next().done, false);
    after.return?.();
  });
});

describe('encodeSnapshotChunks', () => {
  it('cuts exactly the bytes encodeSnapshot writes into chunks of the asked size', async () => {
    const options = { batchSize: 7, frameBytes: 300, now: () => 1_700_000_000_000 };
    const written: Uint8Array[] = [];
    const source = engine.store.openSnapshotSource();
    assert.ok(source !== undefined);
    const summary = await encodeSnapshot(
      (bytes) => {
        written.push(bytes.slice());
        return Promise.resolve();
      },
      source,
      options,
    );
    source.close();
    const again = engine.store.openSnapshotSource();
    assert.ok(again !== undefined);
    const chunks: Uint8Array[] = [];
    const generator = encodeSnapshotChunks(again, { ...options, chunkBytes: 1000 });
    let step = generator.next();
    for (; step.done !== true; step = generator.next()) chunks.push(step.value);
    again.close();
    assert.deepEqual(step.value, summary);
    assert.deepEqual(Buffer.concat(chunks), Buffer.concat(written));
    assert.ok(chunks.slice(0, -1).every((chunk) => chunk.length === 1000));
    assert.ok((chunks.at(-1)?.length ?? 0) <= 1000);
    assert.equal(
      chunks.reduce((total, chunk) => total + chunk.length, 0),
      summary.bytes,
    );
  });
});
