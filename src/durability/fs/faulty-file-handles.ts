import type { AppendableFile, ReadableFile } from '../file-system.js';
import type { FaultyFileSystem } from './faulty-file-system.js';
import { FileSystemError } from './file-system-error.js';
import { appendToFile, syncFile, truncateFile, type MemoryFile } from './memory-tree.js';

/** The parts of `FaultyFileSystem` its handles use. */
type HandleHost = Pick<FaultyFileSystem, 'checkFault' | 'isCurrent'>;

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

  /** Runs `action` on a live handle; its errors become rejections. */
  protected perform<T>(operation: string, action: () => T): Promise<T> {
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
    this.size = file.length;
  }

  read(position: number, length: number): Promise<Uint8Array> {
    return this.perform('read', () => {
      this.host.checkFault('read', this.path, length);
      const start = Math.min(position, this.file.length);
      return this.file.data.slice(start, Math.min(this.file.length, position + length));
    });
  }
}

/** An appender to an in-memory file; `sync` makes its content the durable one. */
export class FaultyAppendableFile extends FaultyHandle implements AppendableFile {
  get size(): number {
    return this.file.length;
  }

  append(bytes: Uint8Array): Promise<void> {
    return this.perform('append', () => {
      const tearAfter = this.host.checkFault('append', this.path, bytes.length);
      if (tearAfter === undefined) {
        appendToFile(this.file, bytes);
        return;
      }
      appendToFile(this.file, bytes.subarray(0, Math.max(0, Math.min(tearAfter, bytes.length))));
      throw new FileSystemError('EIO', 'write', this.path);
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
