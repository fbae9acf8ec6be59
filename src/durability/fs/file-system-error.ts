/**
 * A Node-style file-system error (`code` such as `ENOENT`, `EIO`), as the `FileSystem` port promises its
 * callers. It is not a registry error on purpose: the port knows nothing about databases, and durability
 * turns these into `TransactionLogError` or `StorageDamageDetected` where it knows what failed.
 */
export class FileSystemError extends Error {
  readonly code: string;
  readonly path: string;

  constructor(code: string, operation: string, path: string) {
    super(`${code}: ${describeCode(code)}, ${operation} '${path}'`);
    this.code = code;
    this.path = path;
  }

  override get name(): string {
    return 'FileSystemError';
  }
}

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EEXIST: 'file already exists',
  EISDIR: 'illegal operation on a directory',
  ENOTDIR: 'not a directory',
  ENOTEMPTY: 'directory not empty',
  EBADF: 'bad file descriptor',
  ENOSPC: 'no space left on device',
  EIO: 'i/o error',
};

function describeCode(code: string): string {
  return DESCRIPTIONS[code] ?? 'file-system error';
}
