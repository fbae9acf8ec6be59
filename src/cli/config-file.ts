import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * A bad command line, environment variable or config file: `quiver` prints the message (which says what
 * is wrong and where) and exits with code 2, the usual code for usage errors.
 */
export class ConfigurationError extends Error {
  override get name(): string {
    return 'ConfigurationError';
  }
}

/** A config file's settings, by key, as found in the file (checked against the known keys only). */
export interface ConfigFile {
  /** The absolute path. */
  readonly path: string;
  /** Relative paths inside the file are relative to this directory (the file's own). */
  readonly directory: string;
  readonly values: ReadonlyMap<string, unknown>;
}

/**
 * Reads a JSON config file: one object whose keys are settings (camelCase, as the flags: `--data-dir` is
 * `dataDir`). Keys starting with `$` (`$schema`, `$comment`) are ignored.
 * @throws ConfigurationError when the file cannot be read, is not a JSON object, or names an unknown setting
 */
export function readConfigFile(path: string, knownKeys: readonly string[]): ConfigFile {
  const absolute = resolve(path);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new ConfigurationError(`Cannot read config file "${path}": ${describeFileError(error)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigurationError(
      `Config file "${path}" is not valid JSON: ${describeJsonError(error, text)}`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigurationError(
      `Config file "${path}" must hold one JSON object of settings, like {"port": 7687}`,
    );
  }
  const values = new Map<string, unknown>();
  for (const [key, value] of Object.entries(parsed)) {
    if (key.startsWith('$')) continue;
    if (!knownKeys.includes(key)) {
      const suggestion = closestName(key, knownKeys);
      throw new ConfigurationError(
        `Config file "${path}": unknown setting "${key}"${suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`}`,
      );
    }
    values.set(key, value);
  }
  return { path: absolute, directory: dirname(absolute), values };
}

function describeFileError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return error instanceof Error ? error.message : String(error);
}

/** V8 names a character offset, or only quotes the text; people want a line and column. */
function describeJsonError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const match = /at position (\d+)/.exec(message);
  const offset = match === null ? findJsonErrorOffset(text) : Number(match[1]);
  const reason = message.replace(/ in JSON at position \d+.*$/, '').replace(/, ".*" is not valid JSON$/s, '');
  if (offset === undefined) return reason;
  const before = text.slice(0, offset).split('\n');
  return `${reason} at line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

/**
 * Where parsing goes wrong: the shortest prefix that fails for another reason than ending early ends
 * with the offending character (binary search: longer prefixes keep failing).
 */
function findJsonErrorOffset(text: string): number | undefined {
  const failsBeforeEnd = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (error) {
      // Running out of text is reported as "end of JSON input" or as an error at the very end.
      const message = error instanceof Error ? error.message : '';
      const position = /at position (\d+)/.exec(message);
      return !message.includes('end of JSON input') && (position === null || Number(position[1]) < length);
    }
  };
  if (!failsBeforeEnd(text.length)) return undefined;
  let low = 1;
  let high = text.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (failsBeforeEnd(middle)) high = middle;
    else low = middle + 1;
  }
  return low - 1;
}

/** The known name nearest to a misspelt one (at most a third of its letters off), for "did you mean". */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  // A longer or shorter spelling of a known name (`dataDirectory`, `metrics`) is a near miss too.
  const affix = known.find((candidate) => {
    const other = candidate.toLowerCase();
    return Math.min(lower.length, other.length) >= 4 && (lower.startsWith(other) || other.startsWith(lower));
  });
  if (affix !== undefined) return affix;
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance, one row at a time. */
function editDistance(left: string, right: string): number {
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let row = 1; row <= left.length; row++) {
    const current = [row];
    for (let column = 1; column <= right.length; column++) {
      const substitution = (previous[column - 1] ?? 0) + (left[row - 1] === right[column - 1] ? 0 : 1);
      current.push(Math.min((previous[column] ?? 0) + 1, (current[column - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[right.length] ?? 0;
}
