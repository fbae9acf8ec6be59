import { assertNever } from '../../errors/index.js';
import type {
  Clause,
  Expression,
  InTransactions,
  Projection,
  Query,
  RemoveItem,
  SchemaCommand,
  SetItem,
  ShowCommand,
  SortItem,
  Statement,
  With,
  YieldClause,
} from '../ast/index.js';
import { printFunctionName, printName } from './names.js';
import { PatternPrinter } from './pattern-printer.js';

/**
 * Prints statements: one clause per line at the top level, on one line inside subqueries and FOREACH.
 * The output parses back to the same tree (projection `text` aside, which follows the printed form).
 */
export class StatementPrinter extends PatternPrinter {
  printStatement(statement: Statement): string {
    switch (statement.kind) {
      case 'QueryStatement': {
        const prefix = statement.mode === 'EXECUTE' ? '' : `${statement.mode}\n`;
        return `${prefix}${this.printQuery(statement.query, '\n')}`;
      }
      case 'CreateIndex':
      case 'DropIndex':
      case 'CreateConstraint':
      case 'DropConstraint':
        return this.printSchemaCommand(statement);
      case 'ShowCommand':
        return this.printShowCommand(statement);
      case 'Begin':
        return 'BEGIN';
      case 'Commit':
        return 'COMMIT';
      case 'Rollback':
        return 'ROLLBACK';
      case 'DumpDatabase':
        return 'DUMP DATABASE';
      case 'CreateDatabase':
        return `CREATE ${statement.orReplace ? 'OR REPLACE ' : ''}DATABASE ${printName(statement.name)}${statement.ifNotExists ? ' IF NOT EXISTS' : ''}`;
      case 'DropDatabase':
        return `DROP DATABASE ${printName(statement.name)}${statement.ifExists ? ' IF EXISTS' : ''}`;
      default:
        return assertNever(statement, 'statement');
    }
  }

  protected printQueryInline(query: Query): string {
    return this.printQuery(query, ' ');
  }

  private printQuery(query: Query, separator: string): string {
    return query.parts
      .map((part, index) => {
        const text = part.clauses.map((clause) => this.printClause(clause)).join(separator);
        const union = index > 0 ? query.unions[index - 1] : undefined;
        return union === undefined ? text : `${union}${separator}${text}`;
      })
      .join(separator);
  }

  printClause(clause: Clause): string {
    switch (clause.kind) {
      case 'Match':
        return `${clause.optional ? 'OPTIONAL ' : ''}MATCH ${this.printPattern(clause.pattern)}${this.printWhere(clause.where)}`;
      case 'Unwind':
        return `UNWIND ${this.printExpression(clause.expression)} AS ${printName(clause.variable.name)}`;
      case 'With':
        return this.printWith(clause);
      case 'Return':
        return `RETURN ${this.printProjection(clause.projection)}`;
      case 'Create':
        return `CREATE ${this.printPattern(clause.pattern)}`;
      case 'Merge': {
        let text = `MERGE ${this.printPatternPart(clause.part)}`;
        if (clause.onCreate.length > 0) text += ` ON CREATE SET ${this.printSetItems(clause.onCreate)}`;
        if (clause.onMatch.length > 0) text += ` ON MATCH SET ${this.printSetItems(clause.onMatch)}`;
        return text;
      }
      case 'Set':
        return `SET ${this.printSetItems(clause.items)}`;
      case 'Remove':
        return `REMOVE ${clause.items.map((item) => this.printRemoveItem(item)).join(', ')}`;
      case 'Delete':
        return `${clause.detach ? 'DETACH ' : ''}DELETE ${clause.expressions.map((e) => this.printExpression(e)).join(', ')}`;
      case 'Foreach': {
        const body = clause.clauses.map((inner) => this.printClause(inner)).join(' ');
        return `FOREACH (${printName(clause.variable.name)} IN ${this.printExpression(clause.list)} | ${body})`;
      }
      case 'CallProcedure': {
        const args =
          clause.args === undefined
            ? ''
            : `(${clause.args.map((arg) => this.printExpression(arg)).join(', ')})`;
        const yieldText = clause.yield === undefined ? '' : ` YIELD ${this.printYield(clause.yield)}`;
        return `CALL ${printFunctionName(clause.name)}${args}${yieldText}`;
      }
      case 'CallSubquery': {
        const scope =
          clause.scope === undefined
            ? ''
            : clause.scope === '*'
              ? '(*) '
              : `(${clause.scope.map((v) => printName(v.name)).join(', ')}) `;
        let text = `${clause.optional ? 'OPTIONAL ' : ''}CALL ${scope}{ ${this.printQuery(clause.query, ' ')} }`;
        if (clause.inTransactions !== undefined) text += this.printInTransactions(clause.inTransactions);
        return text;
      }
      case 'Use':
        return `USE ${clause.graph.split('.').map(printName).join('.')}`;
      case 'LoadCsv': {
        const headers = clause.withHeaders ? 'WITH HEADERS ' : '';
        const terminator =
          clause.fieldTerminator === undefined
            ? ''
            : ` FIELDTERMINATOR ${this.printExpression({ kind: 'Literal', pos: 0, value: clause.fieldTerminator })}`;
        return `LOAD CSV ${headers}FROM ${this.printExpression(clause.url)} AS ${printName(clause.variable.name)}${terminator}`;
      }
      case 'Finish':
        return 'FINISH';
      default:
        return assertNever(clause, 'clause');
    }
  }

  private printInTransactions(options: InTransactions): string {
    const { batchSize, concurrency, onError, retry, reportStatus } = options;
    let text = ' IN ';
    if (concurrency !== undefined) text += `${this.printExpression(concurrency)} CONCURRENT `;
    text += 'TRANSACTIONS';
    if (batchSize !== undefined) text += ` OF ${this.printExpression(batchSize)} ROWS`;
    if (retry !== undefined) {
      text += ' ON ERROR RETRY';
      if (retry.seconds !== undefined) text += ` FOR ${this.printExpression(retry.seconds)} SECONDS`;
      text += ` THEN ${onError}`;
    } else if (onError !== 'FAIL') text += ` ON ERROR ${onError}`;
    if (reportStatus !== undefined) text += ` REPORT STATUS AS ${printName(reportStatus.name)}`;
    return text;
  }

  /** WITH, or the Cypher 25 clause it was written as (LET, FILTER, a standalone ORDER BY / SKIP / LIMIT). */
  private printWith(clause: With): string {
    const form = clause.form;
    if (form === undefined) {
      return `WITH ${this.printProjection(clause.projection)}${this.printWhere(clause.where)}`;
    }
    switch (form) {
      case 'LET': {
        const items = clause.projection.items.map(
          (item) => `${printName(item.alias?.name ?? item.text)} = ${this.printExpression(item.expression)}`,
        );
        return `LET ${items.join(', ')}`;
      }
      case 'FILTER':
        return `FILTER ${clause.where === undefined ? 'true' : this.printExpression(clause.where)}`;
      case 'PAGE':
        return this.printOrdering(clause.projection).trimStart();
    }
  }

  private printWhere(where: Expression | undefined): string {
    return where === undefined ? '' : ` WHERE ${this.printExpression(where)}`;
  }

  private printProjection(projection: Projection): string {
    const items = projection.items.map((item) => {
      const expression = this.printExpression(item.expression);
      return item.alias === undefined ? expression : `${expression} AS ${printName(item.alias.name)}`;
    });
    if (projection.star) items.unshift('*');
    return `${projection.distinct ? 'DISTINCT ' : ''}${items.join(', ')}${this.printOrdering(projection)}`;
  }

  /** ` ORDER BY … SKIP … LIMIT …`, each part only when present (empty when none is). */
  printOrdering(ordering: {
    readonly orderBy?: readonly SortItem[] | undefined;
    readonly skip?: Expression | undefined;
    readonly limit?: Expression | undefined;
  }): string {
    let text = '';
    if (ordering.orderBy !== undefined) {
      const sort = ordering.orderBy.map(
        (item) => `${this.printExpression(item.expression)}${item.descending ? ' DESC' : ''}`,
      );
      text += ` ORDER BY ${sort.join(', ')}`;
    }
    if (ordering.skip !== undefined) text += ` SKIP ${this.printExpression(ordering.skip)}`;
    if (ordering.limit !== undefined) text += ` LIMIT ${this.printExpression(ordering.limit)}`;
    return text;
  }

  private printSetItems(items: readonly SetItem[]): string {
    return items.map((item) => this.printSetItem(item)).join(', ');
  }

  private printSetItem(item: SetItem): string {
    switch (item.kind) {
      case 'SetProperty':
        return `${this.printExpression(item.subject, 11)}.${printName(item.key)} = ${this.printExpression(item.value)}`;
      case 'SetAllProperties':
        return `${printName(item.variable.name)} = ${this.printExpression(item.value)}`;
      case 'MergeProperties':
        return `${printName(item.variable.name)} += ${this.printExpression(item.value)}`;
      case 'SetLabels':
        return `${printName(item.variable.name)}${this.printLabelItems(item.labels, item.dynamicLabels)}`;
      default:
        return assertNever(item, 'SET item');
    }
  }

  private printRemoveItem(item: RemoveItem): string {
    if (item.kind === 'RemoveProperty')
      return `${this.printExpression(item.subject, 11)}.${printName(item.key)}`;
    return `${printName(item.variable.name)}${this.printLabelItems(item.labels, item.dynamicLabels)}`;
  }

  /** `:A:B:$(expression)` for SET and REMOVE. */
  private printLabelItems(labels: readonly string[], dynamic: readonly Expression[] | undefined): string {
    const names = labels.map((label) => `:${printName(label)}`);
    const computed = (dynamic ?? []).map((expression) => `:$(${this.printExpression(expression)})`);
    return [...names, ...computed].join('');
  }

  private printYield(clause: YieldClause): string {
    const items = clause.star
      ? '*'
      : clause.items
          .map(
            (item) =>
              `${printName(item.field)}${item.alias === undefined ? '' : ` AS ${printName(item.alias.name)}`}`,
          )
          .join(', ');
    return `${items}${this.printOrdering(clause)}${this.printWhere(clause.where)}`;
  }

  private printSchemaCommand(command: SchemaCommand): string {
    switch (command.kind) {
      case 'DropIndex':
      case 'DropConstraint':
        return `DROP ${command.kind === 'DropIndex' ? 'INDEX' : 'CONSTRAINT'} ${printName(command.name)}${command.ifExists ? ' IF EXISTS' : ''}`;
      case 'CreateIndex': {
        const head = `CREATE ${command.indexType} INDEX ${command.name === undefined ? '' : `${printName(command.name)} `}${command.ifNotExists ? 'IF NOT EXISTS ' : ''}`;
        const v = printName(command.variable);
        const label =
          command.label === undefined ? '' : `:${command.label.split('|').map(printName).join('|')}`;
        const entity = command.entity === 'NODE' ? `(${v}${label})` : `()-[${v}${label}]-()`;
        const properties = command.properties.map((key) => `${v}.${printName(key)}`).join(', ');
        let on = `ON (${properties})`;
        if (command.indexType === 'LOOKUP')
          on = `ON EACH ${command.entity === 'NODE' ? 'labels' : 'type'}(${v})`;
        else if (command.indexType === 'FULLTEXT') on = `ON EACH [${properties}]`;
        const options =
          command.options === undefined ? '' : ` OPTIONS ${this.printExpression(command.options)}`;
        return `${head}FOR ${entity} ${on}${options}`;
      }
      case 'CreateConstraint': {
        const head = `CREATE CONSTRAINT ${command.name === undefined ? '' : `${printName(command.name)} `}${command.ifNotExists ? 'IF NOT EXISTS ' : ''}`;
        const v = printName(command.variable);
        const label = `:${printName(command.label)}`;
        const entity = command.entity === 'NODE' ? `(${v}${label})` : `()-[${v}${label}]-()`;
        const keys = command.properties.map((key) => `${v}.${printName(key)}`);
        const subject = keys.length === 1 ? (keys[0] ?? '') : `(${keys.join(', ')})`;
        const rule =
          command.constraintType === 'PROPERTY TYPE'
            ? `:: ${command.propertyType ?? ''}`
            : command.constraintType;
        const options =
          command.options === undefined ? '' : ` OPTIONS ${this.printExpression(command.options)}`;
        return `${head}FOR ${entity} REQUIRE ${subject} IS ${rule}${options}`;
      }
      default:
        return assertNever(command, 'schema command');
    }
  }

  private printShowCommand(command: ShowCommand): string {
    const verb = command.what.startsWith('TERMINATE ') ? '' : 'SHOW ';
    let text = `${verb}${command.what}`;
    if (command.target !== undefined) {
      const target = command.target;
      text += ` ${target.kind === 'ListLiteral' && target.elements.length > 1 ? target.elements.map((e) => this.printExpression(e)).join(', ') : this.printExpression(target)}`;
    }
    if (command.yield !== undefined) text += ` YIELD ${this.printYield(command.yield)}`;
    text += this.printWhere(command.where);
    if (command.returnClause !== undefined) text += ` ${this.printClause(command.returnClause)}`;
    return text;
  }
}
