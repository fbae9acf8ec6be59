import assert from 'node:assert/strict';
import { test } from 'node:test';
import { porterMeasure, porterStem } from './porter-stemmer.js';

test('the Porter measure counts VC sequences (examples from the paper)', () => {
  for (const w of ['tr', 'ee', 'tree', 'y', 'by']) assert.equal(porterMeasure(w), 0, w);
  for (const w of ['trouble', 'oats', 'trees', 'ivy']) assert.equal(porterMeasure(w), 1, w);
  for (const w of ['troubles', 'private', 'oaten', 'orrery']) assert.equal(porterMeasure(w), 2, w);
});

test('Porter stems of well-known words', () => {
  const cases: [string, string][] = [
    ['caresses', 'caress'],
    ['ponies', 'poni'],
    ['ties', 'ti'],
    ['caress', 'caress'],
    ['cats', 'cat'],
    ['feed', 'feed'],
    ['agreed', 'agre'],
    ['plastered', 'plaster'],
    ['bled', 'bled'],
    ['motoring', 'motor'],
    ['sing', 'sing'],
    ['conflated', 'conflat'],
    ['troubled', 'troubl'],
    ['sized', 'size'],
    ['hopping', 'hop'],
    ['falling', 'fall'],
    ['hissing', 'hiss'],
    ['fizzed', 'fizz'],
    ['failing', 'fail'],
    ['filing', 'file'],
    ['happy', 'happi'],
    ['sky', 'sky'],
    ['relational', 'relat'],
    ['conditional', 'condit'],
    ['rational', 'ration'],
    ['valenci', 'valenc'],
    ['digitizer', 'digit'],
    ['running', 'run'],
    ['generalization', 'gener'],
    ['generalizations', 'gener'],
    ['triplicate', 'triplic'],
    ['formative', 'form'],
    ['hopeful', 'hope'],
    ['goodness', 'good'],
    ['revival', 'reviv'],
    ['allowance', 'allow'],
    ['adjustment', 'adjust'],
    ['adoption', 'adopt'],
    ['controlling', 'control'],
    ['rate', 'rate'],
    ['cease', 'ceas'],
    ['connection', 'connect'],
    ['connections', 'connect'],
    ['connected', 'connect'],
    ['is', 'is'],
  ];
  for (const [word, stem] of cases) assert.equal(porterStem(word), stem, word);
});
