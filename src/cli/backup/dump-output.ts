import { once } from 'node:events';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Where a dump goes: written piece by piece, then either finished (kept) or abandoned (removed). */
export interface DumpOutput {
  /** Named in messages: the file, or `stdout`. */
  readonly name: string;
  write(data: Uint8Array | string): Promise<void>;
  /** Makes the dump visible under its name (a file is synced, then renamed over the target). */
  finish(): Promise<void>;
  /** Drops what was written (best effort); the target is left as it was. */
  abandon(): Promise<void>;
}

/**
 * A dump file written as `.<name>.<pid>.tmp` beside the target and renamed over it only when finished (and,
 * with `validate`, found valid), so the target never holds a partial or bad dump: an interrupted dump
 * leaves the previous file intact.
 */
export async function openDumpFile(
  path: string,
  validate: (temporaryPath: string) => Promise<void> = () => Promise.resolve(),
): Promise<DumpOutput> {
  const temporaryPath = join(dirname(path), `.${basename(path)}.${String(process.pid)}.tmp`);
  const handle: FileHandle = await open(temporaryPath, 'w');
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  return {
    name: path,
    write: async (data) => {
      if (typeof data === 'string') await handle.write(data);
      else await handle.write(data);
    },
    finish: async () => {
      await handle.sync();
      await close();
      await validate(temporaryPath);
      await rename(temporaryPath, path);
    },
    abandon: async () => {
      await close().catch(() => undefined);
      await rm(temporaryPath, { force: true }).catch(() => undefined);
    },
  };
}

/** A dump written to a stream (`--to -`), respecting its back-pressure; nothing to finish or drop. */
export function streamDumpOutput(stream: NodeJS.WritableStream): DumpOutput {
  return {
    name: 'stdout',
    write: async (data) => {
      if (!stream.write(data)) await once(stream, 'drain');
    },
    finish: () => Promise.resolve(),
    abandon: () => Promise.resolve(),
  };
}
