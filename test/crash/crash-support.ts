/**
 * Helpers for the in-process crash tests: a seeded random source, small workloads on the storage API, and
 * file surgery on a FaultyFileSystem.
 */
import type { FileSystem } from '../../src/durability/index.js';
import type { GraphStore } from '../../src/storage/index.js';

/** Commits `count` transactions, each creating one `:Item {seq}` node linked to the previous one. */
export async function commitItems(store: GraphStore, count: number, firstSeq = 0): Promise<number[]> {
  const label = store.tokens.labels.getOrCreate('Item');
  const next = store.tokens.relationshipTypes.getOrCreate('NEXT');
  const seq = store.tokens.propertyKeys.getOrCreate('seq');
  const ids: number[] = [];
  for (let index = 0; index < count; index++) {
    const tx = store.begin();
    const id = tx.createNode([label], [[seq, BigInt(firstSeq + index)]]);
    const previous = ids.at(-1);
    if (previous !== undefined) tx.createRelationship(next, previous, id, [[seq, firstSeq + index + 0.5]]);
    await tx.commit();
    ids.push(id);
  }
  return ids;
}

/** The `seq` values of the `:Item` nodes a store holds, ascending. */
export function itemSeqs(store: GraphStore): number[] {
  const label = store.tokens.labels.idOf('Item');
  const seq = store.tokens.propertyKeys.idOf('seq');
  if (label === undefined || seq === undefined) return [];
  const tx = store.begin({ readOnly: true });
  const result: number[] = [];
  for (const cursor = tx.scanNodesByLabel(label); ;) {
    const id = cursor.next();
    if (id === -1) break;
    result.push(Number(tx.nodeProperty(id, seq)));
  }
  tx.rollback();
  return result.sort((a, b) => a - b);
}

/** Replaces `path` durably with `bytes` (damage a file the way a bad disk would). */
export async function overwriteFile(fileSystem: FileSystem, path: string, bytes: Uint8Array): Promise<void> {
  await fileSystem.remove(path);
  const file = await fileSystem.openAppend(path, { exclusive: true });
  await file.append(bytes);
  await file.sync();
  await file.close();
  await fileSystem.syncDirectory(path.slice(0, path.lastIndexOf('/')));
}
