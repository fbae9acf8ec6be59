import type {
  CallProcedure,
  CallSubquery,
  Clause,
  Expression,
  InTransactions,
  Projection,
  ProjectionItem,
  Query,
  RemoveItem,
  SetItem,
  SingleQuery,
  Variable,
} from '../ast/index.js';
import {
  braced,
  composeSegments,
  CompositionError,
  type Segment,
  type WhenBranch,
} from './composed-queries.js';
import { searchCall, type VectorSearch } from './search-clause.js';
import { ProjectionParser } from './projection-parser.js';

/**
 * Queries and clauses: `RegularQuery` (UNION [ALL]), `SingleQuery`, every reading and writing clause,
 * FOREACH, procedure calls and CALL subqueries (with scope, OPTIONAL and IN TRANSACTIONS), USE, LOAD CSV
 * and FINISH.
 */
export abstract class ClauseParser extends ProjectionParser {
  /** Clauses a rewrite produced after the one it returned (MATCH … SEARCH: the MATCH after its CALL). */
  private readonly queuedClauses: Clause[] = [];

  /**
   * A query: `RegularQuery`, or Cypher 25's composed forms, segments joined by NEXT, each a regular query
   * or a conditional (`WHEN … THEN … [ELSE …]`). Composed queries are rewritten into CALL subqueries
   * (composed-queries.ts).
   */
  protected parseQuery(): Query {
    const segments: Segment[] = [this.parseSegment()];
    while (this.acceptKeyword('NEXT')) segments.push(this.parseSegment());
    const only = segments[0];
    if (segments.length === 1 && only?.kind === 'query') return only.query;
    try {
      return composeSegments(segments);
    } catch (error) {
      if (!(error instanceof CompositionError)) throw error;
      return this.failAt(error.pos, error.message, 'UnexpectedSyntax');
    }
  }

  /** One segment of a composed query. */
  private parseSegment(): Segment {
    if (!this.isKeyword('WHEN')) return { kind: 'query', query: this.parseRegularQuery() };
    const pos = this.current.start;
    const branches: WhenBranch[] = [];
    while (this.acceptKeyword('WHEN')) {
      const condition = this.parseExpression();
      this.expectKeyword('THEN');
      branches.push({ condition, query: this.parseBranch() });
    }
    if (this.acceptKeyword('ELSE')) branches.push({ condition: undefined, query: this.parseBranch() });
    return { kind: 'when', pos, branches };
  }

  /** A WHEN or ELSE branch: a regular query, or any query in braces. */
  private parseBranch(): Query {
    if (!this.acceptSymbol('{')) return this.parseRegularQuery();
    const query = this.parseQuery();
    this.expectSymbol('}');
    return query;
  }

  /** `RegularQuery = SingleQuery (UNION [ALL] SingleQuery)*`; an arm may be a query in braces. */
  private parseRegularQuery(): Query {
    const pos = this.current.start;
    const parts = [this.parseUnionArm()];
    const unions: ('UNION' | 'UNION ALL')[] = [];
    while (this.acceptKeyword('UNION')) {
      const all = this.acceptKeyword('ALL');
      if (!all) this.acceptKeyword('DISTINCT');
      unions.push(all ? 'UNION ALL' : 'UNION');
      parts.push(this.parseUnionArm());
    }
    return { kind: 'Query', pos, parts, unions };
  }

  /** A UNION arm; `{ … }` holds a composed query (NEXT inside a UNION), run as `CALL (*) { … }`. */
  private parseUnionArm(): SingleQuery {
    if (!this.isSymbol('{')) return this.parseSingleQuery();
    const pos = this.current.start;
    this.advance();
    const query = this.parseQuery();
    this.expectSymbol('}');
    try {
      return braced(pos, query);
    } catch (error) {
      if (!(error instanceof CompositionError)) throw error;
      return this.failAt(error.pos, error.message, 'UnexpectedSyntax');
    }
  }

  private parseSingleQuery(): SingleQuery {
    const pos = this.current.start;
    const clauses: Clause[] = [];
    for (let clause = this.parseClause(); clause !== undefined; clause = this.parseClause())
      clauses.push(clause);
    if (clauses.length === 0) this.fail('a clause (MATCH, RETURN, CREATE, WITH, …)');
    return { kind: 'SingleQuery', pos, clauses };
  }

  /** One clause, or `undefined` when the current token does not start one. */
  protected parseClause(): Clause | undefined {
    const queued = this.queuedClauses.shift();
    if (queued !== undefined) return queued;
    const token = this.current;
    if (token.type !== 'identifier') return undefined;
    const pos = token.start;
    switch (token.upper) {
      case 'MATCH':
        return this.parseMatch(false);
      case 'OPTIONAL':
        if (this.isKeyword('CALL', 1)) {
          this.index += 2;
          return this.parseCall(pos, true);
        }
        this.advance();
        return this.parseMatch(true, pos);
      case 'FOR': {
        // GQL's FOR x IN list (Cypher 25, Neo4j 2026.04): UNWIND list AS x.
        this.advance();
        const variable = this.parseVariable();
        this.expectKeyword('IN');
        return { kind: 'Unwind', pos, expression: this.parseExpression(), variable };
      }
      case 'UNWIND': {
        this.advance();
        const expression = this.parseExpression();
        this.expectKeyword('AS');
        return { kind: 'Unwind', pos, expression, variable: this.parseVariable() };
      }
      case 'WITH': {
        this.advance();
        const projection = this.parseProjectionBody();
        const where = this.acceptKeyword('WHERE') ? this.parseExpression() : undefined;
        return { kind: 'With', pos, projection, where };
      }
      case 'RETURN':
        this.advance();
        return { kind: 'Return', pos, projection: this.parseProjectionBody() };
      case 'CREATE':
        this.advance();
        return { kind: 'Create', pos, pattern: this.parsePattern() };
      case 'INSERT': {
        // GQL's INSERT (Neo4j 5.18+): CREATE, with labels joined by `&` only.
        this.advance();
        this.takeColonConjunction();
        const pattern = this.parsePattern();
        const colon = this.takeColonConjunction();
        if (colon !== undefined) {
          this.failAt(
            colon,
            'Colon conjunction is not allowed in INSERT. Use CREATE or conjunction with ampersand (&) instead.',
            'UnexpectedSyntax',
          );
        }
        return { kind: 'Create', pos, pattern };
      }
      case 'MERGE':
        return this.parseMerge();
      case 'SET':
        this.advance();
        return { kind: 'Set', pos, items: this.parseSetItems() };
      case 'REMOVE':
        return this.parseRemove();
      case 'DELETE':
      case 'DETACH':
      case 'NODETACH':
        return this.parseDelete();
      case 'FOREACH':
        return this.parseForeach();
      case 'CALL':
        this.advance();
        return this.parseCall(pos, false);
      case 'USE':
        this.advance();
        return { kind: 'Use', pos, graph: this.parseQualifiedName('a graph name') };
      case 'LOAD':
        return this.parseLoadCsv();
      case 'USING':
        // Neo4j 4's `USING PERIODIC COMMIT n LOAD CSV …`: removed in Neo4j 5, which reports it so.
        if (this.isKeyword('PERIODIC', 1)) {
          this.failAt(
            this.peek(1).start,
            'The PERIODIC COMMIT query hint is no longer supported. Please use CALL { ... } IN TRANSACTIONS instead.',
            'UnexpectedSyntax',
          );
        }
        return undefined;
      case 'FINISH':
        this.advance();
        return { kind: 'Finish', pos };
      case 'LET':
        return this.isName(1) && this.isSymbol('=', 2) ? this.parseLet() : undefined;
      case 'FILTER':
        this.advance();
        this.acceptKeyword('WHERE');
        return {
          kind: 'With',
          pos,
          projection: starProjection(),
          where: this.parseExpression(),
          form: 'FILTER',
        };
      case 'ORDER':
      case 'SKIP':
      case 'OFFSET':
      case 'LIMIT':
        return this.parseStandaloneOrdering();
      default:
        return undefined;
    }
  }

  /** `LET Variable = Expression (, Variable = Expression)*` (Cypher 25): `WITH *, e AS v, …`. */
  private parseLet(): Clause {
    const pos = this.advance().start;
    const items: ProjectionItem[] = [];
    do {
      const alias = this.parseVariable();
      this.expectSymbol('=');
      const start = this.current.start;
      const expression = this.parseExpression();
      items.push({ pos: start, expression, alias, text: this.text.slice(start, this.lastEnd).trim() });
    } while (this.acceptSymbol(','));
    return { kind: 'With', pos, projection: { ...starProjection(), items }, where: undefined, form: 'LET' };
  }

  /** A standalone `ORDER BY …`, `SKIP|OFFSET e` and `LIMIT e` (Cypher 25): `WITH * ORDER BY … SKIP … LIMIT …`. */
  private parseStandaloneOrdering(): Clause {
    const pos = this.current.start;
    const { orderBy, skip, limit } = this.parseOrdering();
    return {
      kind: 'With',
      pos,
      projection: { ...starProjection(), orderBy, skip, limit },
      where: undefined,
      form: 'PAGE',
    };
  }

  /** `[OPTIONAL] MATCH Pattern [hints] [WHERE Expression]`. */
  private parseMatch(optional: boolean, pos = this.current.start): Clause {
    this.expectKeyword('MATCH');
    const pattern = this.parsePattern();
    this.skipHints();
    let where = this.acceptKeyword('WHERE') ? this.parseExpression() : undefined;
    if (!this.isKeyword('SEARCH')) return { kind: 'Match', pos, optional, pattern, where };
    const search = this.parseSearch();
    if (where === undefined && this.acceptKeyword('WHERE')) where = this.parseExpression();
    // The vector search runs first (its CALL), then the MATCH, whose WHERE filters what it found.
    this.queuedClauses.push({ kind: 'Match', pos, optional, pattern, where });
    try {
      return searchCall(pos, optional, pattern, search);
    } catch (error) {
      if (!(error instanceof CompositionError)) throw error;
      return this.failAt(error.pos, error.message, 'UnexpectedSyntax');
    }
  }

  /** `SEARCH v IN (VECTOR INDEX name FOR query [WHERE filter] LIMIT k) [SCORE AS score]` (Cypher 25). */
  private parseSearch(): VectorSearch {
    const pos = this.current.start;
    this.expectKeyword('SEARCH');
    const variable = this.parseVariable();
    this.expectKeyword('IN');
    this.expectSymbol('(');
    this.expectKeyword('VECTOR', 'INDEX');
    const index = this.parseName('a vector index name');
    this.expectKeyword('FOR');
    const query = this.parseExpression();
    const filter = this.acceptKeyword('WHERE') ? this.parseExpression() : undefined;
    this.expectKeyword('LIMIT');
    const limit = this.parseExpression();
    this.expectSymbol(')');
    let score: Variable | undefined;
    if (this.acceptKeyword('SCORE')) {
      this.expectKeyword('AS');
      score = this.parseVariable();
    }
    return { pos, variable, index, query, filter, limit, score };
  }

  /** Planner hints (`USING INDEX n:L(p)`, `USING SCAN n:L`, `USING JOIN ON n`) are accepted and ignored. */
  private skipHints(): void {
    while (this.isKeyword('USING')) {
      this.advance();
      if (this.acceptKeyword('JOIN')) {
        this.expectKeyword('ON');
        do this.parseVariable();
        while (this.acceptSymbol(','));
        continue;
      }
      for (const word of ['TEXT', 'RANGE', 'POINT', 'BTREE']) this.acceptKeyword(word);
      const isIndex = this.acceptKeyword('INDEX');
      if (isIndex) this.acceptKeyword('SEEK');
      else this.expectKeyword('SCAN');
      this.parseVariable();
      this.expectSymbol(':');
      this.parseName('a label name');
      if (isIndex) {
        this.expectSymbol('(');
        do this.parseName('a property key name');
        while (this.acceptSymbol(','));
        this.expectSymbol(')');
      }
    }
  }

  /** `MERGE PatternPart (ON CREATE SET … | ON MATCH SET …)*`. */
  private parseMerge(): Clause {
    const pos = this.advance().start;
    const part = this.parsePatternPart();
    const onCreate: SetItem[] = [];
    const onMatch: SetItem[] = [];
    while (this.acceptKeyword('ON')) {
      const isCreate = this.acceptKeyword('CREATE');
      if (!isCreate) this.expectKeyword('MATCH');
      const target = isCreate ? onCreate : onMatch;
      this.expectKeyword('SET');
      target.push(...this.parseSetItems());
    }
    return { kind: 'Merge', pos, part, onCreate, onMatch };
  }

  /** `SetItem (',' SetItem)*`: `n.k = e`, `n = map`, `n += map`, `n:A:B`. */
  private parseSetItems(): SetItem[] {
    const items: SetItem[] = [];
    do items.push(this.parseSetItem());
    while (this.acceptSymbol(','));
    return items;
  }

  private parseSetItem(): SetItem {
    const pos = this.current.start;
    if (this.isName() && (this.isSymbol('=', 1) || this.isSymbol('+=', 1))) {
      const variable = this.parseVariable();
      const merge = this.advance().value === '+=';
      const value = this.parseExpression();
      return merge
        ? { kind: 'MergeProperties', pos, variable, value }
        : { kind: 'SetAllProperties', pos, variable, value };
    }
    if (this.isName() && (this.isSymbol(':', 1) || this.isKeyword('IS', 1))) {
      const variable = this.parseVariable();
      return { kind: 'SetLabels', pos, variable, ...this.parseLabelNames() };
    }
    const target = this.parsePostfix();
    if (target.kind !== 'PropertyAccess')
      this.failAt(pos, 'Invalid input: expected a property (n.key) to SET', 'UnexpectedSyntax');
    this.expectSymbol('=');
    return {
      kind: 'SetProperty',
      pos,
      subject: target.subject,
      key: target.key,
      value: this.parseExpression(),
    };
  }

  /**
   * `:A:B` (or `IS A`) for SET and REMOVE: the names, and the `$(expression)` labels computed per row.
   * `$any(…)` means nothing here (every label given is set or removed), so only `$(…)`/`$all(…)` are read.
   */
  private parseLabelNames(): { labels: string[]; dynamicLabels?: Expression[] } {
    const labels: string[] = [];
    const dynamicLabels: Expression[] = [];
    const one = (): void => {
      const dynamic = this.parseDynamicLabel();
      if (dynamic === undefined) labels.push(this.parseName('a label name'));
      else if (dynamic.any) this.fail('a label or $(…) ($any is only for matching)');
      else dynamicLabels.push(dynamic.expression);
    };
    if (this.acceptKeyword('IS')) one();
    while (this.acceptSymbol(':')) one();
    return dynamicLabels.length === 0 ? { labels } : { labels, dynamicLabels };
  }

  private parseRemove(): Clause {
    const pos = this.advance().start;
    const items: RemoveItem[] = [];
    do {
      const itemPos = this.current.start;
      if (this.isName() && (this.isSymbol(':', 1) || this.isKeyword('IS', 1))) {
        const variable = this.parseVariable();
        items.push({ kind: 'RemoveLabels', pos: itemPos, variable, ...this.parseLabelNames() });
        continue;
      }
      const target = this.parsePostfix();
      if (target.kind !== 'PropertyAccess')
        this.failAt(
          itemPos,
          'Invalid input: expected a property (n.key) or labels to REMOVE',
          'UnexpectedSyntax',
        );
      items.push({ kind: 'RemoveProperty', pos: itemPos, subject: target.subject, key: target.key });
    } while (this.acceptSymbol(','));
    return { kind: 'Remove', pos, items };
  }

  /** `[DETACH | NODETACH] DELETE Expression (',' Expression)*`. */
  private parseDelete(): Clause {
    const pos = this.current.start;
    const detach = this.acceptKeyword('DETACH');
    if (!detach) this.acceptKeyword('NODETACH');
    this.expectKeyword('DELETE');
    const expressions: Expression[] = [this.parseExpression()];
    while (this.acceptSymbol(',')) expressions.push(this.parseExpression());
    return { kind: 'Delete', pos, detach, expressions };
  }

  /** `FOREACH '(' Variable IN Expression '|' Clause+ ')'`. */
  private parseForeach(): Clause {
    const pos = this.advance().start;
    this.expectSymbol('(');
    const variable = this.parseVariable();
    this.expectKeyword('IN');
    this.barDepth++;
    const list = this.parseExpression();
    this.barDepth--;
    this.expectSymbol('|');
    const clauses: Clause[] = [];
    for (let clause = this.parseClause(); clause !== undefined; clause = this.parseClause())
      clauses.push(clause);
    if (clauses.length === 0) this.fail('an updating clause');
    this.expectSymbol(')');
    return { kind: 'Foreach', pos, variable, list, clauses };
  }

  /** After `CALL`: a subquery (`{ … }` or `(scope) { … }`) or a procedure call. */
  private parseCall(pos: number, optional: boolean): Clause {
    if (this.isSymbol('{') || this.isSymbol('(')) return this.parseCallSubquery(pos, optional);
    if (optional) this.fail("'{' or '(' (OPTIONAL CALL takes a subquery)");
    return this.parseCallProcedure(pos);
  }

  private parseCallSubquery(pos: number, optional: boolean): CallSubquery {
    let scope: readonly Variable[] | '*' | undefined;
    if (this.acceptSymbol('(')) {
      if (this.acceptSymbol('*')) scope = '*';
      else {
        const variables: Variable[] = [];
        if (!this.isSymbol(')')) {
          do variables.push(this.parseVariable());
          while (this.acceptSymbol(','));
        }
        scope = variables;
      }
      this.expectSymbol(')');
    }
    this.expectSymbol('{');
    const query = this.parseQuery();
    this.expectSymbol('}');
    const inTransactions = this.isKeyword('IN') ? this.parseInTransactions() : undefined;
    return { kind: 'CallSubquery', pos, query, optional, scope, inTransactions };
  }

  /** `IN [n CONCURRENT] TRANSACTIONS [OF e ROW[S]] [ON ERROR CONTINUE|BREAK|FAIL|RETRY …] [REPORT STATUS AS v]`. */
  private parseInTransactions(): InTransactions {
    this.expectKeyword('IN');
    let concurrency: Expression | undefined;
    if (!this.isKeyword('TRANSACTIONS') && !this.isKeyword('CONCURRENT'))
      concurrency = this.parseExpression();
    this.acceptKeyword('CONCURRENT');
    this.expectKeyword('TRANSACTIONS');
    let batchSize: Expression | undefined;
    let onError: InTransactions['onError'] = 'FAIL';
    let retry: InTransactions['retry'];
    let reportStatus: Variable | undefined;
    for (;;) {
      if (this.acceptKeyword('OF')) {
        batchSize = this.parseExpression();
        if (!this.acceptKeyword('ROWS')) this.expectKeyword('ROW');
      } else if (this.acceptKeyword('ON')) {
        this.expectKeyword('ERROR');
        if (this.acceptKeyword('RETRY')) {
          let seconds: Expression | undefined;
          if (this.acceptKeyword('FOR')) {
            seconds = this.parseExpression();
            this.expectKeyword('SECONDS');
          }
          retry = { seconds };
          if (this.acceptKeyword('THEN')) onError = this.parseErrorMode("'CONTINUE', 'BREAK' or 'FAIL'");
        } else onError = this.parseErrorMode("'CONTINUE', 'BREAK', 'FAIL' or 'RETRY'");
      } else if (this.acceptKeyword('REPORT')) {
        this.expectKeyword('STATUS', 'AS');
        reportStatus = this.parseVariable();
      } else return { batchSize, concurrency, onError, retry, reportStatus };
    }
  }

  private parseErrorMode(expected: string): InTransactions['onError'] {
    const token = this.current;
    const mode = this.parseName(expected).toUpperCase();
    if (mode === 'CONTINUE' || mode === 'BREAK' || mode === 'FAIL') return mode;
    return this.fail(expected, token);
  }

  /** `CALL ns.name[(args)] [YIELD …]`; `YIELD *` is only allowed when the call is the whole query. */
  private parseCallProcedure(pos: number): CallProcedure {
    const name = this.parseQualifiedName('a procedure name');
    let args: Expression[] | undefined;
    if (this.acceptSymbol('(')) {
      args = [];
      if (!this.isSymbol(')')) {
        do args.push(this.parseExpression());
        while (this.acceptSymbol(','));
      }
      this.expectSymbol(')');
    }
    let yieldClause;
    if (this.acceptKeyword('YIELD')) {
      const star = this.current;
      yieldClause = this.parseYieldRest();
      if (yieldClause.star && !this.isSymbol(';') && this.current.type !== 'eof') {
        this.failAt(
          star.start,
          "Invalid input '*': YIELD * is only allowed in a standalone procedure call",
          'UnexpectedSyntax',
        );
      }
    }
    return { kind: 'CallProcedure', pos, name, args, yield: yieldClause };
  }

  /** `name ('.' name)*`, joined with dots. */
  protected parseQualifiedName(what: string): string {
    const parts = [this.parseName(what)];
    while (this.isSymbol('.') && this.isName(1)) {
      this.advance();
      parts.push(this.advance().value);
    }
    return parts.join('.');
  }

  /** `LOAD CSV [WITH HEADERS] FROM Expression AS Variable [FIELDTERMINATOR StringLiteral]`. */
  private parseLoadCsv(): Clause {
    const pos = this.advance().start;
    this.expectKeyword('CSV');
    const withHeaders = this.acceptKeyword('WITH');
    if (withHeaders) this.expectKeyword('HEADERS');
    this.expectKeyword('FROM');
    const url = this.parseExpression();
    this.expectKeyword('AS');
    const variable = this.parseVariable();
    let fieldTerminator: string | undefined;
    if (this.acceptKeyword('FIELDTERMINATOR')) {
      if (this.current.type !== 'string') this.fail('a string literal');
      fieldTerminator = this.advance().value;
    }
    return { kind: 'LoadCsv', pos, withHeaders, url, variable, fieldTerminator };
  }
}

/** `*` alone: every variable in scope, nothing else (what LET, FILTER and standalone ORDER BY build on). */
function starProjection(): Projection {
  return { distinct: false, star: true, items: [], orderBy: undefined, skip: undefined, limit: undefined };
}
