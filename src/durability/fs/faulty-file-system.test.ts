import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileErrorCode } from '../file-system.js';
import { FaultyFileSystem, type FileOperation } from './faulty-file-system.js';

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);

function hasCode(code: string): (error: unknown) => boolean {
  return (error) => fileErrorCode(error) === code && error instanceof Error;
}

async function durableDirectory(fs: FaultyFileSystem, path: string): Promise<void> {
  await fs.makeDirectory(path);
  await fs.syncDirectory('/');
}

test('synced bytes survive a crash and unsynced ones are dropped', async () => {
  const fs = new FaultyFileSystem();
  await durableDirectory(fs, '/db');
  const file = await fs.openAppend('/db/a');
  await fs.syncDirectory('/db');
  await file.append(bytes(1, 2));
  await file.sync();
  await file.append(bytes(3, 4));
  assert.deepEqual([...(fs.fileBytes('/db/a') ?? [])], [1, 2, 3, 4]);
  fs.crash();
  assert.deepEqual([...((await fs.readFile('/db/a')) ?? [])], [1, 2]);
});

test('a torn crash keeps a prefix of the unsynced bytes, chosen by the random source', async () => {
  for (const [fraction, expected] of [
    [0, [1]],
    [0.5, [1, 2, 3]],
    [0.99, [1, 2, 3, 4, 5]],
  ] as const) {
    const fs = new FaultyFileSystem();
    await durableDirectory(fs, '/db');
    const file = await fs.openAppend('/db/a');
    await fs.syncDirectory('/db');
    await file.append(bytes(1));
    await file.sync();
    await file.append(bytes(2, 3, 4, 5));
    fs.crash({ tear: true, random: () => fraction });
    assert.deepEqual([...(fs.fileBytes('/db/a') ?? [])], expected);
  }
});

test('a truncate that was not synced is undone by a crash, and no tear applies after it', async () => {
  const fs = new FaultyFileSystem();
  await durableDirectory(fs, '/db');
  const file = await fs.openAppend('/db/a');
  await fs.syncDirectory('/db');
  await file.append(bytes(1, 2, 3));
  await file.sync();
  await file.truncate(1);
  await file.append(bytes(9, 9));
  assert.equal(file.size, 3);
  fs.crash({ tear: true, random: () => 0.9 });
  assert.deepEqual([...(fs.fileBytes('/db/a') ?? [])], [1, 2, 3]);
});

test('directory entries vanish, come back or return to their old name unless the directory was synced', async () => {
  const fs = new FaultyFileSystem();
  await durableDirectory(fs, '/db');
  const kept = await fs.openAppend('/db/kept');
  await kept.append(bytes(7));
  await kept.sync();
  await fs.syncDirectory('/db');
  await fs.openAppend('/db/new');
  await fs.rename('/db/kept', '/db/renamed');
  assert.deepEqual(await fs.list('/db'), ['new', 'renamed']);
  fs.crash();
  assert.deepEqual(await fs.list('/db'), ['kept']);
  await fs.remove('/db/kept');
  assert.equal(await fs.exists('/db/kept'), false);
  fs.crash();
  assert.deepEqual([...((await fs.readFile('/db/kept')) ?? [])], [7]);
  await fs.rename('/db/kept', '/db/renamed');
  await fs.syncDirectory('/db');
  fs.crash();
  assert.deepEqual(await fs.list('/db'), ['renamed']);
});

test('a directory whose parent was never synced disappears with its files', async () => {
  const fs = new FaultyFileSystem();
  await fs.makeDirectory('/db/wal');
  const file = await fs.openAppend('/db/wal/a');
  await file.append(bytes(1));
  await file.sync();
  await fs.syncDirectory('/db/wal');
  fs.crash();
  assert.deepEqual(await fs.list('/'), []);
  assert.equal(await fs.readFile('/db/wal/a'), undefined);
});

test('handles opened before a crash fail with EBADF, as do closed ones', async () => {
  const fs = new FaultyFileSystem();
  await durableDirectory(fs, '/db');
  const file = await fs.openAppend('/db/a');
  await file.append(bytes(1));
  const reader = await fs.openRead('/db/a');
  await reader.close();
  await assert.rejects(reader.read(0, 1), hasCode('EBADF'));
  fs.crash();
  await assert.rejects(file.append(bytes(2)), hasCode('EBADF'));
  await assert.rejects(file.sync(), hasCode('EBADF'));
});

test('every counted operation reaches the fault plan with its index, kind, path and size', async () => {
  const fs = new FaultyFileSystem();
  const seen: FileOperation[] = [];
  fs.setFaultPlan((op) => {
    seen.push(op);
    return undefined;
  });
  await fs.makeDirectory('/db');
  const file = await fs.openAppend('/db/a');
  await file.append(bytes(1, 2, 3));
  await file.sync();
  await file.truncate(1);
  const reader = await fs.openRead('/db/a');
  await reader.read(0, 10);
  await fs.rename('/db/a', '/db/b');
  await fs.remove('/db/b');
  await fs.syncDirectory('/db');
  await fs.list('/db');
  await fs.readFile('/db/b');
  await fs.exists('/db');
  assert.deepEqual(
    seen.map((op) => [op.index, op.kind, op.path, op.bytes]),
    [
      [0, 'makeDirectory', '/db', undefined],
      [1, 'openAppend', '/db/a', undefined],
      [2, 'append', '/db/a', 3],
      [3, 'sync', '/db/a', undefined],
      [4, 'truncate', '/db/a', undefined],
      [5, 'openRead', '/db/a', undefined],
      [6, 'read', '/db/a', 10],
      [7, 'rename', '/db/a', undefined],
      [8, 'remove', '/db/b', undefined],
      [9, 'syncDirectory', '/db', undefined],
    ],
  );
  assert.equal(fs.operationCount, 10);
});

test('a failed operation has no effect; a torn append writes its first bytes and fails with EIO', async () => {
  const fs = new FaultyFileSystem();
  await durableDirectory(fs, '/db');
  const file = await fs.openAppend('/db/a');
  fs.setFaultPlan((op) => (op.kind === 'append' && op.bytes === 2 ? { fail: 'ENOSPC' } : undefined));
  await assert.rejects(file.append(bytes(1, 2)), hasCode('ENOSPC'));
  assert.equal(file.size, 0);
  fs.setFaultPlan((op) => (op.kind === 'append' ? { tearAfter: 2 } : undefined));
  await assert.rejects(file.append(bytes(1, 2, 3, 4)), hasCode('EIO'));
  assert.deepEqual([...(fs.fileBytes('/db/a') ?? [])], [1, 2]);
  fs.setFaultPlan((op) => (op.kind === 'sync' ? { fail: 'EIO' } : undefined));
  await assert.rejects(file.sync(), hasCode('EIO'));
  fs.setFaultPlan(() => ({ tearAfter: 1 }));
  await assert.rejects(fs.syncDirectory('/db'), hasCode('EIO'));
  fs.setFaultPlan(undefined);
  fs.crash();
  assert.deepEqual(await fs.list('/db'), []);
});

test('exclusive creation, missing parents and missing files fail with the Node error codes', async () => {
  const fs = new FaultyFileSystem();
  await fs.makeDirectory('/db');
  await fs.openAppend('/db/a', { exclusive: true });
  await assert.rejects(fs.openAppend('/db/a', { exclusive: true }), hasCode('EEXIST'));
  await assert.rejects(fs.openAppend('/nope/a'), hasCode('ENOENT'));
  await assert.rejects(fs.openRead('/db/missing'), hasCode('ENOENT'));
  await assert.rejects(fs.rename('/db/missing', '/db/b'), hasCode('ENOENT'));
  await assert.rejects(fs.openAppend('/db'), hasCode('EISDIR'));
  assert.equal(await fs.readFile('/db/missing'), undefined);
  assert.deepEqual(await fs.list('/missing'), []);
  await fs.remove('/db/missing');
  await fs.removeTree('/db');
  assert.equal(await fs.exists('/db'), false);
});

test('list is sorted and a readable file reports its size at open and reads short at the end', async () => {
  const fs = new FaultyFileSystem();
  await fs.makeDirectory('/db');
  for (const name of ['c', 'a', 'b']) await fs.openAppend(`/db/${name}`);
  assert.deepEqual(await fs.list('/db'), ['a', 'b', 'c']);
  const file = await fs.openAppend('/db/a');
  await file.append(bytes(1, 2, 3));
  const reader = await fs.openRead('/db/a');
  assert.equal(reader.size, 3);
  assert.deepEqual([...(await reader.read(1, 10))], [2, 3]);
  assert.deepEqual([...(await reader.read(5, 10))], []);
});
