import { DatabaseError, Status } from '../../../errors/index.js';

/**
 * The error for a fulltext query Lucene's parser would reject. Neo4j reports those as
 * `Neo.ClientError.Procedure.ProcedureCallFailed` with Lucene's `Cannot parse '<query>': …` message.
 */
export function fulltextQueryError(query: string, detail: string): DatabaseError {
  return new DatabaseError(Status.ProcedureCallFailed, `Cannot parse '${query}': ${detail}`);
}

/** Line (1-based) and column (1-based) of `offset` in `text`, as JavaCC reports them. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
