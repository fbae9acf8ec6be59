/**
 * Writes test/crash/fixtures/<name>/ (run by hand, once per released format; it refuses to rewrite an
 * existing fixture): a database directory with a snapshot and a WAL written by this build, holding the graph
 * of fixture-graph.ts. The WAL writer is left open, as a crash would leave it: a segment of format 2 or later
 * keeps its reserved zeros (a small reserve keeps the fixture small).
 * Usage: `npx tsc -b && node build/test/crash/make-fixtures.js format-v3`.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  dataDirectoryLayout,
  nodeFileSystem,
  WalWriter,
  writeSnapshotFile,
} from '../../src/durability/index.js';
import { GraphStore, type CommitLog, type CommitRecord } from '../../src/storage/index.js';
import {
  buildFulltextIndexes,
  buildSnapshotPart,
  buildTypedIndexes,
  buildWalPart,
  FIXTURE_CREATED_AT,
  FIXTURE_DATABASE_ID,
} from './fixture-graph.js';

const repository = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const name = process.argv[2] ?? '';
const target = join(repository, 'test/crash/fixtures', name);

/** Sends commits nowhere until the WAL writer is attached. */
class SwitchableLog implements CommitLog {
  target: CommitLog | undefined;

  append(record: CommitRecord): void | Promise<void> {
    return this.target?.append(record);
  }
}

async function main(): Promise<void> {
  if (!/^format-v\d+$/.test(name)) throw new TypeError('Usage: make-fixtures.js format-v<N>');
  if (existsSync(target)) throw new TypeError(`${target} exists: a released fixture is never rewritten`);
  const layout = dataDirectoryLayout(target);
  mkdirSync(layout.walDirectory, { recursive: true });
  mkdirSync(layout.snapshotDirectory, { recursive: true });
  const log = new SwitchableLog();
  const store = new GraphStore({ databaseId: FIXTURE_DATABASE_ID, commitLog: log });
  // From format 4 (WAL) and 2 (snapshot) on, the fixture also holds TEXT, POINT and VECTOR indexes.
  const typedIndexes = Number(name.slice('format-v'.length)) >= 4;
  // From format 5 (WAL) and 3 (snapshot) on, FULLTEXT indexes too.
  const fulltextIndexes = Number(name.slice('format-v'.length)) >= 5;
  await buildSnapshotPart(store);
  if (typedIndexes) await buildTypedIndexes(store, 'snapshot');
  if (fulltextIndexes) await buildFulltextIndexes(store, 'snapshot');
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
    reserveBytes: 256,
  });
  log.target = writer;
  await buildWalPart(store);
  if (typedIndexes) await buildTypedIndexes(store, 'wal');
  if (fulltextIndexes) await buildFulltextIndexes(store, 'wal');
  // Not closed: the segment stays as a crash leaves it (the process exits with the file open).
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
