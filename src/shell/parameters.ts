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
