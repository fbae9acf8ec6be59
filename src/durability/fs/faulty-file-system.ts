import type { AppendableFile, AppendOptions, FileSystem, ReadableFile } from '../file-system.js';
import { FaultyAppendableFile, FaultyReadableFile } from './faulty-file-handles.js';
import { FileSystemError } from './file-system-error.js';
import {
  adoptReserve,
  crashTree,
  fileContent,
  lookUp,
  newDirectory,
  newFile,
  parentOf,
  splitPath,
  type MemoryDirectory,
} from './memory-tree.js';

/** The operations a fault plan sees (and may fail); reads of whole files and listings cannot fail. */
export type FileOperationKind =
  | 'makeDirectory'
  | 'openAppend'
  | 'openRead'
  | 'read'
  | 'append'
  | 'reserve'
  | 'sync'
  | 'truncate'
  | 'rename'
  | 'remove'
  | 'syncDirectory';

/** One operation, numbered from 0 over the life of the file system. */
export interface FileOperation {
  readonly index: number;
  readonly kind: FileOperationKind;
  readonly path: string;
  /** Bytes to append (append), to read (read) or zeros to add (reserve). */
  readonly bytes?: number;
}

/**
 * What to do instead of the operation: fail it with the code and no effect, or (appends) write only the
 * first `tearAfter` bytes and then fail with `EIO`. Any other operation given `tearAfter` fails with `EIO`.
 */
export type FaultAction = { readonly fail: 'ENOSPC' | 'EIO' } | { readonly tearAfter: number };

/** Decides for each operation whether it fails. */
export type FaultPlan = (op: FileOperation) => FaultAction | undefined;

/** Options of `FaultyFileSystem.crash`. */
export interface CrashOptions {
  /**
   * Keep a random prefix of each file's unsynced appends, as a torn write would, and of each append still
   * in flight a random prefix of its own (so a later one may be kept while an earlier one is lost). Default
   * false: everything unsynced is lost.
   */
  readonly tear?: boolean;
  /** The random source for tearing, in [0, 1). Default Math.random; tests pass a seeded one. */
  readonly random?: () => number;
}

/**
 * An in-memory `FileSystem` for crash tests that models the port's durability contract exactly: appended
 * bytes survive `crash()` only once synced, directory entries only once their directory was synced, and
 * a crash may keep any prefix of unsynced appends, and of each append in flight (an append completes
 * `appendTurns` turns of the event loop after it was issued). A `FaultPlan` fails any numbered operation with
 * `ENOSPC`/`EIO` or tears an append, so a test can count a workload's operations and fail each in turn.
 */
export class FaultyFileSystem implements FileSystem {
  private readonly root: MemoryDirectory = newDirectory();
  private plan: FaultPlan | undefined;
  private operations = 0;
  /**
   * Turns of the event loop an append takes to complete (default 1): more lets a test see a writer keep
   * several appends in flight, as a real disk's latency does.
   */
  appendTurns = 1;
  /** Bumped by each crash; handles opened before it are dead. */
  private generation = 0;

  /** Operations counted so far (the next operation's index). */
  get operationCount(): number {
    return this.operations;
  }

  setFaultPlan(plan: FaultPlan | undefined): void {
    this.plan = plan;
  }

  /** Forgets everything not durable and invalidates every open handle (see `CrashOptions`). */
  crash(options: CrashOptions = {}): void {
    this.generation++;
    const random = options.random ?? Math.random;
    crashTree(this.root, options.tear === true ? random : undefined, new Set());
  }

  /** The current content of a file (durable or not), or undefined when there is none. */
  fileBytes(path: string): Uint8Array | undefined {
    const node = lookUp(this.root, splitPath(path), path);
    return node?.kind === 'file' ? fileContent(node) : undefined;
  }

  /** How many appends to the file at `path` are in flight (issued, not yet completed). */
  appendsInFlight(path: string): number {
    const node = lookUp(this.root, splitPath(path), path);
    return node?.kind === 'file' ? node.pending.length : 0;
  }

  makeDirectory(path: string): Promise<void> {
    return this.run('makeDirectory', path, () => {
      let directory = this.root;
      for (const part of splitPath(path)) {
        let next = directory.entries.get(part);
        if (next === undefined) {
          next = newDirectory();
          directory.entries.set(part, next);
        }
        if (next.kind !== 'directory') throw new FileSystemError('EEXIST', 'mkdir', path);
        directory = next;
      }
    });
  }

  list(directory: string): Promise<string[]> {
    return this.unfaulted(() => {
      const node = lookUp(this.root, splitPath(directory), directory);
      if (node === undefined) return [];
      if (node.kind !== 'directory') throw new FileSystemError('ENOTDIR', 'scandir', directory);
      return [...node.entries.keys()].sort();
    });
  }

  exists(path: string): Promise<boolean> {
    return this.unfaulted(() => lookUp(this.root, splitPath(path), path) !== undefined);
  }

  readFile(path: string): Promise<Uint8Array | undefined> {
    return this.unfaulted(() => {
      const node = lookUp(this.root, splitPath(path), path);
      if (node === undefined) return undefined;
      if (node.kind !== 'file') throw new FileSystemError('EISDIR', 'read', path);
      return fileContent(node);
    });
  }

  openRead(path: string): Promise<ReadableFile> {
    return this.run('openRead', path, () => {
      const node = lookUp(this.root, splitPath(path), path);
      if (node === undefined) throw new FileSystemError('ENOENT', 'open', path);
      if (node.kind !== 'file') throw new FileSystemError('EISDIR', 'open', path);
      return new FaultyReadableFile(this, path, node, this.generation);
    });
  }

  openAppend(path: string, options?: AppendOptions): Promise<AppendableFile> {
    return this.run('openAppend', path, () => {
      const { directory, name } = parentOf(this.root, path, 'open');
      let node = directory.entries.get(name);
      if (node !== undefined && options?.exclusive === true)
        throw new FileSystemError('EEXIST', 'open', path);
      if (node === undefined) {
        node = newFile();
        directory.entries.set(name, node);
      }
      if (node.kind !== 'file') throw new FileSystemError('EISDIR', 'open', path);
      adoptReserve(node);
      return new FaultyAppendableFile(this, path, node, this.generation, options?.syncEachAppend === true);
    });
  }

  rename(from: string, to: string): Promise<void> {
    return this.run('rename', from, () => {
      const source = parentOf(this.root, from, 'rename');
      const node = source.directory.entries.get(source.name);
      if (node === undefined) throw new FileSystemError('ENOENT', 'rename', from);
      const target = parentOf(this.root, to, 'rename');
      const replaced = target.directory.entries.get(target.name);
      if (replaced?.kind === 'directory' && node.kind === 'file') {
        throw new FileSystemError('EISDIR', 'rename', to);
      }
      if (replaced?.kind === 'directory' && replaced.entries.size > 0) {
        throw new FileSystemError('ENOTEMPTY', 'rename', to);
      }
      source.directory.entries.delete(source.name);
      target.directory.entries.set(target.name, node);
    });
  }

  remove(path: string): Promise<void> {
    return this.run('remove', path, () => {
      const { directory, name } = parentOf(this.root, path, 'unlink');
      const node = directory.entries.get(name);
      if (node?.kind === 'directory') throw new FileSystemError('EISDIR', 'unlink', path);
      directory.entries.delete(name);
    });
  }

  syncDirectory(directory: string): Promise<void> {
    return this.run('syncDirectory', directory, () => {
      const node = lookUp(this.root, splitPath(directory), directory);
      if (node === undefined) throw new FileSystemError('ENOENT', 'open', directory);
      if (node.kind !== 'directory') throw new FileSystemError('ENOTDIR', 'fsync', directory);
      node.durable = new Map(node.entries);
    });
  }

  /** Not a numbered operation (the fault plan does not see it): DROP DATABASE is not crash-tested here. */
  removeTree(directory: string): Promise<void> {
    return this.unfaulted(() => {
      const parts = splitPath(directory);
      const name = parts.pop();
      if (name === undefined) throw new FileSystemError('EBUSY', 'rmdir', directory);
      const parent = lookUp(this.root, parts, directory);
      if (parent?.kind === 'directory') parent.entries.delete(name);
    });
  }

  /**
   * Numbers an operation and asks the plan about it; returns how many bytes an append may write before
   * failing (a tear), or undefined to run the operation normally.
   * @internal used by the handles.
   */
  checkFault(kind: FileOperationKind, path: string, bytes?: number): number | undefined {
    const index = this.operations++;
    const action = this.plan?.(bytes === undefined ? { index, kind, path } : { index, kind, path, bytes });
    if (action === undefined) return undefined;
    if ('fail' in action) throw new FileSystemError(action.fail, kind, path);
    if (kind !== 'append') throw new FileSystemError('EIO', kind, path);
    return action.tearAfter;
  }

  /** @internal whether handles of `generation` are still alive. */
  isCurrent(generation: number): boolean {
    return generation === this.generation;
  }

  private run<T>(kind: FileOperationKind, path: string, action: () => T): Promise<T> {
    return this.unfaulted(() => {
      this.checkFault(kind, path);
      return action();
    });
  }

  /** Runs `action` as an async operation: its errors become rejections, never synchronous throws. */
  private unfaulted<T>(action: () => T): Promise<T> {
    // A throwing executor rejects the promise.
    return new Promise<T>((resolve) => {
      resolve(action());
    });
  }
}
