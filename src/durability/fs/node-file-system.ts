import { mkdir, open, readdir, readFile, rename, rm, stat, unlink, type FileHandle } from 'node:fs/promises';
import { fileErrorCode, type AppendableFile, type FileSystem, type ReadableFile } from '../file-system.js';

/**
 * The `FileSystem` port over `node:fs/promises`: the one production implementation. Appends go through a
 * handle opened in append mode, `sync` is `fdatasync` (file data and the metadata needed to read it back,
 * which is what a WAL needs), and `syncDirectory` fsyncs the directory itself so that created, renamed and
 * removed entries survive a power loss.
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
    const handle = await open(path, options?.exclusive === true ? 'ax' : 'a');
    try {
      const { size } = await handle.stat();
      return new NodeAppendableFile(path, handle, size);
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

class NodeAppendableFile implements AppendableFile {
  readonly path: string;
  private readonly handle: FileHandle;
  private length: number;

  constructor(path: string, handle: FileHandle, size: number) {
    this.path = path;
    this.handle = handle;
    this.length = size;
  }

  get size(): number {
    return this.length;
  }

  async append(bytes: Uint8Array): Promise<void> {
    let written = 0;
    // In append mode the position is ignored: every write lands at the current end of the file.
    while (written < bytes.length) {
      const result = await this.handle.write(bytes, written, bytes.length - written);
      written += result.bytesWritten;
      this.length += result.bytesWritten;
    }
  }

  async sync(): Promise<void> {
    await this.handle.datasync();
  }

  async truncate(length: number): Promise<void> {
    await this.handle.truncate(length);
    this.length = length;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
