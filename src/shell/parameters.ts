import { escapeName, formatValue } from './format-value.js';

/** What `:param` (or `-P`) was given. */
export type ParameterAssignment =
  | { readonly kind: 'NAMED'; readonly name: string; readonly expression: string }
  | { readonly kind: 'MAP'; readonly expression: string }
  | { readonly kind: 'INVALID'; readonly message: string };

const USAGE = 'Usage: :param name => expression, or :param {name: expression, …}';

/**
 * Parses the argument of `:param`: `name => expression` (the name may be backticked) or a map literal
 * `{a: 1, b: 'x'}` that sets several parameters, both as cypher-shell accepts them. The expression is not
 * checked here: the server evaluates it.
 */
export function parseParameterAssignment(text: string): ParameterAssignment {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return { kind: 'MAP', expression: trimmed };
  const match = /^(`(?:[^`]|``)+`|[\p{L}_][\p{L}\p{N}_]*)\s*=>\s*([\s\S]+)$/u.exec(trimmed);
  const [, rawName, expression] = match ?? [];
  if (rawName === undefined || expression === undefined) return { kind: 'INVALID', message: USAGE };
  const name = rawName.startsWith('`') ? rawName.slice(1, -1).replaceAll('``', '`') : rawName;
  return { kind: 'NAMED', name, expression: expression.trim() };
}

/** The query that evaluates a parameter expression on the server, as cypher-shell does. */
export function evaluationQuery(expression: string): string {
  return `RETURN ${expression} AS value`;
}

/** The `:params` listing: one `:param name => value` line per parameter, in the order they were set. */
export function formatParameters(parameters: ReadonlyMap<string, unknown>): string {
  return [...parameters]
    .map(([name, value]) => `:param ${escapeName(name)} => ${formatValue(value)}`)
    .join('\n');
}

/**
 * The prefix of the parameters a Quiver Cypher dump sets to carry BYTES values (engine/dump's
 * `BYTES_PARAMETER_PREFIX`, which must stay the same): Cypher has no BYTES literal, so the dump writes
 * `:param __quiver_bytes_0 => [0, 1, 255]` and uses `$__quiver_bytes_0`.
 */
const DUMP_BYTES_PREFIX = '__quiver_bytes_';

/**
 * A parameter value as a shell keeps it: a list of integers 0 to 255 set under a name with the dump's
 * BYTES prefix becomes BYTES again (so replaying a dump restores BYTES properties); any other value is
 * returned as it is.
 */
export function restoreDumpBytes(name: string, value: unknown): unknown {
  if (!name.startsWith(DUMP_BYTES_PREFIX) || !Array.isArray(value)) return value;
  const bytes = new Uint8Array(value.length);
  for (const [index, item] of (value as unknown[]).entries()) {
    const byte = typeof item === 'bigint' ? Number(item) : item;
    if (typeof byte !== 'number' || !Number.isInteger(byte) || byte < 0 || byte > 255) return value;
    bytes[index] = byte;
  }
  return bytes;
}
