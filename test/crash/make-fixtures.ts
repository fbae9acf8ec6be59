/**
 * Writes test/crash/fixtures/format-v1/ (run by hand, once per released format; never rewrite an existing
 * fixture): a database directory with a snapshot and a WAL written by this build, holding the graph of
 * fixture-graph.ts. Usage: `npx tsc -b && node build/test/crash/make-fixtures.js`.
 */
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  dataDirectoryLayout,
  nodeFileSystem,
  WalWriter,
  writeSnapshotFile,
} from '../../src/durability/index.js';
import { GraphStore, type CommitLog, type CommitRecord } from '../../src/storage/index.js';
import { buildSnapshotPart, buildWalPart, FIXTURE_CREATED_AT, FIXTURE_DATABASE_ID } from './fixture-graph.js';

const repository = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const target = join(repository, 'test/crash/fixtures/format-v1');

/** Sends commits nowhere until the WAL writer is attached. */
class SwitchableLog implements CommitLog {
  target: CommitLog | undefined;

  append(record: CommitRecord): void | Promise<void> {
    return this.target?.append(record);
  }
}

async function main(): Promise<void> {
  rmSync(target, { recursive: true, force: true });
  const layout = dataDirectoryLayout(target);
  mkdirSync(layout.walDirectory, { recursive: true });
  mkdirSync(layout.snapshotDirectory, { recursive: true });
  const log = new SwitchableLog();
  const store = new GraphStore({ databaseId: FIXTURE_DATABASE_ID, commitLog: log });
  await buildSnapshotPart(store);
  await store.awaitIndexesOnline();
  await writeSnapshotFile({
    fileSystem: nodeFileSystem,
    layout,
    store,
    encode: { now: () => FIXTURE_CREATED_AT },
  });
  const writer = await WalWriter.open({
    fileSystem: nodeFileSystem,
    directory: layout.walDirectory,
    databaseId: FIXTURE_DATABASE_ID,
    nextCommitTs: store.lastCommitTs + 1,
  });
  log.target = writer;
  await buildWalPart(store);
  await writer.close();
  let total = 0;
  for (const folder of [layout.walDirectory, layout.snapshotDirectory]) {
    for (const name of readdirSync(folder)) {
      const size = statSync(join(folder, name)).size;
      total += size;
      process.stdout.write(`${join(folder, name)}: ${size} bytes\n`);
    }
  }
  process.stdout.write(`fixture written: ${total} bytes, last commit ${store.lastCommitTs}\n`);
}

await main();
