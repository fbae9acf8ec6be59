import type { AppendableFile, ReadableFile } from '../file-system.js';
import type { FaultyFileSystem } from './faulty-file-system.js';
import { FileSystemError } from './file-system-error.js';
import {
  appendToFile,
  completeAppend,
  fileExtent,
  reserveFile,
  syncFile,
  truncateFile,
  type MemoryFile,
} from './memory-tree.js';

/** The parts of `FaultyFileSystem` its handles use. */
type HandleHost = Pick<FaultyFileSystem, 'checkFault' | 'isCurrent' | 'appendTurns'>;

/** Shared liveness rules: a handle dies when closed or when the file system crashes (EBADF afterwards). */
abstract class FaultyHandle {
  readonly path: string;
  protected readonly host: HandleHost;
  protected readonly file: MemoryFile;
  private readonly generation: number;
  private isClosed = false;

  constructor(host: HandleHost, path: string, file: MemoryFile, generation: number) {
    this.host = host;
    this.path = path;
    this.file = file;
    this.generation = generation;
  }

  close(): Promise<void> {
    return this.perform('close', () => {
      this.isClosed = true;
    });
  }

  /** Whether the file system has not crashed since the handle was opened. */
  protected isAlive(): boolean {
    return this.host.isCurrent(this.generation);
  }

  /** Runs `action` on a live handle; its errors become rejections. */
  protected perform<T>(operation: string, action: () => T | Promise<T>): Promise<T> {
    // A throwing executor rejects the promise: errors never escape synchronously.
    return new Promise<T>((resolve) => {
      if (this.isClosed || !this.host.isCurrent(this.generation)) {
        throw new FileSystemError('EBADF', operation, this.path);
      }
      resolve(action());
    });
  }
}

/** A positional reader over an in-memory file. */
export class FaultyReadableFile extends FaultyHandle implements ReadableFile {
  readonly size: number;

  constructor(host: HandleHost, path: string, file: MemoryFile, generation: number) {
    super(host, path, file, generation);
    this.size = fileExtent(file);
  }

  read(position: number, length: number): Promise<Uint8Array> {
    return this.perform('read', () => {
      this.host.checkFault('read', this.path, length);
      const end = Math.min(fileExtent(this.file), position + length);
      const bytes = new Uint8Array(Math.max(0, end - position));
      // Past the content come reserved zeros, which the new array holds already.
      if (position < this.file.length)
        bytes.set(this.file.data.subarray(position, Math.min(end, this.file.length)));
      return bytes;
    });
  }
}

/**
 * An appender to an in-memory file; `sync` makes its content the durable one. With `syncEachAppend`, an
 * append that succeeds is synced by itself; a torn one is not.
 */
export class FaultyAppendableFile extends FaultyHandle implements AppendableFile {
  private readonly syncEachAppend: boolean;

  constructor(host: HandleHost, path: string, file: MemoryFile, generation: number, syncEachAppend: boolean) {
    super(host, path, file, generation);
    this.syncEachAppend = syncEachAppend;
  }

  get size(): number {
    return this.file.length;
  }

  /**
   * The bytes land in the file at once and count as in flight until the append completes, `appendTurns`
   * turns of the event loop later (setImmediate): a crash before then may keep any prefix of them, whatever
   * happens to the appends around it. After a crash it fails with EBADF, like every call on a dead handle.
   */
  append(bytes: Uint8Array): Promise<void> {
    return this.perform('append', () => {
      const tearAfter = this.host.checkFault('append', this.path, bytes.length);
      if (tearAfter !== undefined) {
        appendToFile(this.file, bytes.subarray(0, Math.max(0, Math.min(tearAfter, bytes.length))));
        throw new FileSystemError('EIO', 'write', this.path);
      }
      const range = { start: this.file.length, end: this.file.length + bytes.length };
      appendToFile(this.file, bytes);
      this.file.pending.push(range);
      return new Promise<void>((resolve, reject) => {
        const complete = (turns: number): void => {
          if (!this.isAlive()) {
            reject(new FileSystemError('EBADF', 'write', this.path));
            return;
          }
          if (turns > 1) {
            setImmediate(complete, turns - 1);
            return;
          }
          completeAppend(this.file, range, this.syncEachAppend);
          resolve();
        };
        setImmediate(complete, this.host.appendTurns);
      });
    });
  }

  reserve(length: number): Promise<void> {
    return this.perform('reserve', () => {
      this.host.checkFault('reserve', this.path, Math.max(0, length - fileExtent(this.file)));
      reserveFile(this.file, length);
    });
  }

  sync(): Promise<void> {
    return this.perform('sync', () => {
      this.host.checkFault('sync', this.path);
      syncFile(this.file);
    });
  }

  truncate(length: number): Promise<void> {
    return this.perform('truncate', () => {
      this.host.checkFault('truncate', this.path);
      truncateFile(this.file, length);
    });
  }
}
