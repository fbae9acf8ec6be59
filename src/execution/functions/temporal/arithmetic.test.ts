import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CypherArithmeticError } from '../../../errors/index.js';
import { CypherDate, Duration } from '../../../values/index.js';
import { addTemporal, divideDuration, multiplyDuration, subtractTemporal } from './arithmetic.js';
import { evaluateTck, renderTck } from './test-kit.fixture.js';

// Durations and instants of TCK Temporal8.
const WHOLE = '{years: 12, months: 5, days: 14, hours: 16, minutes: 12, seconds: 70, nanoseconds: 2}';
const MIXED = '{months: 1, days: -14, hours: 16, minutes: -12, seconds: 70}';
const FRACTIONAL =
  '{years: 12.5, months: 5.5, days: 14.5, hours: 16.5, minutes: 12.5, seconds: 70.5, nanoseconds: 3}';

const INSTANT_CASES: readonly (readonly [
  instant: string,
  duration: string,
  sum: string,
  difference: string,
])[] = [
  ['date({year: 1984, month: 10, day: 11})', WHOLE, "'1997-03-25'", "'1972-04-27'"],
  ['date({year: 1984, month: 10, day: 11})', MIXED, "'1984-10-28'", "'1984-09-25'"],
  ['date({year: 1984, month: 10, day: 11})', FRACTIONAL, "'1997-10-11'", "'1971-10-12'"],
  [
    'localtime({hour: 12, minute: 31, second: 14, nanosecond: 1})',
    MIXED,
    "'04:20:24.000000001'",
    "'20:42:04.000000001'",
  ],
  [
    "time({hour: 12, minute: 31, second: 14, nanosecond: 1, timezone: '+01:00'})",
    FRACTIONAL,
    "'22:29:27.500000004+01:00'",
    "'02:33:00.499999998+01:00'",
  ],
  [
    'localdatetime({year: 1984, month: 10, day: 11, hour: 12, minute: 31, second: 14, nanosecond: 1})',
    MIXED,
    "'1984-10-29T04:20:24.000000001'",
    "'1984-09-24T20:42:04.000000001'",
  ],
  [
    'localdatetime({year: 1984, month: 10, day: 11, hour: 12, minute: 31, second: 14, nanosecond: 1})',
    FRACTIONAL,
    "'1997-10-11T22:29:27.500000004'",
    "'1971-10-12T02:33:00.499999998'",
  ],
  [
    "datetime({year: 1984, month: 10, day: 11, hour: 12, minute: 31, second: 14, nanosecond: 1, timezone: '+01:00'})",
    FRACTIONAL,
    "'1997-10-11T22:29:27.500000004+01:00'",
    "'1971-10-12T02:33:00.499999998+01:00'",
  ],
];

for (const [instantText, durationText, sum, difference] of INSTANT_CASES) {
  test(`${instantText} plus and minus duration(${durationText}) give ${sum} and ${difference}`, () => {
    const instant = evaluateTck(instantText);
    const duration = evaluateTck(`duration(${durationText})`);
    assert.equal(renderTck(addTemporal(instant, duration) ?? null), sum);
    assert.equal(renderTck(addTemporal(duration, instant) ?? null), sum);
    assert.equal(renderTck(subtractTemporal(instant, duration) ?? null), difference);
  });
}

const DURATION_CASES: readonly (readonly [a: string, b: string, sum: string, difference: string])[] = [
  [WHOLE.replace('2}', '1}'), MIXED, "'P12Y6MT32H2M20.000000001S'", "'P12Y4M28DT24M0.000000001S'"],
  [
    WHOLE.replace('2}', '1}'),
    FRACTIONAL,
    "'P25Y4M43DT50H11M23.500000004S'",
    "'P-6M-15DT-17H-45M-3.500000002S'",
  ],
  [MIXED, MIXED, "'P2M-28DT31H38M20S'", "'PT0S'"],
  [MIXED, FRACTIONAL, "'P13Y15DT49H47M23.500000003S'", "'P-12Y-10M-43DT-18H-9M-3.500000003S'"],
  [FRACTIONAL, FRACTIONAL, "'P25Y10M58DT67H56M27.000000006S'", "'PT0S'"],
];

for (const [aText, bText, sum, difference] of DURATION_CASES) {
  test(`duration(${aText}) plus and minus duration(${bText}) give ${sum} and ${difference}`, () => {
    const a = evaluateTck(`duration(${aText})`);
    const b = evaluateTck(`duration(${bText})`);
    assert.equal(renderTck(addTemporal(a, b) ?? null), sum);
    assert.equal(renderTck(subtractTemporal(a, b) ?? null), difference);
  });
}

test('a duration scales by integers and floats as in TCK Temporal8 [7]', () => {
  const d = evaluateTck(`duration(${WHOLE.replace('2}', '1}')})`);
  assert.equal(renderTck(multiplyDuration(d, 1n) ?? null), "'P12Y5M14DT16H13M10.000000001S'");
  assert.equal(renderTck(multiplyDuration(d, 2n) ?? null), "'P24Y10M28DT32H26M20.000000002S'");
  assert.equal(renderTck(multiplyDuration(d, 0.5) ?? null), "'P6Y2M22DT13H21M8S'");
  assert.equal(renderTck(divideDuration(d, 1n) ?? null), "'P12Y5M14DT16H13M10.000000001S'");
  assert.equal(renderTck(divideDuration(d, 2n) ?? null), "'P6Y2M22DT13H21M8S'");
  assert.equal(renderTck(divideDuration(d, 0.5) ?? null), "'P24Y10M28DT32H26M20.000000002S'");
});

test('adding a month clamps the day to the end of a shorter month', () => {
  const sum = addTemporal(CypherDate.fromFields(2001, 1, 31), new Duration(1, 0, 0, 0));
  assert.equal(renderTck(sum ?? null), "'2001-02-28'");
  const leap = addTemporal(CypherDate.fromFields(2004, 3, 31), new Duration(-1, 0, 0, 0));
  assert.equal(renderTck(leap ?? null), "'2004-02-29'");
});

test('a zoned date-time adds days on its wall clock across a daylight-saving change', () => {
  const before = evaluateTck("datetime('2017-10-28T12:00[Europe/Stockholm]')");
  assert.equal(
    renderTck(addTemporal(before, new Duration(0, 1, 0, 0)) ?? null),
    "'2017-10-29T12:00+01:00[Europe/Stockholm]'",
  );
  assert.equal(
    renderTck(addTemporal(before, new Duration(0, 0, 86_400, 0)) ?? null),
    "'2017-10-29T11:00+01:00[Europe/Stockholm]'",
  );
});

test('operands that are not temporal cases give undefined so the caller can decide', () => {
  const date = CypherDate.fromFields(2020, 1, 1);
  assert.equal(addTemporal(1n, 2n), undefined);
  assert.equal(addTemporal(date, date), undefined);
  assert.equal(addTemporal(date, 'x'), undefined);
  assert.equal(subtractTemporal(new Duration(1, 0, 0, 0), date), undefined);
  assert.equal(multiplyDuration(date, 2n), undefined);
  assert.equal(multiplyDuration(new Duration(1, 0, 0, 0), 'x'), undefined);
  assert.equal(divideDuration(2n, new Duration(1, 0, 0, 0)), undefined);
});

test('dividing a duration by zero is an arithmetic error', () => {
  assert.throws(() => divideDuration(new Duration(1, 0, 0, 0), 0n), CypherArithmeticError);
  assert.throws(() => divideDuration(new Duration(1, 0, 0, 0), 0.0), CypherArithmeticError);
});
