import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FaultyFileSystem, type FileOperation } from './faulty-file-system.js';

/*
 * The in-memory model of `reserve` and `syncEachAppend` (file-system.ts): reserved zeros are durable, appends
 * overwrite them in place and need a sync like any append, a crash returns a file to its synced bytes over
 * its synced reserve, and a syncEachAppend file makes each successful append durable by itself.
 */

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);

async function newFile(
  options: { syncEachAppend?: boolean } = {},
): Promise<{ fs: FaultyFileSystem; file: Awaited<ReturnType<FaultyFileSystem['openAppend']>> }> {
  const fs = new FaultyFileSystem();
  await fs.makeDirectory('/db');
  await fs.syncDirectory('/');
  const file = await fs.openAppend('/db/a', { exclusive: true, ...options });
  await fs.syncDirectory('/db');
  return { fs, file };
}

test('reserved zeros are durable; appends overwrite them in place and are lost without a sync', async () => {
  const { fs, file } = await newFile();
  await file.append(bytes(1, 2));
  await file.reserve(6);
  assert.equal(file.size, 2, 'the reserve does not move the append position');
  assert.deepEqual([...(fs.fileBytes('/db/a') ?? [])], [1, 2, 0, 0, 0, 0]);
  await file.append(bytes(3));
  assert.deepEqual([...(fs.fileBytes('/db/a') ?? [])], [1, 2, 3, 0, 0, 0]);
  fs.crash();
  assert.deepEqual([...(fs.fileBytes('/db/a') ?? [])], [1, 2, 0, 0, 0, 0], 'reserve synced bytes 1 and 2');
});

test('an append past the reserve grows the file; a torn crash keeps a prefix over the zeros', async () => {
  const { fs, file } = await newFile();
  await file.append(bytes(1));
  await file.reserve(3);
  await file.append(bytes(2, 3, 4, 5));
  assert.deepEqual([...(fs.fileBytes('/db/a') ?? [])], [1, 2, 3, 4, 5]);
  fs.crash({ tear: true, random: () => 0.5 });
  assert.deepEqual([...(fs.fileBytes('/db/a') ?? [])], [1, 2, 3]);
});

test('a truncate cuts the reserve too, and a crash before its sync brings the reserve back', async () => {
  const { fs, file } = await newFile();
  await file.append(bytes(7));
  await file.reserve(4);
  await file.truncate(1);
  assert.deepEqual([...(fs.fileBytes('/db/a') ?? [])], [7]);
  fs.crash();
  assert.deepEqual([...(fs.fileBytes('/db/a') ?? [])], [7, 0, 0, 0]);
  const again = await fs.openAppend('/db/a');
  assert.equal(again.size, 4, 'opened again, appends start after the zeros');
  await again.truncate(1);
  await again.sync();
  fs.crash();
  assert.deepEqual([...(fs.fileBytes('/db/a') ?? [])], [7]);
});

test('a syncEachAppend file keeps every successful append over a crash, but not a torn one', async () => {
  const { fs, file } = await newFile({ syncEachAppend: true });
  await file.append(bytes(1, 2));
  fs.crash();
  assert.deepEqual([...(fs.fileBytes('/db/a') ?? [])], [1, 2]);
  const again = await fs.openAppend('/db/a', { syncEachAppend: true });
  fs.setFaultPlan((op) => (op.kind === 'append' ? { tearAfter: 1 } : undefined));
  await assert.rejects(again.append(bytes(3, 4)), /EIO/);
  assert.deepEqual([...(fs.fileBytes('/db/a') ?? [])], [1, 2, 3]);
  fs.setFaultPlan(undefined);
  fs.crash();
  assert.deepEqual([...(fs.fileBytes('/db/a') ?? [])], [1, 2]);
});

test('a reserve reaches the fault plan with the zeros it adds, and a failed one changes nothing', async () => {
  const { fs, file } = await newFile();
  await file.append(bytes(1));
  const seen: FileOperation[] = [];
  fs.setFaultPlan((op) => {
    seen.push(op);
    return op.kind === 'reserve' ? { fail: 'ENOSPC' } : undefined;
  });
  await assert.rejects(file.reserve(5), /ENOSPC/);
  assert.deepEqual(
    seen.map(({ kind, bytes: count }) => ({ kind, bytes: count })),
    [{ kind: 'reserve', bytes: 4 }],
  );
  assert.deepEqual([...(fs.fileBytes('/db/a') ?? [])], [1]);
  fs.crash();
  assert.deepEqual([...(fs.fileBytes('/db/a') ?? [])], [], 'the failed reserve synced nothing');
});

test('a reader sees reserved zeros as part of the file', async () => {
  const { fs, file } = await newFile();
  await file.append(bytes(9, 8));
  await file.reserve(5);
  const reader = await fs.openRead('/db/a');
  assert.equal(reader.size, 5);
  assert.deepEqual([...(await reader.read(1, 10))], [8, 0, 0, 0]);
  await reader.close();
});
