/**
 * Porter's stemming algorithm (M.F. Porter, "An algorithm for suffix stripping", 1980), the stemmer of Lucene's
 * `PorterStemFilter` and so of Neo4j's `english` fulltext analyzer.
 *
 * We follow the paper's five steps with the two departures Porter made in his own reference implementations
 * (which Lucene's stemmer inherits): step 2 maps `-bli` to `-ble` (instead of `-abli` to `-able`) and adds
 * `-logi` to `-log`. Words of one or two letters are returned unchanged. Input is expected in lower case.
 */
export function porterStem(word: string): string {
  if (word.length <= 2) return word;
  let w = step1a(word);
  w = step1b(w);
  w = step1c(w);
  w = replaceLongest(w, STEP2, 0);
  w = replaceLongest(w, STEP3, 0);
  w = step4(w);
  w = step5(w);
  return w;
}

/** Whether the letter at `i` is a consonant in Porter's sense (`y` after a consonant is a vowel). */
function isConsonant(w: string, i: number): boolean {
  const c = w[i] ?? '';
  if ('aeiou'.includes(c)) return false;
  return c === 'y' ? i === 0 || !isConsonant(w, i - 1) : true;
}

/** Porter's measure m of a stem: the number of VC sequences in `[C](VC)^m[V]`. */
export function porterMeasure(stem: string): number {
  let m = 0;
  let i = 0;
  const n = stem.length;
  while (i < n && isConsonant(stem, i)) i++;
  while (i < n) {
    while (i < n && !isConsonant(stem, i)) i++;
    if (i >= n) break;
    m++;
    while (i < n && isConsonant(stem, i)) i++;
  }
  return m;
}

function hasVowel(stem: string): boolean {
  for (let i = 0; i < stem.length; i++) if (!isConsonant(stem, i)) return true;
  return false;
}

/** `*d`: the stem ends with a double consonant. */
function endsDoubleConsonant(stem: string): boolean {
  const n = stem.length;
  return n >= 2 && stem[n - 1] === stem[n - 2] && isConsonant(stem, n - 1);
}

/** `*o`: the stem ends consonant-vowel-consonant, the last not w, x or y. */
function endsCvc(stem: string): boolean {
  const n = stem.length;
  if (n < 3) return false;
  if (!isConsonant(stem, n - 1) || isConsonant(stem, n - 2) || !isConsonant(stem, n - 3)) return false;
  const last = stem[n - 1];
  return last !== 'w' && last !== 'x' && last !== 'y';
}

function step1a(w: string): string {
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ies')) return w.slice(0, -2);
  if (w.endsWith('ss')) return w;
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

function step1b(w: string): string {
  if (w.endsWith('eed')) {
    return porterMeasure(w.slice(0, -3)) > 0 ? w.slice(0, -1) : w;
  }
  let stem: string | undefined;
  if (w.endsWith('ed') && hasVowel(w.slice(0, -2))) stem = w.slice(0, -2);
  else if (w.endsWith('ing') && hasVowel(w.slice(0, -3))) stem = w.slice(0, -3);
  if (stem === undefined) return w;
  if (stem.endsWith('at') || stem.endsWith('bl') || stem.endsWith('iz')) return stem + 'e';
  if (endsDoubleConsonant(stem) && !/[lsz]$/.test(stem)) return stem.slice(0, -1);
  if (porterMeasure(stem) === 1 && endsCvc(stem)) return stem + 'e';
  return stem;
}

function step1c(w: string): string {
  return w.endsWith('y') && hasVowel(w.slice(0, -1)) ? w.slice(0, -1) + 'i' : w;
}

/** [suffix, replacement] pairs of step 2, applied when the stem's measure is > 0. */
const STEP2: readonly (readonly [string, string])[] = [
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['izer', 'ize'],
  ['bli', 'ble'],
  ['alli', 'al'],
  ['entli', 'ent'],
  ['eli', 'e'],
  ['ousli', 'ous'],
  ['ization', 'ize'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['alism', 'al'],
  ['iveness', 'ive'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['aliti', 'al'],
  ['iviti', 'ive'],
  ['biliti', 'ble'],
  ['logi', 'log'],
];

/** [suffix, replacement] pairs of step 3, applied when the stem's measure is > 0. */
const STEP3: readonly (readonly [string, string])[] = [
  ['icate', 'ic'],
  ['ative', ''],
  ['alize', 'al'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ful', ''],
  ['ness', ''],
];

/** Suffixes step 4 removes when the stem's measure is > 1 (`ion` also needs the stem to end in s or t). */
const STEP4: readonly string[] = [
  'al',
  'ance',
  'ence',
  'er',
  'ic',
  'able',
  'ible',
  'ant',
  'ement',
  'ment',
  'ent',
  'ion',
  'ou',
  'ism',
  'ate',
  'iti',
  'ous',
  'ive',
  'ize',
];

/** Replaces the longest matching suffix when the remaining stem's measure exceeds `minMeasure`. */
function replaceLongest(
  w: string,
  rules: readonly (readonly [string, string])[],
  minMeasure: number,
): string {
  let best: readonly [string, string] | undefined;
  for (const rule of rules) {
    if (w.endsWith(rule[0]) && (best === undefined || rule[0].length > best[0].length)) best = rule;
  }
  if (best === undefined) return w;
  const stem = w.slice(0, w.length - best[0].length);
  return porterMeasure(stem) > minMeasure ? stem + best[1] : w;
}

function step4(w: string): string {
  let best: string | undefined;
  for (const suffix of STEP4) {
    if (w.endsWith(suffix) && (best === undefined || suffix.length > best.length)) best = suffix;
  }
  if (best === undefined) return w;
  const stem = w.slice(0, w.length - best.length);
  if (porterMeasure(stem) <= 1) return w;
  if (best === 'ion' && !/[st]$/.test(stem)) return w;
  return stem;
}

function step5(w: string): string {
  let result = w;
  if (result.endsWith('e')) {
    const stem = result.slice(0, -1);
    const m = porterMeasure(stem);
    if (m > 1 || (m === 1 && !endsCvc(stem))) result = stem;
  }
  if (porterMeasure(result) > 1 && endsDoubleConsonant(result) && result.endsWith('l')) {
    result = result.slice(0, -1);
  }
  return result;
}
