import type { Statement } from '../ast/index.js';
import { CommandParser } from './command-parser.js';
import { markConstants } from './constant-literals.js';
import { tokenize } from './lexer.js';

/**
 * Parses one Cypher statement: a query (optionally prefixed by EXPLAIN or PROFILE), an administration
 * command, or BEGIN/COMMIT/ROLLBACK. A trailing `;` is allowed.
 * @throws CypherSyntaxError (`Neo.ClientError.Statement.SyntaxError`) with a position and a TCK detail
 * (UnexpectedSyntax, InvalidNumberLiteral, IntegerOverflow, …) when the text is not valid Cypher.
 */
export function parse(text: string): Statement {
  const parser = new StatementParser(text, tokenize(text));
  const statement = parser.parseStatement();
  parser.markConstantLiterals();
  return statement;
}

/** The top of the parser class chain: `Statement = [EXPLAIN | PROFILE] (Command | RegularQuery) [';']`. */
class StatementParser extends CommandParser {
  parseStatement(): Statement {
    const pos = this.current.start;
    const mode = this.acceptKeyword('EXPLAIN')
      ? 'EXPLAIN'
      : this.acceptKeyword('PROFILE')
        ? 'PROFILE'
        : 'EXECUTE';
    const command = mode === 'EXECUTE' ? this.parseCommand() : undefined;
    const statement: Statement = command ?? { kind: 'QueryStatement', pos, mode, query: this.parseQuery() };
    this.acceptSymbol(';');
    if (this.current.type !== 'eof') this.fail('end of input or a clause (MATCH, RETURN, WITH, UNION, …)');
    return statement;
  }

  /** Records the constant literals found, once the statement parsed (constant-literals.ts). */
  markConstantLiterals(): void {
    markConstants(this.constantLiterals);
  }
}
