import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/**
 * What became of a bundle's code cache: `accepted` (V8 took it), `absent` (no cache file, or one written
 * for other bundle bytes) or `rejected` (V8 refused it: another Node/V8 version or other V8 flags).
 */
export type CodeCacheStatus = 'accepted' | 'absent' | 'rejected';

/** A CommonJS bundle evaluated by {@link loadCachedBundle}. */
export interface CachedBundle {
  /** The bundle's `module.exports`. */
  readonly exports: unknown;
  readonly cache: CodeCacheStatus;
  /**
   * Writes V8's code cache of the bundle to `<bundle>.cache`: the bytecode of every function compiled so
   * far, so call it after a warm-up run (the build does, see scripts/bundle-cli.mjs).
   */
  writeCache(): void;
}

/**
 * Cache file layout: the magic, then the SHA-256 of the bundle bytes it was made from, then V8's data.
 * V8 checks its own version and flags but of the source only the length, so the digest is what keeps a
 * cache from being applied to another bundle of the same size.
 */
const MAGIC = Buffer.from('QVCC1\n', 'latin1');
const DIGEST_BYTES = 32;

/**
 * The CommonJS module wrapper, on the first line so that line numbers in stack traces stay the file's.
 * Changing it invalidates every cache (V8 compares source lengths), which is harmless: they are rebuilt.
 */
const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) {';
const WRAPPER_TAIL = '\n})';

/**
 * Evaluates the CommonJS bundle at `bundlePath` (absolute) as Node's loader would, but compiled through
 * `vm.Script` with the code cache from `<bundlePath>.cache` when one exists and fits. Start-up time (issue
 * #6): with the cache, V8 neither parses the bundle nor compiles the functions the warm-up ran. A missing,
 * stale or unreadable cache is ignored; the bundle then compiles as usual.
 * @returns undefined when there is no bundle file
 * @throws whatever evaluating the bundle throws
 */
export function loadCachedBundle(bundlePath: string): CachedBundle | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(bundlePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const digest = createHash('sha256').update(bytes).digest();
  const cachePath = `${bundlePath}.cache`;
  const cachedData = readCache(cachePath, digest);
  // The build writes pure ASCII: read as Latin-1 it becomes a one-byte string without UTF-8 decoding.
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const script = new Script(`${WRAPPER_HEAD}${source}${WRAPPER_TAIL}`, {
    filename: bundlePath,
    ...(cachedData === undefined ? {} : { cachedData }),
  });
  const cache: CodeCacheStatus =
    cachedData === undefined ? 'absent' : script.cachedDataRejected === true ? 'rejected' : 'accepted';
  const wrapper: unknown = script.runInThisContext();
  const bundleModule = { exports: {} as unknown };
  (wrapper as (...args: unknown[]) => void)(
    bundleModule.exports,
    createRequire(bundlePath),
    bundleModule,
    bundlePath,
    dirname(bundlePath),
  );
  return {
    exports: bundleModule.exports,
    cache,
    writeCache: () => {
      writeFileSync(cachePath, Buffer.concat([MAGIC, digest, script.createCachedData()]));
    },
  };
}

/** The V8 data of the cache file if it was made for these bundle bytes. */
function readCache(cachePath: string, digest: Buffer): Buffer | undefined {
  let file: Buffer;
  try {
    file = readFileSync(cachePath);
  } catch {
    return undefined; // none (or unreadable): compile without
  }
  const dataStart = MAGIC.length + DIGEST_BYTES;
  if (file.length <= dataStart) return undefined;
  if (!file.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  if (!file.subarray(MAGIC.length, dataStart).equals(digest)) return undefined;
  return file.subarray(dataStart);
}
