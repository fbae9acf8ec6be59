import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { fulltextAnalyzer, type AnalyzedToken, type FulltextAnalyzer } from './analyzers.js';
import { parseFulltextQuery } from './query-parser.js';
import { phraseFrequency, searchFulltext, type FulltextHit } from './search.js';
import type { FulltextTermSource } from './term-source.js';

type Doc = Readonly<Record<string, string>>;
type Analyzed = ReadonlyMap<string, readonly AnalyzedToken[]>;

function analyzer(name = 'standard-no-stop-words'): FulltextAnalyzer {
  const a = fulltextAnalyzer(name);
  assert.ok(a);
  return a;
}

/**
 * An in-memory term source built from `indexed` (what the postings saw); `visible` overrides what the reader
 * sees per id (`null` = deleted), so tests can make postings stale.
 */
function fakeSource(
  fields: readonly string[],
  indexed: ReadonlyMap<number, Doc>,
  a: FulltextAnalyzer,
  visible: ReadonlyMap<number, Doc | null> = new Map(),
): FulltextTermSource {
  const analyze = (doc: Doc): Analyzed =>
    new Map(fields.filter((f) => doc[f] !== undefined).map((f) => [f, a.analyze(doc[f] ?? '')]));
  const postings = new Map<string, Map<string, Set<number>>>();
  const stats = new Map<string, { docCount: number; sumTotalTermFreq: number }>();
  for (const [id, doc] of indexed) {
    for (const [field, tokens] of analyze(doc)) {
      const byTerm = postings.get(field) ?? new Map<string, Set<number>>();
      postings.set(field, byTerm);
      for (const t of tokens) byTerm.set(t.term, (byTerm.get(t.term) ?? new Set()).add(id));
      const s = stats.get(field) ?? { docCount: 0, sumTotalTermFreq: 0 };
      stats.set(field, { docCount: s.docCount + 1, sumTotalTermFreq: s.sumTotalTermFreq + tokens.length });
    }
  }
  return {
    fields,
    postings: (field, term) => postings.get(field)?.get(term) ?? [],
    docFreq: (field, term) => postings.get(field)?.get(term)?.size ?? 0,
    terms: (field, prefix) =>
      [...(postings.get(field)?.keys() ?? [])]
        .filter((t) => t.startsWith(prefix))
        .sort((x, y) => (x < y ? -1 : 1)),
    allIds: () => indexed.keys(),
    fieldStatistics: (field) => stats.get(field) ?? { docCount: 0, sumTotalTermFreq: 0 },
    document: (id) => {
      const doc = visible.has(id) ? visible.get(id) : indexed.get(id);
      return doc === null || doc === undefined ? undefined : analyze(doc);
    },
  };
}

function docs(...bodies: string[]): Map<number, Doc> {
  return new Map(bodies.map((body, i) => [i + 1, { body }]));
}

const FRUIT = docs('apple banana', 'apple apple cherry', 'cherry');

function search(source: FulltextTermSource, query: string, name?: string): FulltextHit[] {
  return searchFulltext(source, parseFulltextQuery(query, source.fields, analyzer(name)));
}

function ids(hits: readonly FulltextHit[]): number[] {
  return hits.map((h) => h.id);
}

function assertClose(actual: number | undefined, expected: number): void {
  assert.ok(actual !== undefined && Math.abs(actual - expected) < 1e-12, `${actual} ≠ ${expected}`);
}

test('term queries score with BM25 (hand-computed)', () => {
  const source = fakeSource(['body'], FRUIT, analyzer());
  const hits = search(source, 'apple');
  // docCount 3, sumTotalTermFreq 2 + 3 + 1 = 6, avgdl 2. df(apple) = 2: idf = ln(1 + 1.5 / 2.5) = ln 1.6.
  // Doc 2: freq 2, dl 3: K = 1.2 · (0.25 + 0.75 · 3/2) = 1.65, tf = 2 / 3.65.
  // Doc 1: freq 1, dl 2: K = 1.2 · (0.25 + 0.75) = 1.2, tf = 1 / 2.2.
  assert.deepEqual(ids(hits), [2, 1]);
  assertClose(hits[0]?.score, Math.log(1.6) * (2 / 3.65));
  assertClose(hits[1]?.score, Math.log(1.6) * (1 / 2.2));
});

test('the field length goes through the lossy one-byte norm', () => {
  const long = ['target', ...Array.from({ length: 99 }, (_, i) => `w${i}`)].join(' ');
  const source = fakeSource(['body'], docs(long, 'other'), analyzer());
  // docCount 2, sumTotalTermFreq 101, avgdl 50.5; idf = ln(1 + 1.5 / 1.5) = ln 2; dl 100 is stored as 96.
  const k = 1.2 * (0.25 + (0.75 * 96) / 50.5);
  assertClose(search(source, 'target')[0]?.score, Math.LN2 * (1 / (1 + k)));
});

test('boolean queries sum the matching clauses and honour MUST and MUST_NOT', () => {
  const source = fakeSource(['body'], FRUIT, analyzer());
  const apple = new Map(search(source, 'apple').map((h) => [h.id, h.score]));
  const cherry = new Map(search(source, 'cherry').map((h) => [h.id, h.score]));
  const either = search(source, 'apple cherry');
  assert.deepEqual(ids(either).sort(), [1, 2, 3]);
  assertClose(either.find((h) => h.id === 2)?.score, (apple.get(2) ?? 0) + (cherry.get(2) ?? 0));
  assert.deepEqual(ids(search(source, '+apple -cherry')), [1]);
  assert.deepEqual(ids(search(source, 'apple AND cherry')), [2]);
  assert.deepEqual(ids(search(source, 'apple AND NOT banana')), [2]);
  assert.deepEqual(ids(search(source, 'NOT apple')), []);
  assert.deepEqual(ids(search(source, 'banana OR (NOT apple)')), [1]);
  assert.deepEqual(ids(search(source, '*:* -apple')), [3]);
  const boosted = search(source, 'apple^2');
  assertClose(boosted[0]?.score, 2 * (apple.get(2) ?? 0));
});

test('phrase queries: exact and sloppy', () => {
  const source = fakeSource(['body'], docs('quick brown fox', 'brown quick fox', 'quick fox'), analyzer());
  // idf(quick) = ln(1 + 0.5 / 3.5) = ln(8/7), idf(brown) = ln 1.6; avgdl = 8/3; dl 3:
  // K = 1.2 · (0.25 + 0.75 · 3 / (8/3)) = 1.3125.
  const weight = Math.log(8 / 7) + Math.log(1.6);
  const exact = search(source, '"quick brown"');
  assert.deepEqual(ids(exact), [1]);
  assertClose(exact[0]?.score, weight * (1 / (1 + 1.3125)));
  // With slop 2 the reversed order matches too, with sloppy frequency 1 / (1 + 2).
  const sloppy = search(source, '"quick brown"~2');
  assert.deepEqual(ids(sloppy), [1, 2]);
  assertClose(sloppy[1]?.score, weight * (1 / 3 / (1 / 3 + 1.3125)));
  // "quick fox" is exact in docs 2 and 3 (3 is shorter, so first); doc 1 needs one move (frequency 1/2).
  assert.deepEqual(ids(search(source, '"quick fox"')), [3, 2]);
  assert.deepEqual(ids(search(source, '"quick fox"~1')), [3, 2, 1]);
});

test('phrase frequency counts positions and gaps', () => {
  const terms = [
    { term: 'a', position: 0 },
    { term: 'b', position: 1 },
  ];
  assert.equal(
    phraseFrequency(
      terms,
      [
        [0, 5],
        [1, 6],
      ],
      0,
    ),
    2,
  );
  assert.equal(phraseFrequency(terms, [[0], [2]], 0), 0);
  assert.equal(phraseFrequency(terms, [[0], [2]], 1), 1 / 2);
  const repeated = [
    { term: 'a', position: 0 },
    { term: 'a', position: 1 },
  ];
  assert.equal(phraseFrequency(repeated, [[3], [3]], 2), 0);
  const stopGap = fakeSource(['body'], docs('quick the fox', 'quick fox'), analyzer('standard'));
  assert.deepEqual(ids(search(stopGap, '"quick a fox"', 'standard')), [1]);
});

test('fuzzy queries expand to close terms, boosted by similarity', () => {
  const source = fakeSource(['body'], FRUIT, analyzer());
  const apple = search(source, 'apple');
  const fuzzy = search(source, 'appel~');
  // appel → apple is one transposition: boost 1 − 1/5 = 0.8.
  assert.deepEqual(ids(fuzzy), [2, 1]);
  assertClose(fuzzy[0]?.score, 0.8 * (apple[0]?.score ?? 0));
  assert.deepEqual(ids(search(source, 'chery~1')), [3, 2]);
  assert.deepEqual(ids(search(source, 'chxxry~1')), []);
  assert.deepEqual(ids(search(source, 'chxxry~2')), [3, 2]);
});

test('prefix, wildcard, range and regexp queries score a constant boost', () => {
  const source = fakeSource(['body'], FRUIT, analyzer());
  assert.deepEqual(search(source, 'app*'), [
    { id: 1, score: 1 },
    { id: 2, score: 1 },
  ]);
  assert.deepEqual(search(source, 'ch?rr*^3'), [
    { id: 2, score: 3 },
    { id: 3, score: 3 },
  ]);
  assert.deepEqual(ids(search(source, '*an*')), [1]);
  assert.deepEqual(ids(search(source, '[b TO c]')), [1]);
  assert.deepEqual(ids(search(source, '{apple TO *]')), [1, 2, 3]);
  assert.deepEqual(ids(search(source, '[* TO banana}')), [1, 2]);
  assert.deepEqual(ids(search(source, '/c.*y/')), [2, 3]);
  assert.deepEqual(search(source, '*:*'), [
    { id: 1, score: 1 },
    { id: 2, score: 1 },
    { id: 3, score: 1 },
  ]);
});

test('every field is searched unless the query names one', () => {
  const indexed = new Map<number, Doc>([
    [1, { title: 'Apple pie', body: 'a dessert' }],
    [2, { title: 'Dessert', body: 'apple crumble' }],
    [3, { title: 'Crumble' }],
  ]);
  const source = fakeSource(['title', 'body'], indexed, analyzer());
  assert.deepEqual(ids(search(source, 'apple')).sort(), [1, 2]);
  assert.deepEqual(ids(search(source, 'title:apple')), [1]);
  assert.deepEqual(ids(search(source, 'crumble')).sort(), [2, 3]);
  assert.deepEqual(ids(search(source, 'nosuchfield:apple')), []);
});

test('stale postings are ignored: results follow what the reader sees', () => {
  const indexed = docs('apple', 'apple pie', 'cherry');
  const visible = new Map<number, Doc | null>([
    [1, null],
    [2, { body: 'cherry pie' }],
  ]);
  const source = fakeSource(['body'], indexed, analyzer(), visible);
  assert.deepEqual(ids(search(source, 'apple')), []);
  assert.deepEqual(ids(search(source, 'pie')), [2]);
  assert.deepEqual(ids(search(source, 'cherry')), [3]);
  assert.deepEqual(ids(search(source, '*:*')), [2, 3]);
});

test('a query of stop words only matches nothing', () => {
  const source = fakeSource(['body'], docs('the cat'), analyzer('standard'));
  assert.deepEqual(search(source, 'the', 'standard'), []);
});

const WORDS = ['alpha', 'Beta', 'gamma', 'the', 'running', 'runs', 'delta', 'beta-gamma', "dog's", 'é'];
const ANALYZERS = ['standard', 'standard-no-stop-words', 'simple', 'english', 'standard-folding'];

test('property: a single-term query finds exactly the documents holding the analyzed term', () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }), { maxLength: 8 }),
      fc.constantFrom('alpha', 'beta', 'gamma', 'run', 'running', 'delta', 'dog', 'the', 'e'),
      fc.constantFrom(...ANALYZERS),
      (bodies, word, name) => {
        const a = analyzer(name);
        const source = fakeSource(['body'], docs(...bodies.map((b) => b.join(' '))), a);
        const wanted = a.analyze(word)[0]?.term;
        const expected = bodies
          .map((b, i) => ({ id: i + 1, terms: a.analyze(b.join(' ')).map((t) => t.term) }))
          .filter((d) => wanted !== undefined && d.terms.includes(wanted))
          .map((d) => d.id);
        const hits = search(source, word, name);
        assert.deepEqual(
          ids(hits).sort((x, y) => x - y),
          expected,
        );
        for (const h of hits) assert.ok(h.score > 0);
        for (let i = 1; i < hits.length; i++) {
          const [prev, cur] = [hits[i - 1], hits[i]];
          assert.ok(
            prev && cur && (prev.score > cur.score || (prev.score === cur.score && prev.id < cur.id)),
          );
        }
      },
    ),
  );
});
