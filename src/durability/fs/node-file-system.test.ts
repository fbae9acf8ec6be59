import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileErrorCode } from '../file-system.js';
import { nodeFileSystem as fs } from './node-file-system.js';

let root = '';
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'quiver-fs-'));
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

test('appends, syncs, truncates and reads back a real file', async () => {
  const directory = join(root, 'a', 'b');
  await fs.makeDirectory(directory);
  await fs.makeDirectory(directory);
  const path = join(directory, 'log');
  const file = await fs.openAppend(path, { exclusive: true });
  await file.append(new Uint8Array([1, 2, 3]));
  await file.append(new Uint8Array([4]));
  await file.sync();
  assert.equal(file.size, 4);
  await file.truncate(2);
  assert.equal(file.size, 2);
  await file.close();
  await fs.syncDirectory(directory);
  const again = await fs.openAppend(path);
  assert.equal(again.size, 2);
  await again.append(new Uint8Array([9]));
  await again.close();
  assert.deepEqual([...((await fs.readFile(path)) ?? [])], [1, 2, 9]);
  const reader = await fs.openRead(path);
  assert.equal(reader.size, 3);
  assert.deepEqual([...(await reader.read(1, 100))], [2, 9]);
  await reader.close();
});

test('reserve writes zeros past the end, appends overwrite them in place, and a reopened file appends after them', async () => {
  const path = join(root, 'reserved');
  const file = await fs.openAppend(path, { exclusive: true, syncEachAppend: true });
  await file.append(new Uint8Array([1, 2, 3]));
  await file.reserve(3 * 1024 * 1024 + 5);
  assert.equal(file.size, 3);
  await file.append(new Uint8Array([4]));
  const content = (await fs.readFile(path)) ?? new Uint8Array(0);
  assert.equal(content.length, 3 * 1024 * 1024 + 5);
  assert.deepEqual([...content.subarray(0, 6)], [1, 2, 3, 4, 0, 0]);
  assert.ok(content.subarray(4).every((byte) => byte === 0));
  await file.close();
  const again = await fs.openAppend(path);
  assert.equal(again.size, 3 * 1024 * 1024 + 5);
  await again.truncate(4);
  await again.append(new Uint8Array([5]));
  await again.sync();
  await again.close();
  assert.deepEqual([...((await fs.readFile(path)) ?? [])], [1, 2, 3, 4, 5]);
});

test('exclusive creation of an existing file fails with EEXIST', async () => {
  const path = join(root, 'exclusive');
  await (await fs.openAppend(path, { exclusive: true })).close();
  await assert.rejects(
    fs.openAppend(path, { exclusive: true }),
    (error) => fileErrorCode(error) === 'EEXIST',
  );
});

test('missing things: list gives [], readFile undefined, exists false, remove is fine', async () => {
  const missing = join(root, 'missing');
  assert.deepEqual(await fs.list(missing), []);
  assert.equal(await fs.readFile(missing), undefined);
  assert.equal(await fs.exists(missing), false);
  await fs.remove(missing);
  await fs.removeTree(missing);
  await assert.rejects(fs.openRead(missing), (error) => fileErrorCode(error) === 'ENOENT');
});

test('rename replaces the target, list is sorted and removeTree removes a whole directory', async () => {
  const directory = join(root, 'tree');
  await fs.makeDirectory(directory);
  for (const name of ['c', 'a', 'b']) await (await fs.openAppend(join(directory, name))).close();
  await fs.rename(join(directory, 'c'), join(directory, 'a'));
  assert.deepEqual(await fs.list(directory), ['a', 'b']);
  await fs.remove(join(directory, 'b'));
  assert.deepEqual(await fs.list(directory), ['a']);
  await fs.removeTree(directory);
  assert.equal(await fs.exists(directory), false);
});

test('appends issued while others are in flight land one after another, in call order', async () => {
  for (const syncEachAppend of [false, true]) {
    const path = join(root, `overlap-${syncEachAppend}`);
    const file = await fs.openAppend(path, { exclusive: true, syncEachAppend });
    // Larger than the synchronous-write limit, so that they really overlap in the thread pool.
    const parts = [1, 2, 3, 4].map((value) => new Uint8Array(100 * 1024 + value).fill(value));
    const appends = parts.map((part) => file.append(part));
    assert.equal(file.size, 400 * 1024 + 10, 'the size counts appends in flight');
    await Promise.all(appends);
    await file.close();
    const content = (await fs.readFile(path)) ?? new Uint8Array(0);
    let offset = 0;
    for (const part of parts) {
      assert.deepEqual(content.subarray(offset, offset + part.length), part);
      offset += part.length;
    }
    assert.equal(content.length, offset);
  }
});
