import type { Expression, SchemaCommand, ShowCommand, Statement, TransactionCommand } from '../ast/index.js';
import { ClauseParser } from './clause-parser.js';
import { printCypherType } from '../printer/type-printer.js';

const INDEX_TYPES = new Set(['RANGE', 'TEXT', 'POINT', 'LOOKUP', 'FULLTEXT', 'VECTOR', 'BTREE']);
/** The nouns that end the keyword part of a SHOW command (`SHOW ALL INDEXES`, `SHOW DATABASE x`). */
const SHOW_NOUNS = new Set(
  'INDEX INDEXES CONSTRAINT CONSTRAINTS PROCEDURE PROCEDURES FUNCTION FUNCTIONS DATABASE DATABASES TRANSACTION TRANSACTIONS SETTING SETTINGS USER USERS ROLE ROLES PRIVILEGE PRIVILEGES ALIAS ALIASES SERVER SERVERS'.split(
    ' ',
  ),
);

type CreateIndex = Extract<SchemaCommand, { kind: 'CreateIndex' }>;
type CreateConstraint = Extract<SchemaCommand, { kind: 'CreateConstraint' }>;

/**
 * Administration commands: CREATE/DROP INDEX, CONSTRAINT and DATABASE, SHOW …, TERMINATE TRANSACTIONS,
 * BEGIN/COMMIT/ROLLBACK and DUMP DATABASE. Each returns `undefined` when the tokens are an ordinary query
 * instead.
 */
export abstract class CommandParser extends ClauseParser {
  protected parseCommand(): Statement | undefined {
    const token = this.current;
    if (token.type !== 'identifier') return undefined;
    const pos = token.start;
    switch (token.upper) {
      case 'CREATE':
        return this.parseCreateCommand(pos);
      case 'DROP':
        return this.parseDropCommand(pos);
      case 'SHOW':
      case 'TERMINATE':
        return this.parseShowCommand(pos);
      case 'BEGIN':
      case 'COMMIT':
      case 'ROLLBACK':
        return this.parseTransactionCommand(pos);
      case 'DUMP':
        if (!this.isKeyword('DATABASE', 1)) return undefined;
        this.index += 2;
        return { kind: 'DumpDatabase', pos };
      default:
        return undefined;
    }
  }

  private parseTransactionCommand(pos: number): TransactionCommand | undefined {
    if (!this.isSymbol(';', 1) && this.peek(1).type !== 'eof' && !this.isKeyword('TRANSACTION', 1))
      return undefined;
    const word = this.advance().upper;
    this.acceptKeyword('TRANSACTION');
    return { kind: word === 'BEGIN' ? 'Begin' : word === 'COMMIT' ? 'Commit' : 'Rollback', pos };
  }

  private parseCreateCommand(pos: number): Statement | undefined {
    const next = this.peek(1);
    if (next.type !== 'identifier' || this.isSymbol('=', 2)) return undefined;
    if (next.upper === 'OR' && this.isKeyword('REPLACE', 2)) {
      this.index += 3;
      return this.parseCreateDatabase(pos, true);
    }
    if (next.upper === 'DATABASE') {
      this.advance();
      return this.parseCreateDatabase(pos, false);
    }
    if (next.upper === 'CONSTRAINT') {
      this.index += 2;
      return this.parseCreateConstraint(pos);
    }
    if (next.upper === 'INDEX' || (INDEX_TYPES.has(next.upper) && this.isKeyword('INDEX', 2))) {
      this.advance();
      const indexType = this.acceptKeyword('INDEX') ? 'RANGE' : this.advance().upper;
      if (indexType !== 'RANGE') this.expectKeyword('INDEX');
      return this.parseCreateIndex(
        pos,
        indexType === 'BTREE' ? 'RANGE' : (indexType as CreateIndex['indexType']),
      );
    }
    return undefined;
  }

  private parseCreateDatabase(pos: number, orReplace: boolean): TransactionCommand {
    this.expectKeyword('DATABASE');
    const name = this.parseQualifiedName('a database name');
    const ifNotExists = this.acceptIfNotExists();
    this.skipRest();
    return { kind: 'CreateDatabase', pos, name, ifNotExists, orReplace };
  }

  /** Options and waits after a database command (`OPTIONS {…}`, `WAIT 10 SECONDS`) do not matter here. */
  private skipRest(): void {
    while (this.current.type !== 'eof' && !this.isSymbol(';')) this.advance();
  }

  private acceptIfNotExists(): boolean {
    if (!this.isKeyword('IF')) return false;
    this.expectKeyword('IF', 'NOT', 'EXISTS');
    return true;
  }

  /** An optional index/constraint name: anything but the keywords that follow where a name may be. */
  private parseOptionalSchemaName(): string | undefined {
    if (this.isKeyword('FOR') || this.isKeyword('ON') || (this.isKeyword('IF') && this.isKeyword('NOT', 1)))
      return undefined;
    return this.parseName('an index or constraint name');
  }

  /**
   * `CREATE [type] INDEX [name] [IF NOT EXISTS] FOR (n:L) | ()-[r:T]-() ON (n.p, …) | ON EACH … [OPTIONS m]`.
   */
  private parseCreateIndex(pos: number, indexType: CreateIndex['indexType']): CreateIndex {
    const name = this.parseOptionalSchemaName();
    const ifNotExists = this.acceptIfNotExists();
    this.expectKeyword('FOR');
    const { entity, variable, label } = this.parseSchemaEntity(indexType === 'LOOKUP');
    this.expectKeyword('ON');
    const properties: string[] = [];
    if (this.acceptKeyword('EACH')) {
      if (indexType === 'LOOKUP') {
        this.parseName('labels or type');
        this.expectSymbol('(');
        this.parseName('a variable');
        this.expectSymbol(')');
      } else {
        this.expectSymbol('[');
        properties.push(...this.parsePropertyList(variable, ']'));
      }
    } else {
      const parenthesised = this.acceptSymbol('(');
      properties.push(...this.parsePropertyList(variable, parenthesised ? ')' : undefined));
    }
    const options = this.acceptKeyword('OPTIONS') ? this.parseExpression() : undefined;
    return {
      kind: 'CreateIndex',
      pos,
      name,
      ifNotExists,
      indexType,
      entity,
      variable,
      label,
      properties,
      options,
    };
  }

  /** `(n:L)` or `()-[r:T]-()` (arrows allowed); the label is optional for LOOKUP indexes. */
  private parseSchemaEntity(labelOptional: boolean): {
    entity: 'NODE' | 'RELATIONSHIP';
    variable: string;
    label: string | undefined;
  } {
    this.expectSymbol('(');
    if (this.acceptSymbol(')')) {
      this.acceptSymbol('<');
      this.expectSymbol('-');
      this.expectSymbol('[');
      const variable = this.parseName('a variable');
      const label = this.parseSchemaLabel(labelOptional);
      this.expectSymbol(']');
      this.expectSymbol('-');
      this.acceptSymbol('>');
      this.expectSymbol('(');
      this.expectSymbol(')');
      return { entity: 'RELATIONSHIP', variable, label };
    }
    const variable = this.parseName('a variable');
    const label = this.parseSchemaLabel(labelOptional);
    this.expectSymbol(')');
    return { entity: 'NODE', variable, label };
  }

  private parseSchemaLabel(optional: boolean): string | undefined {
    if (optional && !this.isSymbol(':')) return undefined;
    this.expectSymbol(':');
    const names = [this.parseName('a label or relationship type')];
    while (this.acceptSymbol('|')) names.push(this.parseName('a label or relationship type'));
    return names.join('|');
  }

  /** `v.p (',' v.p)*` up to an optional closing symbol. */
  private parsePropertyList(variable: string, close: string | undefined): string[] {
    const properties: string[] = [];
    do {
      const owner = this.current;
      if (this.parseName('a variable') !== variable) this.fail(`'${variable}'`, owner);
      this.expectSymbol('.');
      properties.push(this.parseName('a property key name'));
    } while (this.acceptSymbol(','));
    if (close !== undefined) this.expectSymbol(close);
    return properties;
  }

  /**
   * `CREATE CONSTRAINT [name] [IF NOT EXISTS] FOR (n:L) REQUIRE n.p | (n.a, n.b) IS [NODE|REL] UNIQUE |
   * IS NOT NULL | IS [NODE|RELATIONSHIP] KEY | IS :: TYPE [OPTIONS m]` (and the legacy `ON … ASSERT`).
   */
  private parseCreateConstraint(pos: number): CreateConstraint {
    const name = this.parseOptionalSchemaName();
    const ifNotExists = this.acceptIfNotExists();
    if (!this.acceptKeyword('FOR')) this.expectKeyword('ON');
    const { entity, variable, label } = this.parseSchemaEntity(false);
    if (!this.acceptKeyword('REQUIRE')) this.expectKeyword('ASSERT');
    const parenthesised = this.acceptSymbol('(');
    const properties = this.parsePropertyList(variable, parenthesised ? ')' : undefined);
    let constraintType: CreateConstraint['constraintType'];
    let propertyType: string | undefined;
    if (
      this.acceptSymbol('::') ||
      (this.acceptKeyword('IS') && (this.acceptSymbol('::') || this.acceptKeyword('TYPED')))
    ) {
      constraintType = 'PROPERTY TYPE';
      // Canonical spelling (`INT` is INTEGER, unions joined by ` | `); which types a constraint may name is
      // the engine's check.
      propertyType = printCypherType(this.parseCypherType());
    } else {
      if (this.acceptKeyword('NOT')) {
        this.expectKeyword('NULL');
        constraintType = 'NOT NULL';
      } else {
        const scope = this.acceptKeyword('NODE')
          ? 'NODE'
          : this.acceptKeyword('RELATIONSHIP') || this.acceptKeyword('REL')
            ? 'RELATIONSHIP'
            : undefined;
        if (this.acceptKeyword('UNIQUE')) constraintType = 'UNIQUE';
        else {
          this.expectKeyword('KEY');
          constraintType = (scope ?? entity) === 'NODE' ? 'NODE KEY' : 'RELATIONSHIP KEY';
        }
      }
    }
    const options = this.acceptKeyword('OPTIONS') ? this.parseExpression() : undefined;
    const labelName = label ?? '';
    return {
      kind: 'CreateConstraint',
      pos,
      name,
      ifNotExists,
      constraintType,
      entity,
      variable,
      label: labelName,
      properties,
      propertyType,
      options,
    };
  }

  /** `DROP INDEX|CONSTRAINT name [IF EXISTS]`, `DROP DATABASE name [IF EXISTS] …`. */
  private parseDropCommand(pos: number): Statement {
    this.advance();
    const what = this.current.upper;
    if (what !== 'INDEX' && what !== 'CONSTRAINT' && what !== 'DATABASE')
      this.fail("'INDEX', 'CONSTRAINT' or 'DATABASE'");
    this.advance();
    const name = what === 'DATABASE' ? this.parseQualifiedName('a database name') : this.parseName('a name');
    let ifExists = false;
    if (this.acceptKeyword('IF')) {
      this.expectKeyword('EXISTS');
      ifExists = true;
    }
    if (what === 'DATABASE') {
      this.skipRest();
      return { kind: 'DropDatabase', pos, name, ifExists };
    }
    return { kind: what === 'INDEX' ? 'DropIndex' : 'DropConstraint', pos, name, ifExists };
  }

  /**
   * `SHOW words [target] [YIELD … [ORDER BY …] [SKIP …] [LIMIT …]] [WHERE …] [RETURN …]` and `TERMINATE TRANSACTIONS ids`; `what` holds the
   * keywords (`ALL INDEXES`, `TRANSACTIONS`), prefixed with `TERMINATE ` for the latter.
   */
  private parseShowCommand(pos: number): ShowCommand {
    const verb = this.advance().upper;
    const words: string[] = [];
    while (this.current.type === 'identifier' && !this.isKeyword('YIELD') && !this.isKeyword('WHERE')) {
      const word = this.advance().upper;
      words.push(word);
      if (SHOW_NOUNS.has(word)) break;
    }
    if (words.length === 0) this.fail('what to show');
    const what = `${verb === 'TERMINATE' ? 'TERMINATE ' : ''}${words.join(' ')}`;
    const target = this.parseShowTarget();
    const yieldClause = this.acceptKeyword('YIELD') ? this.parseYieldRest(true) : undefined;
    let where: Expression | undefined;
    if (yieldClause === undefined && this.acceptKeyword('WHERE')) where = this.parseExpression();
    const returnClause = this.isKeyword('RETURN') ? this.parseClause() : undefined;
    return {
      kind: 'ShowCommand',
      pos,
      what,
      target,
      yield: yieldClause,
      where,
      returnClause: returnClause?.kind === 'Return' ? returnClause : undefined,
    };
  }

  /** Names or ids after the SHOW keywords: one expression, or a comma list turned into a list literal. */
  private parseShowTarget(): Expression | undefined {
    if (
      this.current.type === 'eof' ||
      this.isSymbol(';') ||
      this.isKeyword('YIELD') ||
      this.isKeyword('WHERE')
    )
      return undefined;
    const pos = this.current.start;
    const first = this.isName()
      ? { kind: 'Literal' as const, pos, value: this.advance().value }
      : this.parseExpression();
    if (!this.isSymbol(',')) return first;
    const elements = [first];
    while (this.acceptSymbol(',')) elements.push(this.parseExpression());
    return { kind: 'ListLiteral', pos, elements };
  }
}
