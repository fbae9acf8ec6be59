import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fulltextAnalyzer, type FulltextAnalyzer } from './analyzers.js';
import { printFulltextQuery, type FulltextQuery } from './query-ast.js';
import { tokenizeQuery } from './query-lexer.js';
import { parseFulltextQuery, similarityToEdits } from './query-parser.js';

function analyzer(name = 'standard-no-stop-words'): FulltextAnalyzer {
  const a = fulltextAnalyzer(name);
  assert.ok(a);
  return a;
}

function parse(text: string, fields: readonly string[] = ['body'], name?: string): FulltextQuery {
  return parseFulltextQuery(text, fields, analyzer(name));
}

function printed(text: string, fields: readonly string[] = ['body'], name?: string): string {
  return printFulltextQuery(parse(text, fields, name));
}

function assertParseError(text: string, pattern: RegExp): void {
  assert.throws(
    () => parse(text),
    (e: unknown) => {
      assert.ok(e instanceof Error);
      assert.equal((e as Error & { code: string }).code, 'Neo.ClientError.Procedure.ProcedureCallFailed');
      assert.ok(e.message.startsWith(`Cannot parse '${text}': `), e.message);
      assert.match(e.message, pattern);
      return true;
    },
  );
}

test('the lexer distinguishes terms, prefixes, wildcards and keywords like JavaCC', () => {
  const kinds = (text: string): string[] => tokenizeQuery(text).map((t) => `${t.kind}:${t.image}`);
  assert.deepEqual(kinds('foo* f?o *oo * AND ANDY'), [
    'PREFIXTERM:foo*',
    'WILDTERM:f?o',
    'WILDTERM:*oo',
    'STAR:*',
    'AND:AND',
    'TERM:ANDY',
    'EOF:',
  ]);
  assert.deepEqual(kinds('a\\*b -c +d !e && f || g'), [
    'TERM:a\\*b',
    'MINUS:-',
    'TERM:c',
    'PLUS:+',
    'TERM:d',
    'NOT:!',
    'TERM:e',
    'AND:&&',
    'TERM:f',
    'OR:||',
    'TERM:g',
    'EOF:',
  ]);
  assert.deepEqual(kinds('[a TO "b c"}^2 x~0.5'), [
    'RANGEIN_START:[',
    'RANGE_GOOP:a',
    'RANGE_TO:TO',
    'RANGE_QUOTED:"b c"',
    'RANGEEX_END:}',
    'CARAT:^',
    'NUMBER:2',
    'TERM:x',
    'FUZZY_SLOP:~0.5',
    'EOF:',
  ]);
});

test('terms search every field unless a field is named', () => {
  assert.equal(printed('Foo', ['title', 'body']), 'title:foo body:foo');
  assert.equal(printed('title:Foo', ['title', 'body']), 'title:foo');
  assert.equal(printed('title:(a b) c', ['title', 'body']), '(title:a title:b) (title:c body:c)');
  assert.equal(printed('title:(a b) c', ['title']), '(title:a title:b) title:c');
  assert.equal(printed('foo bar', ['title', 'body']), '(title:foo body:foo) (title:bar body:bar)');
  assert.deepEqual(parse('foo'), { kind: 'term', field: 'body', term: 'foo', boost: 1 });
});

test('text that analyzes to several terms becomes a disjunction, or a phrase on request', () => {
  assert.equal(printed('foo-bar'), 'body:foo body:bar');
  assert.equal(printed('foo-bar', ['t', 'b']), '(t:foo b:foo) (t:bar b:bar)');
  const phrase = parseFulltextQuery('body:foo-bar', ['body'], analyzer(), {
    autoGeneratePhraseQueries: true,
  });
  assert.equal(printFulltextQuery(phrase), 'body:"foo bar"');
});

test('stop words are dropped; a query of stop words only matches nothing', () => {
  assert.equal(printed('the fox', ['body'], 'standard'), 'body:fox');
  assert.deepEqual(parse('the', ['body'], 'standard'), { kind: 'boolean', clauses: [], boost: 1 });
  assert.equal(printed('"the quick the fox"', ['body'], 'standard'), 'body:"quick ? fox"');
  assert.equal(printed('running', ['body'], 'english'), 'body:run');
});

test('phrases, slop and boosts', () => {
  assert.equal(printed('"Quick Fox"'), 'body:"quick fox"');
  assert.equal(printed('"quick fox"~3'), 'body:"quick fox"~3');
  assert.equal(printed('"fox"'), 'body:fox');
  assert.equal(printed('"quick fox"^0.5'), 'body:"quick fox"^0.5');
  assert.equal(printed('body:a^2'), 'body:a^2');
  assert.equal(printed('body:(a b)^3'), '(body:a body:b)^3');
  assert.equal(printed('a^2', ['t', 'b']), '(t:a b:a)^2');
});

test('fuzzy, prefix, wildcard, regexp and ranges are normalized, not tokenized', () => {
  assert.equal(printed('Foo~'), 'body:foo~2');
  assert.equal(printed('foo~1'), 'body:foo~1');
  assert.equal(printed('foo~0'), 'body:foo~0');
  assert.equal(printed('foobar~0.5'), 'body:foobar~2');
  assert.equal(printed('foo~1^2'), 'body:foo~1^2');
  assert.equal(printed('foo^2~1'), 'body:foo~1^2');
  assert.equal(printed('Foo*'), 'body:foo*');
  assert.equal(printed('Te?t'), 'body:te?t');
  assert.equal(printed('T*st'), 'body:t*st');
  assert.equal(printed('*st'), 'body:*st');
  assert.equal(printed('/Ab+c/'), 'body:/ab+c/');
  assert.equal(printed('[A TO b]'), 'body:[a TO b]');
  assert.equal(printed('{a TO b}'), 'body:{a TO b}');
  assert.equal(printed('[a TO b}'), 'body:[a TO b}');
  assert.equal(printed('{* TO b]'), 'body:{* TO b]');
  assert.equal(printed('[a TO *]^2'), 'body:[a TO *]^2');
  assert.equal(printed('["a b" TO c]'), 'body:[a b TO c]');
  assert.equal(printed('*:*'), '*:*');
  assert.equal(printed('*'), 'body:*');
  assert.equal(similarityToEdits(0.5, 4), 2);
  assert.equal(similarityToEdits(0.8, 6), 1);
});

test('boolean operators follow Lucene clause rules', () => {
  assert.equal(printed('a b'), 'body:a body:b');
  assert.equal(printed('a OR b'), 'body:a body:b');
  assert.equal(printed('a || b'), 'body:a body:b');
  assert.equal(printed('a AND b'), '+body:a +body:b');
  assert.equal(printed('a && b'), '+body:a +body:b');
  assert.equal(printed('a AND b OR c'), '+body:a +body:b body:c');
  assert.equal(printed('+a -b c'), '+body:a -body:b body:c');
  assert.equal(printed('NOT a'), '-body:a');
  assert.equal(printed('!a'), '-body:a');
  assert.equal(printed('a AND NOT b'), '+body:a -body:b');
  assert.equal(printed('a NOT b'), 'body:a -body:b');
  assert.equal(printed('-a AND b'), '-body:a +body:b');
  assert.equal(printed('(a OR b) AND c'), '+(body:a body:b) +body:c');
  assert.equal(printed('+a'), '+body:a');
  assert.equal(printed('*:* -a'), '*:* -body:a');
  assert.equal(printed('a + b'), 'body:a body:b');
});

test('escapes', () => {
  assert.equal(printed('body:foo\\:bar', ['body'], 'keyword'), 'body:foo:bar');
  assert.equal(printed('\\(1\\+1\\)\\:2', ['body'], 'whitespace'), 'body:(1+1):2');
  assert.equal(printed('\\u0041bc', ['body'], 'keyword'), 'body:Abc');
  assert.equal(printed('title\\:x:y', ['body'], 'keyword'), 'title:x:y');
  assert.deepEqual(parse('fo\\*o*'), { kind: 'prefix', field: 'body', prefix: 'fo*o', boost: 1 });
  assert.deepEqual(parse('f\\?o?'), { kind: 'wildcard', field: 'body', pattern: 'f\\?o?', boost: 1 });
});

test('syntax errors name the position', () => {
  assertParseError('', /Encountered "<EOF>" at line 1, column 1/);
  assertParseError('foo AND', /Encountered "<EOF>" at line 1, column 7/);
  assertParseError('(foo', /Was expecting: "\)"/);
  assertParseError('foo)', /Encountered "<RPAREN> "\)"" at line 1, column 4/);
  assertParseError('foo^', /Was expecting: <NUMBER>/);
  assertParseError('foo^x', /Lexical error at line 1, column 5/);
  assertParseError('"open', /Lexical error at line 1, column 6/);
  assertParseError('/open', /Lexical error/);
  assertParseError('foo\\', /Lexical error/);
  assertParseError('[a TO b', /Was expecting: "\]" or "\}"/);
  assertParseError('foo~1.5', /Fractional edit distances are not allowed!/);
  assertParseError('\\u00', /Truncated unicode escape sequence/);
  assertParseError('a:', /Encountered "<EOF>"/);
});
