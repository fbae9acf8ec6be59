import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { CypherArgumentError, CypherTypeError } from '../../../errors/index.js';
import {
  CypherDate,
  DateTime,
  Duration,
  equals,
  LocalDateTime,
  LocalTime,
  Time,
  type TemporalValue,
} from '../../../values/index.js';
import { formatTemporal } from './format.js';
import { TEMPORAL_FUNCTIONS } from './functions.js';
import { callTemporal, evaluateTck, renderTck, temporalContext } from './test-kit.fixture.js';

test('every temporal function has a unique name and the Temporal category', () => {
  const names = TEMPORAL_FUNCTIONS.map((definition) => definition.name.toLowerCase());
  assert.equal(new Set(names).size, names.length);
  assert.ok(TEMPORAL_FUNCTIONS.every((definition) => definition.category === 'Temporal'));
  assert.ok(names.includes('datetime.fromepochmillis') && names.includes('duration.inseconds'));
});

test('clock functions read the statement, transaction and real-time clocks in the default zone', () => {
  const context = temporalContext('Europe/Stockholm');
  assert.equal(
    renderTck(callTemporal('datetime', [], context)),
    "'2017-10-29T02:30:00.123456789+02:00[Europe/Stockholm]'",
  );
  assert.equal(renderTck(callTemporal('localtime.statement', [], context)), "'02:30:00.123456789'");
  assert.equal(
    renderTck(callTemporal('datetime.transaction', [], context)),
    "'2017-10-29T02:29:59.123456789+02:00[Europe/Stockholm]'",
  );
  assert.equal(renderTck(callTemporal('time.realtime', [], context)), "'02:30:05.123456789+02:00'");
  assert.equal(renderTck(callTemporal('date', [], context)), "'2017-10-29'");
});

test('clock functions take a zone as a string or as a timezone map', () => {
  assert.equal(
    renderTck(callTemporal('localdatetime.statement', ['America/New_York'])),
    "'2017-10-28T20:30:00.123456789'",
  );
  assert.equal(renderTck(callTemporal('date', [{ timezone: '-05:00' }])), "'2017-10-28'");
  assert.equal(
    renderTck(callTemporal('datetime.realtime', [{ timezone: '+01:00' }])),
    "'2017-10-29T01:30:05.123456789+01:00'",
  );
  assert.equal(renderTck(callTemporal('localtime', [{}])), "'00:30:00.123456789'");
});

test('a null argument gives null (TCK Temporal4 [13], Temporal10 [13])', () => {
  for (const name of [
    'date.transaction',
    'date.statement',
    'localtime',
    'time',
    'datetime.realtime',
    'duration',
  ]) {
    assert.equal(callTemporal(name, [null]), null, name);
  }
  for (const name of ['duration.between', 'duration.inMonths', 'duration.inSeconds', 'datetime.fromepoch']) {
    assert.equal(callTemporal(name, [null, null]), null, name);
  }
  assert.equal(callTemporal('date.truncate', ['day', null]), null);
});

test('the epoch constructors count from 1970-01-01T00:00Z (TCK Temporal1 [11])', () => {
  assert.equal(
    renderTck(callTemporal('datetime.fromepoch', [416779n, 999999999n])),
    "'1970-01-05T19:46:19.999999999Z'",
  );
  assert.equal(
    renderTck(callTemporal('datetime.fromepochmillis', [237821673987n])),
    "'1977-07-15T13:34:33.987Z'",
  );
  assert.equal(
    renderTck(evaluateTck("datetime({epochSeconds: 416779, nanosecond: 5, timezone: '+01:00'})")),
    "'1970-01-05T20:46:19.000000005+01:00'",
  );
  assert.equal(renderTck(evaluateTck('datetime({epochMillis: -1})')), "'1969-12-31T23:59:59.999Z'");
});

test('quarter dates and basic forms parse', () => {
  assert.equal(renderTck(evaluateTck("date('2015-Q3-20')")), "'2015-07-20'");
  assert.equal(renderTck(evaluateTck("date('2015Q320')")), "'2015-07-20'");
  assert.equal(renderTck(evaluateTck("date('-0001-12-31')")), "'-0001-12-31'");
  assert.equal(renderTck(evaluateTck("localtime('21:40:32,5')")), "'21:40:32.500'");
});

test('an offset before a zone id picks the earlier or later time of an autumn overlap', () => {
  assert.equal(
    renderTck(evaluateTck("datetime('2017-10-29T02:30+02:00[Europe/Stockholm]')")),
    "'2017-10-29T02:30+02:00[Europe/Stockholm]'",
  );
  assert.equal(
    renderTck(evaluateTck("datetime('2017-10-29T02:30+01:00[Europe/Stockholm]')")),
    "'2017-10-29T02:30+01:00[Europe/Stockholm]'",
  );
  assert.equal(
    renderTck(evaluateTck("datetime('2017-03-26T02:30[Europe/Stockholm]')")),
    "'2017-03-26T03:30+02:00[Europe/Stockholm]'",
  );
});

test('durations parse in every ISO form, with signs and fractions', () => {
  const cases: readonly (readonly [string, string])[] = [
    ['P1Y2M3W4DT5H6M7.5S', 'P1Y2M25DT5H6M7.5S'],
    ['-P1DT1H', 'P-1DT-1H'],
    ['PT-0.5S', 'PT-0.5S'],
    ['P20120202T143721.545', 'P2012Y2M2DT14H37M21.545S'],
    ['PT0S', 'PT0S'],
  ];
  for (const [text, expected] of cases)
    assert.equal(formatTemporal(callTemporal('duration', [text]) as Duration), expected);
});

test('invalid strings and out-of-range fields are argument errors', () => {
  for (const text of [
    "date('2015-13-01')",
    "date('2015-02-29')",
    "date('2015-W54')",
    "date('hello')",
    "localtime('24:00')",
    "localtime('12:00+01:00')",
    "time('12:00+19:00')",
    "datetime('2015-07-21T21:40[Mars/Olympus]')",
    "duration('P')",
    "duration('P1H')",
    'date({year: 1984, month: 2, day: 30})',
    'date({month: 2})',
    'date({year: 1984, day: 2})',
    'date({year: 1984, month: 2, week: 3})',
    'localtime({minute: 2})',
    'localtime({hour: 1, second: 2})',
    'localtime({hour: 1, millisecond: 2, microsecond: 1000})',
    "date({year: 1984, timezone: '+01:00'})",
    'date({year: 1984, hour: 1})',
    'duration({decades: 1})',
    "date.truncate('hour', date('2015-07-21'))",
    "localtime.truncate('month', localtime('12:00'))",
  ]) {
    assert.throws(() => evaluateTck(text), CypherArgumentError, text);
  }
});

test('arguments of the wrong type are type errors', () => {
  for (const text of [
    'date(1)',
    "date({year: '1984'})",
    'duration(1)',
    "duration({days: '1'})",
    'localtime(date({year: 1984}))',
    'date({date: localtime({hour: 1})})',
    'datetime({year: 1984, timezone: 1})',
    "duration.between(date('2015-01-01'), 1)",
    'date.truncate(1, date({year: 1984}))',
  ]) {
    assert.throws(() => evaluateTck(text), CypherTypeError, text);
  }
});

test('toString renders Neo4j ISO text that parses back to an equal value (TCK Temporal6)', () => {
  const cases: readonly (readonly [string, string])[] = [
    ['date({year: 1984, month: 10, day: 11})', '1984-10-11'],
    [
      "time({hour: 12, minute: 31, second: 14, nanosecond: 645876123, timezone: '+01:00'})",
      '12:31:14.645876123+01:00',
    ],
    [
      'localdatetime({year: 1984, month: 10, day: 11, hour: 12, minute: 31, second: 14, nanosecond: 645876123})',
      '1984-10-11T12:31:14.645876123',
    ],
    [
      "datetime({year: 2017, month: 8, day: 8, hour: 12, minute: 31, second: 14, nanosecond: 645876123, timezone: 'Europe/Stockholm'})",
      '2017-08-08T12:31:14.645876123+02:00[Europe/Stockholm]',
    ],
    [
      'duration({years: 12, months: 5, days: 14, hours: 16, minutes: 12, seconds: 70, nanoseconds: 1})',
      'P12Y5M14DT16H13M10.000000001S',
    ],
    ['duration({years: 12, months: 5, days: -14, hours: 16})', 'P12Y5M-14DT16H'],
    ['duration({minutes: 12, seconds: -60})', 'PT11M'],
    ['duration({seconds: 2, milliseconds: -1})', 'PT1.999S'],
    ['duration({seconds: -2, milliseconds: 1})', 'PT-1.999S'],
    ['duration({seconds: -2, milliseconds: -1})', 'PT-2.001S'],
    ['duration({days: 1, milliseconds: -1})', 'P1DT-0.001S'],
    ['duration({seconds: -60, milliseconds: 1})', 'PT-59.999S'],
    ['localtime({hour: 12})', '12:00:00'],
  ];
  for (const [expression, text] of cases) {
    const value = evaluateTck(expression) as TemporalValue;
    assert.equal(formatTemporal(value), text);
    const kind = value instanceof Duration ? 'duration' : (/^(\w+)\(/.exec(expression)?.[1] ?? '');
    assert.equal(equals(callTemporal(kind, [text]), value), true, text);
  }
});

const epochSeconds = fc.bigInt({ min: -62_135_596_800n * 2n, max: 253_402_300_799n });
const nanos = fc.integer({ min: 0, max: 999_999_999 });
const offsets = fc.integer({ min: -18 * 3600, max: 18 * 3600 });
const zones = fc.constantFrom(
  'Europe/Stockholm',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Eucla',
  'UTC',
);

test('every instant survives toString and back', () => {
  const values = fc.oneof(
    fc.integer({ min: -3_000_000, max: 3_000_000 }).map((day) => new CypherDate(day)),
    fc.integer({ min: 0, max: 86_399_999_999_999 }).map((nano) => new LocalTime(nano)),
    fc
      .tuple(fc.integer({ min: 0, max: 86_399_999_999_999 }), offsets)
      .map(([nano, offset]) => new Time(nano, offset)),
    fc.tuple(epochSeconds, nanos).map(([seconds, nano]) => new LocalDateTime(seconds, nano)),
    fc.tuple(epochSeconds, nanos, fc.oneof(offsets, zones)).map(([s, n, zone]) => new DateTime(s, n, zone)),
  );
  const kindOf = (value: TemporalValue): string =>
    value instanceof CypherDate
      ? 'date'
      : value instanceof LocalTime
        ? 'localtime'
        : value instanceof Time
          ? 'time'
          : value instanceof LocalDateTime
            ? 'localdatetime'
            : 'datetime';
  fc.assert(
    fc.property(values, (value) => {
      const parsed = callTemporal(kindOf(value), [formatTemporal(value)]);
      assert.equal(equals(parsed, value), true, formatTemporal(value));
    }),
    { numRuns: 300 },
  );
});

test('every duration survives toString and back', () => {
  const int = fc.bigInt({ min: -(2n ** 40n), max: 2n ** 40n });
  fc.assert(
    fc.property(int, int, int, nanos, (months, days, seconds, nano) => {
      const value = new Duration(months, days, seconds, nano);
      assert.equal(
        equals(callTemporal('duration', [formatTemporal(value)]), value),
        true,
        formatTemporal(value),
      );
    }),
    { numRuns: 300 },
  );
});
