/**
 * A parser for Lucene's classic query syntax as Neo4j's `db.index.fulltext.query*` procedures use it
 * (`MultiFieldQueryParser` over the index's fields, default operator OR, leading wildcards allowed).
 * Grammar (Lucene's `QueryParser.jj`):
 *
 *     Query     ::= Modifiers Clause ( Conjunction Modifiers Clause )*
 *     Modifiers ::= [ "+" | "-" | "NOT" | "!" ]      Conjunction ::= [ "AND" | "&&" | "OR" | "||" ]
 *     Clause    ::= [ (TERM | "*") ":" ] ( Term | "(" Query ")" [ "^" NUMBER ] )
 *     Term      ::= (TERM | "*" | PREFIXTERM | WILDTERM | REGEXPTERM | BAREOPER) [FUZZY_SLOP] [ "^" NUMBER [FUZZY_SLOP] ]
 *                 | ("[" | "{") GOOP [ "TO" ] GOOP ("]" | "}") [ "^" NUMBER ]
 *                 | QUOTED [ FUZZY_SLOP ] [ "^" NUMBER ]
 */
import type { FulltextAnalyzer } from './analyzers.js';
import { MATCH_NO_DOCS, withBoost, type BooleanClause, type FulltextQuery, type Occur } from './query-ast.js';
import { normalizeWildcard, perField, textQuery, type FulltextQueryOptions } from './query-builder.js';
import { fulltextQueryError, lineAndColumn } from './query-errors.js';
import { tokenizeQuery, type QueryToken, type QueryTokenKind } from './query-lexer.js';

/** Lucene's largest supported fuzzy edit distance. */
export const MAX_FUZZY_EDITS = 2;

type Modifier = 'none' | 'required' | 'prohibited';
type Conjunction = 'none' | 'and' | 'or';

/** Token kinds that can start a clause (the loop condition of `Query`). */
const CLAUSE_START: ReadonlySet<QueryTokenKind> = new Set<QueryTokenKind>([
  'AND',
  'OR',
  'NOT',
  'PLUS',
  'MINUS',
  'BAREOPER',
  'LPAREN',
  'STAR',
  'QUOTED',
  'TERM',
  'PREFIXTERM',
  'WILDTERM',
  'REGEXPTERM',
  'RANGEIN_START',
  'RANGEEX_START',
  'NUMBER',
]);

/** Token kinds that form a bare term (the first alternative of `Term`). */
const BARE_TOKENS: ReadonlySet<QueryTokenKind> = new Set<QueryTokenKind>([
  'TERM',
  'STAR',
  'PREFIXTERM',
  'WILDTERM',
  'REGEXPTERM',
  'BAREOPER',
  'NUMBER',
]);

/**
 * Parses a fulltext query over an index's `fields`, analyzing terms with `analyzer`. Throws a
 * `ProcedureCallFailed` error with Lucene's `Cannot parse '<query>': …` message on invalid syntax. A query
 * whose every term is dropped by the analyzer (stop words) matches nothing.
 */
export function parseFulltextQuery(
  text: string,
  fields: readonly string[],
  analyzer: FulltextAnalyzer,
  options: FulltextQueryOptions = {},
): FulltextQuery {
  return new Parser(text, fields, analyzer, options).parseTopLevel() ?? MATCH_NO_DOCS;
}

class Parser {
  private readonly tokens: QueryToken[];
  private readonly eof: QueryToken;
  private index = 0;

  private readonly text: string;
  private readonly fields: readonly string[];
  private readonly analyzer: FulltextAnalyzer;
  private readonly options: FulltextQueryOptions;

  constructor(
    text: string,
    fields: readonly string[],
    analyzer: FulltextAnalyzer,
    options: FulltextQueryOptions,
  ) {
    this.text = text;
    this.fields = fields;
    this.analyzer = analyzer;
    this.options = options;
    this.tokens = tokenizeQuery(text);
    this.eof = { kind: 'EOF', image: '', offset: text.length };
  }

  parseTopLevel(): FulltextQuery | undefined {
    const query = this.query(undefined);
    this.expect('EOF', '<EOF>');
    return query;
  }

  private peek(offset = 0): QueryToken {
    return this.tokens[this.index + offset] ?? this.eof;
  }

  private advance(): QueryToken {
    const token = this.peek();
    if (token.kind !== 'EOF') this.index++;
    return token;
  }

  private accept(kind: QueryTokenKind): QueryToken | undefined {
    return this.peek().kind === kind ? this.advance() : undefined;
  }

  private expect(kind: QueryTokenKind, expected: string): QueryToken {
    return this.accept(kind) ?? this.unexpected(expected);
  }

  private unexpected(expected: string): never {
    const token = this.peek();
    const at = token.kind === 'EOF' ? Math.max(0, this.text.length - 1) : token.offset;
    const { line, column } = lineAndColumn(this.text, at);
    const found = token.kind === 'EOF' ? '<EOF>' : `<${token.kind}> "${token.image}"`;
    throw fulltextQueryError(
      this.text,
      `Encountered "${found}" at line ${line}, column ${column}.\nWas expecting: ${expected}`,
    );
  }

  private error(detail: string): never {
    throw fulltextQueryError(this.text, detail);
  }

  private query(field: string | undefined): FulltextQuery | undefined {
    const clauses: BooleanClause[] = [];
    let modifier = this.modifiers();
    let q = this.clause(field);
    addClause(clauses, 'none', modifier, q);
    const first = modifier === 'none' ? q : undefined;
    while (CLAUSE_START.has(this.peek().kind)) {
      const conjunction: Conjunction = this.accept('AND') ? 'and' : this.accept('OR') ? 'or' : 'none';
      modifier = this.modifiers();
      q = this.clause(field);
      addClause(clauses, conjunction, modifier, q);
    }
    if (clauses.length === 1 && first !== undefined) return first;
    return clauses.length === 0 ? undefined : { kind: 'boolean', clauses, boost: 1 };
  }

  private modifiers(): Modifier {
    if (this.accept('PLUS')) return 'required';
    if (this.accept('MINUS') ?? this.accept('NOT')) return 'prohibited';
    return 'none';
  }

  private clause(defaultField: string | undefined): FulltextQuery | undefined {
    let field = defaultField;
    const next = this.peek(1).kind;
    if ((this.peek().kind === 'TERM' || this.peek().kind === 'STAR') && next === 'COLON') {
      const token = this.advance();
      field = token.kind === 'STAR' ? '*' : this.discardEscapes(token.image);
      this.advance();
    }
    if (this.accept('LPAREN')) {
      const inner = this.query(field);
      this.expect('RPAREN', '")"');
      return this.boosted(inner);
    }
    return this.term(field);
  }

  /** Parses an optional `^NUMBER` and applies it to `q`. */
  private boosted(q: FulltextQuery | undefined): FulltextQuery | undefined {
    if (!this.accept('CARAT')) return q;
    const boost = Number(this.expect('NUMBER', '<NUMBER>').image);
    return q === undefined ? undefined : withBoost(q, boost);
  }

  private term(field: string | undefined): FulltextQuery | undefined {
    const token = this.peek();
    if (token.kind === 'QUOTED') {
      this.advance();
      const slopToken = this.accept('FUZZY_SLOP');
      const slop = slopToken === undefined ? 0 : Math.trunc(Number(slopToken.image.slice(1)) || 0);
      const text = this.discardEscapes(token.image.slice(1, -1));
      return this.boosted(textQuery(field, this.fields, text, true, slop, this.analyzer, this.options));
    }
    if (token.kind === 'RANGEIN_START' || token.kind === 'RANGEEX_START')
      return this.boosted(this.range(field));
    if (!BARE_TOKENS.has(token.kind)) return this.unexpected('a term, a quoted phrase, a range or "("');
    this.advance();
    let fuzzy = this.accept('FUZZY_SLOP');
    let boost: number | undefined;
    if (this.accept('CARAT')) {
      boost = Number(this.expect('NUMBER', '<NUMBER>').image);
      fuzzy = this.accept('FUZZY_SLOP') ?? fuzzy;
    }
    const q = this.bareToken(field, token, fuzzy);
    return q === undefined || boost === undefined ? q : withBoost(q, boost);
  }

  private bareToken(
    field: string | undefined,
    token: QueryToken,
    fuzzy: QueryToken | undefined,
  ): FulltextQuery | undefined {
    const { fields, analyzer } = this;
    if (token.kind === 'STAR' || token.kind === 'WILDTERM') {
      if (field === '*' && token.image === '*') return { kind: 'matchAll', boost: 1 };
      const pattern = normalizeWildcard(token.image, analyzer);
      return perField(field, fields, (f) => ({ kind: 'wildcard', field: f, pattern, boost: 1 }));
    }
    if (token.kind === 'PREFIXTERM') {
      const prefix = analyzer.normalize(this.discardEscapes(token.image.slice(0, -1)));
      return perField(field, fields, (f) => ({ kind: 'prefix', field: f, prefix, boost: 1 }));
    }
    if (token.kind === 'REGEXPTERM') {
      const pattern = analyzer.normalize(token.image.slice(1, -1));
      return perField(field, fields, (f) => ({ kind: 'regexp', field: f, pattern, boost: 1 }));
    }
    const image = token.kind === 'BAREOPER' ? token.image.slice(0, 1) : token.image;
    const text = this.discardEscapes(image);
    if (fuzzy === undefined) return textQuery(field, fields, text, false, 0, analyzer, this.options);
    const similarity = fuzzy.image.length > 1 ? Number(fuzzy.image.slice(1)) : MAX_FUZZY_EDITS;
    if (similarity < 0) this.error('Minimum similarity for a FuzzyQuery has to be between 0.0f and 1.0f !');
    if (similarity >= 1 && !Number.isInteger(similarity))
      this.error('Fractional edit distances are not allowed!');
    const term = analyzer.normalize(text);
    const maxEdits = similarityToEdits(similarity, Array.from(term).length);
    return perField(field, fields, (f) => ({ kind: 'fuzzy', field: f, term, maxEdits, boost: 1 }));
  }

  private range(field: string | undefined): FulltextQuery | undefined {
    const includeLower = this.advance().kind === 'RANGEIN_START';
    const lower = this.rangeBound();
    this.accept('RANGE_TO');
    const upper = this.rangeBound();
    const end = this.peek().kind;
    if (end !== 'RANGEIN_END' && end !== 'RANGEEX_END') this.unexpected('"]" or "}"');
    this.advance();
    const includeUpper = end === 'RANGEIN_END';
    const normalize = (b: string | undefined): string | undefined =>
      b === undefined ? undefined : this.analyzer.normalize(b);
    return perField(field, this.fields, (f) => ({
      kind: 'range',
      field: f,
      lower: normalize(lower),
      upper: normalize(upper),
      includeLower,
      includeUpper,
      boost: 1,
    }));
  }

  /** One bound of a range: undefined for an open (`*`) bound. */
  private rangeBound(): string | undefined {
    const token = this.peek();
    if (token.kind === 'RANGE_QUOTED') {
      this.advance();
      return this.discardEscapes(token.image.slice(1, -1));
    }
    if (token.kind === 'RANGE_GOOP' || token.kind === 'RANGE_TO') {
      this.advance();
      return token.image === '*' ? undefined : this.discardEscapes(token.image);
    }
    return this.unexpected('a range bound');
  }

  /** Lucene's `discardEscapeChar`: `\x` → `x`, `\uXXXX` → the code unit. */
  private discardEscapes(input: string): string {
    let out = '';
    for (let i = 0; i < input.length; i++) {
      const c = input[i] ?? '';
      if (c !== '\\') {
        out += c;
        continue;
      }
      if (i + 1 >= input.length) this.error('Term can not end with escape character.');
      if (input[i + 1] === 'u') {
        const hex = input.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.error('Truncated unicode escape sequence.');
        out += String.fromCharCode(parseInt(hex, 16));
        i += 5;
      } else {
        out += input[i + 1] ?? '';
        i++;
      }
    }
    return out;
  }
}

/** Lucene's `FuzzyQuery.floatToEdits`: an integer is an edit count; a fraction is a legacy similarity. */
export function similarityToEdits(similarity: number, termLength: number): number {
  if (similarity >= 1) return Math.min(Math.trunc(similarity), MAX_FUZZY_EDITS);
  if (similarity === 0) return 0;
  return Math.min(Math.trunc((1 - similarity) * termLength), MAX_FUZZY_EDITS);
}

/** Lucene's `QueryParserBase.addClause` for the OR default operator. */
function addClause(
  clauses: BooleanClause[],
  conjunction: Conjunction,
  modifier: Modifier,
  query: FulltextQuery | undefined,
): void {
  const last = clauses[clauses.length - 1];
  if (conjunction === 'and' && last !== undefined && last.occur !== 'mustNot') {
    clauses[clauses.length - 1] = { occur: 'must', query: last.query };
  }
  if (query === undefined) return;
  const prohibited = modifier === 'prohibited';
  const required = modifier === 'required' || (conjunction === 'and' && !prohibited);
  const occur: Occur = prohibited ? 'mustNot' : required ? 'must' : 'should';
  clauses.push({ occur, query });
}
