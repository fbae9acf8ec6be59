import { FileSystemError } from './file-system-error.js';

/**
 * The in-memory file tree behind `FaultyFileSystem`, modelling exactly what the `FileSystem` port promises
 * to keep over a crash: per file the bytes the last `sync` made durable beside the current bytes, per
 * directory the entries the last `syncDirectory` made durable beside the current entries.
 */
export interface MemoryFile {
  readonly kind: 'file';
  /** Current content in `data[0, length)`; `data` has spare capacity so appends are amortised. */
  data: Uint8Array;
  length: number;
  /** The length at the last successful sync: a crash returns the file to that content. */
  syncedLength: number;
  /**
   * The synced content, kept only once a truncate cut below `syncedLength` (until then it is simply the
   * first `syncedLength` bytes of `data`, which saves copying the whole file on every sync).
   */
  syncedCopy: Uint8Array | undefined;
  /** Zeros reserved past `length`: the file is `max(length, reserved)` bytes long (see `reserveFile`). */
  reserved: number;
  /** `reserved` at the last successful sync. */
  syncedReserved: number;
  /** Appends in flight (issued, not yet completed), by their range; they may reach the disk in any order. */
  pending: PendingRange[];
}

/** The bytes `[start, end)` of a file. */
export interface PendingRange {
  readonly start: number;
  readonly end: number;
}

export interface MemoryDirectory {
  readonly kind: 'directory';
  entries: Map<string, MemoryNode>;
  /** The entries a crash returns to (the state at the last successful syncDirectory). */
  durable: Map<string, MemoryNode>;
}

export type MemoryNode = MemoryFile | MemoryDirectory;

export function newFile(): MemoryFile {
  return {
    kind: 'file',
    data: new Uint8Array(64),
    length: 0,
    syncedLength: 0,
    syncedCopy: undefined,
    reserved: 0,
    syncedReserved: 0,
    pending: [],
  };
}

export function newDirectory(): MemoryDirectory {
  return { kind: 'directory', entries: new Map(), durable: new Map() };
}

/** The file's size: its content plus reserved zeros. */
export function fileExtent(file: MemoryFile): number {
  return Math.max(file.length, file.reserved);
}

/** The current content of a file, reserved zeros included, as a copy. */
export function fileContent(file: MemoryFile): Uint8Array {
  const content = new Uint8Array(fileExtent(file));
  content.set(file.data.subarray(0, file.length));
  return content;
}

/**
 * Turns reserved zeros into content, so that appends land at the end of the file: what opening an existing
 * file does. The zeros were durable, so if the file had no unsynced bytes it still has none.
 */
export function adoptReserve(file: MemoryFile): void {
  if (file.reserved <= file.length) return;
  const wasSynced = file.syncedLength === file.length && file.syncedCopy === undefined;
  appendToFile(file, new Uint8Array(file.reserved - file.length));
  if (wasSynced) file.syncedLength = file.length;
}

/** Reserves zeros up to `length` bytes and syncs the file (the port's `reserve`). */
export function reserveFile(file: MemoryFile, length: number): void {
  file.reserved = Math.max(file.reserved, length);
  syncFile(file);
}

/** Appends bytes to the current content. */
export function appendToFile(file: MemoryFile, bytes: Uint8Array): void {
  const needed = file.length + bytes.length;
  if (needed > file.data.length) {
    let capacity = Math.max(64, file.data.length * 2);
    while (capacity < needed) capacity *= 2;
    const grown = new Uint8Array(capacity);
    grown.set(file.data.subarray(0, file.length));
    file.data = grown;
  }
  file.data.set(bytes, file.length);
  file.length = needed;
}

/** Makes the current content the durable one, up to the first append still in flight. */
export function syncFile(file: MemoryFile): void {
  file.syncedLength = file.pending.reduce((first, range) => Math.min(first, range.start), file.length);
  file.syncedCopy = undefined;
  file.syncedReserved = file.reserved;
}

/**
 * The append of `range` completed: it leaves the appends in flight, and with `synced` (a file opened with
 * `syncEachAppend`) it is durable, when everything before it is.
 */
export function completeAppend(file: MemoryFile, range: PendingRange, synced: boolean): void {
  file.pending = file.pending.filter((other) => other !== range);
  if (synced && file.syncedCopy === undefined && file.syncedLength >= range.start) {
    file.syncedLength = Math.max(file.syncedLength, range.end);
  }
}

/** Cuts (or zero-extends, as POSIX ftruncate does) the current content to `length` bytes, reserve included. */
export function truncateFile(file: MemoryFile, length: number): void {
  file.pending = file.pending
    .filter((range) => range.start < length)
    .map((range) => ({ start: range.start, end: Math.min(range.end, length) }));
  file.reserved = Math.min(file.reserved, length);
  if (length < file.syncedLength && file.syncedCopy === undefined) {
    file.syncedCopy = file.data.slice(0, file.syncedLength);
  }
  if (length > file.length) appendToFile(file, new Uint8Array(length - file.length));
  else file.data.fill(0, length, file.length);
  file.length = length;
}

/** The path split into entry names (`/` separated; empty parts and `.` ignored, `..` goes up). */
export function splitPath(path: string): string[] {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts;
}

/** The node at `parts` under `root`, or undefined when an entry is missing. */
export function lookUp(
  root: MemoryDirectory,
  parts: readonly string[],
  path: string,
): MemoryNode | undefined {
  let node: MemoryNode = root;
  for (const part of parts) {
    if (node.kind !== 'directory') throw new FileSystemError('ENOTDIR', 'resolve', path);
    const next = node.entries.get(part);
    if (next === undefined) return undefined;
    node = next;
  }
  return node;
}

/** The directory holding the entry `path` names, and the entry's name. */
export function parentOf(
  root: MemoryDirectory,
  path: string,
  operation: string,
): { directory: MemoryDirectory; name: string } {
  const parts = splitPath(path);
  const name = parts.pop();
  if (name === undefined) throw new FileSystemError('EISDIR', operation, path);
  const directory = lookUp(root, parts, path);
  if (directory === undefined) throw new FileSystemError('ENOENT', operation, path);
  if (directory.kind !== 'directory') throw new FileSystemError('ENOTDIR', operation, path);
  return { directory, name };
}

/**
 * Forgets everything not durable under `directory`: its entries return to the durable set, and every file
 * still reachable returns to its synced bytes, plus with `tearFraction` a prefix of its unsynced appends, and
 * to the zeros reserved at its last sync.
 */
export function crashTree(
  directory: MemoryDirectory,
  tearFraction: (() => number) | undefined,
  seen: Set<MemoryNode>,
): void {
  directory.entries = new Map(directory.durable);
  for (const node of directory.entries.values()) {
    // A node may be reachable under two names (a rename whose old entry is still the durable one).
    if (seen.has(node)) continue;
    seen.add(node);
    if (node.kind === 'directory') crashTree(node, tearFraction, seen);
    else crashFile(node, tearFraction);
  }
}

function crashFile(file: MemoryFile, tearFraction: (() => number) | undefined): void {
  if (file.syncedCopy !== undefined) {
    // A truncate cut below the synced bytes: they come back, and nothing appended since.
    file.data = file.syncedCopy;
    file.length = file.syncedCopy.length;
  } else {
    const synced = file.syncedLength;
    let kept = synced;
    const survivors: { start: number; bytes: Uint8Array }[] = [];
    if (tearFraction !== undefined && file.length > synced) {
      // The unsynced bytes keep a prefix, in order (a torn write)...
      kept = synced + Math.min(file.length - synced, Math.floor(tearFraction() * (file.length - synced + 1)));
      // ...except appends in flight, which each keep a prefix of their own, wherever `kept` ends.
      for (const range of file.pending) {
        const length = range.end - range.start;
        const end = range.start + Math.min(length, Math.floor(tearFraction() * (length + 1)));
        survivors.push({ start: range.start, bytes: file.data.slice(range.start, end) });
      }
    }
    for (const range of file.pending) file.data.fill(0, range.start, range.end);
    file.data.fill(0, kept, file.length);
    file.length = kept;
    for (const survivor of survivors) {
      if (survivor.bytes.length === 0) continue;
      file.data.set(survivor.bytes, survivor.start);
      file.length = Math.max(file.length, survivor.start + survivor.bytes.length);
    }
  }
  file.pending = [];
  file.syncedLength = file.length;
  file.syncedCopy = undefined;
  file.reserved = file.syncedReserved;
}
