import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DEFAULT_FULLTEXT_ANALYZER,
  fulltextAnalyzer,
  fulltextAnalyzers,
  removeEnglishPossessive,
  type FulltextAnalyzer,
} from './analyzers.js';
import { ENGLISH_STOP_WORDS } from './english-stop-words.js';

function analyzer(name: string): FulltextAnalyzer {
  const a = fulltextAnalyzer(name);
  assert.ok(a, name);
  return a;
}

function terms(name: string, text: string): string[] {
  return analyzer(name)
    .analyze(text)
    .map((t) => `${t.term}@${t.position}`);
}

test('analyzers are listed by name and found by name', () => {
  assert.deepEqual(
    fulltextAnalyzers().map((a) => a.name),
    [
      'english',
      'keyword',
      'simple',
      'standard',
      'standard-folding',
      'standard-no-stop-words',
      'stop',
      'unicode_whitespace',
      'whitespace',
    ],
  );
  assert.equal(analyzer(DEFAULT_FULLTEXT_ANALYZER).name, 'standard-no-stop-words');
  assert.equal(fulltextAnalyzer('nope'), undefined);
  for (const a of fulltextAnalyzers()) assert.ok(a.description.length > 0);
});

test('the English stop-word set is Lucene classic set of 33 words', () => {
  assert.equal(ENGLISH_STOP_WORDS.length, 33);
  assert.deepEqual(analyzer('standard').stopwords, ENGLISH_STOP_WORDS);
  assert.deepEqual(analyzer('standard-no-stop-words').stopwords, []);
  assert.deepEqual(analyzer('stop').stopwords, ENGLISH_STOP_WORDS);
  assert.deepEqual(analyzer('english').stopwords, ENGLISH_STOP_WORDS);
});

test('stop words are removed and leave position gaps', () => {
  assert.deepEqual(terms('standard', 'The Quick fox and THE dog'), ['quick@1', 'fox@2', 'dog@5']);
  assert.deepEqual(terms('standard-no-stop-words', 'The Quick fox'), ['the@0', 'quick@1', 'fox@2']);
  assert.deepEqual(terms('stop', "It's a dog-eat-dog world"), ['s@1', 'dog@3', 'eat@4', 'dog@5', 'world@6']);
  assert.deepEqual(terms('simple', "It's a Dog"), ['it@0', 's@1', 'a@2', 'dog@3']);
});

test('the english analyzer removes possessives and stop words, then stems', () => {
  assert.deepEqual(terms('english', "The Dog's ponies were running to the relational caresses"), [
    'dog@1',
    'poni@2',
    'were@3',
    'run@4',
    'relat@7',
    'caress@8',
  ]);
  assert.equal(removeEnglishPossessive("John's"), 'John');
  assert.equal(removeEnglishPossessive('JOHN\u2019S'), 'JOHN');
  assert.equal(removeEnglishPossessive('boss'), 'boss');
  assert.equal(analyzer('english').normalize('RUNNING'), 'running');
});

test('folding, whitespace and keyword analyzers', () => {
  assert.deepEqual(terms('standard-folding', 'Crème Brûlée STRASSE straße'), [
    'creme@0',
    'brulee@1',
    'strasse@2',
    'strasse@3',
  ]);
  assert.equal(analyzer('standard-folding').normalize('Brûl*'), 'brul*');
  assert.deepEqual(terms('whitespace', 'Foo  bar-Baz'), ['Foo@0', 'bar-Baz@1']);
  assert.deepEqual(terms('unicode_whitespace', 'Foo\u2003Bar'), ['Foo@0', 'Bar@1']);
  assert.deepEqual(terms('keyword', 'Foo Bar'), ['Foo Bar@0']);
  assert.equal(analyzer('keyword').normalize('Foo'), 'Foo');
  assert.equal(analyzer('standard').normalize('FoO'), 'foo');
});
