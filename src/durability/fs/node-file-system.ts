import { constants, fdatasync, write, writeSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, unlink, type FileHandle } from 'node:fs/promises';
import { fileErrorCode, type AppendableFile, type FileSystem, type ReadableFile } from '../file-system.js';

/**
 * The `FileSystem` port over `node:fs`: the one production implementation. Appends are positional writes
 * at the tracked end (so they can overwrite reserved zeros), `sync` is `fdatasync` (file data and the
 * metadata needed to read it back, which is what a WAL needs), `syncEachAppend` opens the file O_DSYNC, and
 * `syncDirectory` fsyncs the directory itself so that created, renamed and removed entries survive a power
 * loss.
 */
export const nodeFileSystem: FileSystem = {
  async makeDirectory(path) {
    await mkdir(path, { recursive: true });
  },

  async list(directory) {
    try {
      return (await readdir(directory)).sort();
    } catch (error) {
      if (fileErrorCode(error) === 'ENOENT') return [];
      throw error;
    }
  },

  async exists(path) {
    try {
      await stat(path);
      return true;
    } catch (error) {
      if (fileErrorCode(error) === 'ENOENT') return false;
      throw error;
    }
  },

  async readFile(path) {
    try {
      const buffer = await readFile(path);
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    } catch (error) {
      if (fileErrorCode(error) === 'ENOENT') return undefined;
      throw error;
    }
  },

  async openRead(path) {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      return new NodeReadableFile(path, handle, size);
    } catch (error) {
      await handle.close();
      throw error;
    }
  },

  async openAppend(path, options) {
    let flags = constants.O_WRONLY | constants.O_CREAT;
    if (options?.exclusive === true) flags |= constants.O_EXCL;
    if (options?.syncEachAppend === true) flags |= constants.O_DSYNC;
    const handle = await open(path, flags);
    try {
      const { size } = await handle.stat();
      return new NodeAppendableFile(path, handle, size, options?.syncEachAppend === true);
    } catch (error) {
      await handle.close();
      throw error;
    }
  },

  async rename(from, to) {
    await rename(from, to);
  },

  async remove(path) {
    try {
      await unlink(path);
    } catch (error) {
      if (fileErrorCode(error) !== 'ENOENT') throw error;
    }
  },

  async syncDirectory(directory) {
    const handle = await open(directory, 'r');
    try {
      await handle.sync();
    } catch (error) {
      // Some platforms (Windows, some network file systems) refuse to fsync a directory; there the
      // entries are as durable as the platform makes them, and refusing to run would help nobody.
      const code = fileErrorCode(error);
      if (code !== 'EISDIR' && code !== 'EINVAL' && code !== 'EPERM') throw error;
    } finally {
      await handle.close();
    }
  },

  async removeTree(directory) {
    await rm(directory, { recursive: true, force: true });
  },
};

class NodeReadableFile implements ReadableFile {
  readonly path: string;
  readonly size: number;
  private readonly handle: FileHandle;

  constructor(path: string, handle: FileHandle, size: number) {
    this.path = path;
    this.handle = handle;
    this.size = size;
  }

  async read(position: number, length: number): Promise<Uint8Array> {
    const buffer = new Uint8Array(length);
    let filled = 0;
    // A read may return fewer bytes than asked before the end of the file; keep reading until the end.
    while (filled < length) {
      const { bytesRead } = await this.handle.read(buffer, filled, length - filled, position + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled === length ? buffer : buffer.subarray(0, filled);
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

/**
 * Appends smaller than this are written synchronously when they need no sync: a write into the page cache
 * costs a few microseconds, a round trip through libuv's thread pool several times that (and on a busy
 * machine a context switch). Durable (O_DSYNC) appends always go to the thread pool.
 */
const SYNCHRONOUS_WRITE_BYTES = 64 * 1024;
/** The zeros `reserve` writes, one slice at a time. */
let zeros: Uint8Array | undefined;

function writeAt(
  fd: number,
  bytes: Uint8Array,
  offset: number,
  length: number,
  position: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    write(fd, bytes, offset, length, position, (error, written) => {
      if (error === null) resolve(written);
      else reject(error);
    });
  });
}

function dataSync(fd: number): Promise<void> {
  return new Promise((resolve, reject) => {
    fdatasync(fd, (error) => {
      if (error === null) resolve();
      else reject(error);
    });
  });
}

class NodeAppendableFile implements AppendableFile {
  readonly path: string;
  private readonly handle: FileHandle;
  private readonly isDurable: boolean;
  private length: number;
  /** The file's size on disk: `length` plus any reserved zeros. */
  private extent: number;

  constructor(path: string, handle: FileHandle, size: number, isDurable: boolean) {
    this.path = path;
    this.handle = handle;
    this.length = size;
    this.extent = size;
    this.isDurable = isDurable;
  }

  get size(): number {
    return this.length;
  }

  async append(bytes: Uint8Array): Promise<void> {
    const fd = this.handle.fd;
    // The range is claimed now, so that an append issued while this one is in flight lands after it.
    const start = this.length;
    this.length += bytes.length;
    this.extent = Math.max(this.extent, this.length);
    let written = 0;
    // A write may take fewer bytes than asked (a signal, a full device); keep writing the rest.
    while (written < bytes.length) {
      const length = bytes.length - written;
      written +=
        !this.isDurable && length <= SYNCHRONOUS_WRITE_BYTES
          ? writeSync(fd, bytes, written, length, start + written)
          : await writeAt(fd, bytes, written, length, start + written);
    }
  }

  async reserve(length: number): Promise<void> {
    const fd = this.handle.fd;
    zeros ??= new Uint8Array(1024 * 1024);
    while (this.extent < length) {
      const count = await writeAt(fd, zeros, 0, Math.min(zeros.length, length - this.extent), this.extent);
      this.extent += count;
    }
    await dataSync(fd);
  }

  async sync(): Promise<void> {
    await dataSync(this.handle.fd);
  }

  async truncate(length: number): Promise<void> {
    await this.handle.truncate(length);
    this.length = length;
    this.extent = length;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
