/**
 * test/tck/denylist.txt: the scenarios known to fail, one test name per line, optionally followed by
 * ` # reason`. Lines starting with `#` are comments. Scenario names never contain ` # `, so the first such
 * separator ends the name.
 */

const SEPARATOR = ' # ';
const MAX_REASON_LENGTH = 160;

/** Test name -> reason ('' when the line gives none). */
export type Denylist = ReadonlyMap<string, string>;

export function parseDenylist(text: string): Denylist {
  const entries = new Map<string, string>();
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const at = line.indexOf(SEPARATOR);
    const name = (at < 0 ? line : line.slice(0, at)).trim();
    const reason = at < 0 ? '' : line.slice(at + SEPARATOR.length).trim();
    entries.set(name, reason);
  }
  return entries;
}

const HEADER = [
  '# openCypher TCK scenarios that Quiver is known to fail (see test/tck/tck.test.ts).',
  '# One test name per line, optionally followed by " # reason". A denylisted scenario still runs: it is',
  '# skipped while it fails and fails once it passes, so that this list only shrinks.',
  '# Regenerate with QUIVER_TCK_UPDATE_DENYLIST=1 (existing reasons are kept).',
];

/**
 * The denylist text for the scenarios failing now: each keeps its existing reason, a new one gets the
 * first line of its failure message. Sorted by name, so diffs stay small.
 */
export function formatDenylist(failing: ReadonlyMap<string, string>, existing: Denylist): string {
  const lines = [...failing.keys()].sort().map((name) => {
    const known = existing.get(name) ?? '';
    const reason = oneLine(known === '' ? (failing.get(name) ?? '') : known);
    return reason === '' ? name : `${name}${SEPARATOR}${reason}`;
  });
  return [...HEADER, ...lines, ''].join('\n');
}

/** The first non-empty line of a message, shortened, usable as a reason. */
export function oneLine(message: string): string {
  const line = message
    .split('\n')
    .map((part) => part.trim())
    .find((part) => part !== '');
  if (line === undefined) return '';
  return line.length > MAX_REASON_LENGTH ? `${line.slice(0, MAX_REASON_LENGTH - 1)}…` : line;
}
