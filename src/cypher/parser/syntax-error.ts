import { CypherSyntaxError, type TextPosition } from '../../errors/index.js';

/** Turns a 0-based offset into Neo4j's position triple (1-based line and column). */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index++) {
    if (text.charCodeAt(index) === 10) {
      line++;
      lineStart = index + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

/**
 * Builds a syntax error the way Neo4j 5 words it: the message, the position in parentheses, then the
 * offending line quoted with a caret under the column, so a human can spot the problem at a glance.
 */
export function syntaxError(
  text: string,
  offset: number,
  message: string,
  detail: SyntaxDetail,
): CypherSyntaxError {
  const position = positionAt(text, offset);
  const lineStart = offset - (position.column - 1);
  const newline = text.indexOf('\n', lineStart);
  const line = text.slice(lineStart, newline === -1 ? text.length : newline).replace(/\r$/, '');
  const caret = `${' '.repeat(position.column)}^`;
  const where = `(line ${position.line}, column ${position.column} (offset: ${offset}))`;
  return new CypherSyntaxError(`${message} ${where}\n"${line}"\n${caret}`, { position, detail });
}

/** The TCK detail codes the parser itself can raise. */
export type SyntaxDetail =
  | 'UnexpectedSyntax'
  | 'InvalidNumberLiteral'
  | 'InvalidUnicodeCharacter'
  | 'InvalidUnicodeLiteral'
  | 'IntegerOverflow'
  | 'FloatingPointOverflow'
  | 'InvalidRelationshipPattern';
