import { BoltResponseError } from '../bolt/index.js';
import { DatabaseError } from '../errors/index.js';

/**
 * The text the shell prints for a failed statement or command: the server's message as sent (Quiver's and
 * Neo4j's syntax errors already end with the query line and a caret under the position), then the Neo4j
 * code and, from Bolt 5.7, the GQLSTATUS. When the server gave a position but no caret (Memgraph, older
 * servers), the query line and a caret are added from `diagnostic_record._position`.
 */
export function formatError(error: unknown, query?: string): string {
  if (error instanceof BoltResponseError) {
    const metadata = error.response.metadata;
    const lines = [error.message];
    const caret =
      query === undefined || hasCaret(error.message) ? null : caretLines(query, positionOf(metadata));
    if (caret !== null) lines.push(caret);
    const gql = metadata['gql_status'];
    lines.push(typeof gql === 'string' ? `${error.serverCode} (GQLSTATUS ${gql})` : error.serverCode);
    return lines.join('\n');
  }
  if (error instanceof DatabaseError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

function hasCaret(message: string): boolean {
  return message.split('\n').some((line) => /^ *\^$/.test(line));
}

interface Position {
  readonly line: number;
  readonly column: number;
}

function positionOf(metadata: Readonly<Record<string, unknown>>): Position | null {
  const record = metadata['diagnostic_record'];
  if (typeof record !== 'object' || record === null) return null;
  const position = (record as Readonly<Record<string, unknown>>)['_position'];
  if (typeof position !== 'object' || position === null) return null;
  const { line, column } = position as Readonly<Record<string, unknown>>;
  if (
    (typeof line !== 'bigint' && typeof line !== 'number') ||
    (typeof column !== 'bigint' && typeof column !== 'number')
  )
    return null;
  return { line: Number(line), column: Number(column) };
}

/** `"<query line>"` and a caret under the 1-based column, in the layout Neo4j uses. */
function caretLines(query: string, position: Position | null): string | null {
  if (position === null) return null;
  const text = query.split(/\r?\n/)[position.line - 1];
  if (text === undefined || position.column < 1) return null;
  return `"${text}"\n${' '.repeat(position.column)}^`;
}
