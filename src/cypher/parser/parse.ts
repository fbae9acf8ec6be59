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

/** Neo4j's query options (`CYPHER runtime=slotted …`): accepted and ignored, Quiver has one planner and runtime. */
const QUERY_OPTIONS = new Set([
  'RUNTIME',
  'PLANNER',
  'EXPRESSIONENGINE',
  'OPERATORENGINE',
  'INTERPRETEDPIPESFALLBACK',
  'REPLAN',
  'CONNECTCOMPONENTSPLANNER',
  'UPDATESTRATEGY',
  'INFERSCHEMAPARTS',
  'EAGERANALYZER',
  'STATEFULSHORTESTPLANNINGMODE',
  'PARALLELRUNTIMESUPPORT',
  'DEBUG',
]);

/** The language versions `CYPHER n` may select: Quiver speaks one Cypher, which covers both. */
const CYPHER_VERSIONS = new Set(['5', '25']);

/**
 * The top of the parser class chain:
 * `Statement = [CYPHER [version] (option '=' value)*] [EXPLAIN | PROFILE] (Command | RegularQuery) [';']`.
 */
class StatementParser extends CommandParser {
  parseStatement(): Statement {
    if (this.acceptKeyword('CYPHER')) this.skipQueryOptions();
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

  /**
   * After `CYPHER`: an optional language version (5 or 25) and `name=value` options, which select Neo4j's
   * planners and runtimes. Quiver has one of each, so they change nothing, but a query written for Neo4j
   * with them runs unchanged. An unknown option or version is a syntax error, as in Neo4j.
   */
  private skipQueryOptions(): void {
    const version = this.current;
    if (version.type === 'integer' || version.type === 'float') {
      if (!CYPHER_VERSIONS.has(version.value)) this.fail('a Cypher version (5 or 25)');
      this.advance();
    }
    while (this.current.type === 'identifier' && this.isSymbol('=', 1)) {
      if (!QUERY_OPTIONS.has(this.current.upper)) this.fail('a query option (runtime, planner, …)');
      this.index += 2;
      const value = this.current;
      if (value.type !== 'identifier' && value.type !== 'integer') this.fail('an option value');
      this.advance();
    }
  }

  /** Records the constant literals found, once the statement parsed (constant-literals.ts). */
  markConstantLiterals(): void {
    markConstants(this.constantLiterals);
  }
}
