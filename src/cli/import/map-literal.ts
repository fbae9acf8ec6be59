/**
 * The small map syntax of neo4j-admin import files, used by point values (`{x: 1, y: 2, crs: 'cartesian'}`,
 * `{latitude: 55.6, longitude: 12.9}`) and by header column configuration (`{timezone: Europe/Stockholm}`).
 * Keys are names (optionally quoted); values are numbers, quoted strings or bare words up to the next comma.
 */
import { DatabaseError, Status } from '../../errors/index.js';

/** A parsed map: numbers as JS numbers, everything else as text. */
export type MapLiteral = Readonly<Record<string, string | number>>;

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function invalid(text: string, reason: string): DatabaseError {
  return new DatabaseError(Status.ArgumentError, `Invalid map '${text}': ${reason}`);
}

/**
 * Parses `{key: value, ...}`.
 * @throws DatabaseError (ArgumentError) when the text is not such a map.
 */
export function parseMapLiteral(text: string): MapLiteral {
  const body = text.trim();
  if (!body.startsWith('{') || !body.endsWith('}')) throw invalid(text, 'expected {key: value, ...}');
  const result: Record<string, string | number> = {};
  for (const entry of splitEntries(body.slice(1, -1), text)) {
    if (entry.trim() === '') continue;
    const colon = entry.indexOf(':');
    if (colon === -1) throw invalid(text, `entry '${entry.trim()}' has no ':'`);
    const key = unquote(entry.slice(0, colon).trim());
    if (key === '') throw invalid(text, 'an entry has no key');
    if (Object.hasOwn(result, key)) throw invalid(text, `key '${key}' appears twice`);
    result[key] = valueOf(entry.slice(colon + 1).trim());
  }
  return result;
}

/** Cuts at commas outside quotes. */
function splitEntries(body: string, text: string): string[] {
  const entries: string[] = [];
  let quote: string | undefined;
  let start = 0;
  for (let index = 0; index < body.length; index++) {
    const char = body[index];
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (char === ',') {
      entries.push(body.slice(start, index));
      start = index + 1;
    }
  }
  if (quote !== undefined) throw invalid(text, 'unterminated quote');
  entries.push(body.slice(start));
  return entries;
}

function valueOf(text: string): string | number {
  if (isQuoted(text)) return text.slice(1, -1);
  return NUMBER.test(text) ? Number(text) : text;
}

function unquote(text: string): string {
  return isQuoted(text) ? text.slice(1, -1) : text;
}

function isQuoted(text: string): boolean {
  if (text.length < 2) return false;
  const quote = text.startsWith("'") ? "'" : text.startsWith('"') ? '"' : undefined;
  return quote !== undefined && text.endsWith(quote);
}
