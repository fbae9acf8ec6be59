import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Harness, wire } from '../../../test/support/bolt-harness.js';
import { encode } from '../../packstream/index.js';
import { toHex } from '../../util/index.js';
import { encodedOutcomeStatus, outcomeStatus } from './notifications.js';

const CARTESIAN = 'MATCH (a), (b) RETURN count(*) AS c';
const DEFAULTS = { OPERATION: '', OPERATION_CODE: '0', CURRENT_SCHEMA: '/' };

async function finalSuccess(version: string, query: string, helloExtra: object = {}, runExtra: object = {}) {
  const bolt = new Harness(version);
  await bolt.login(helloExtra);
  const responses = await bolt.send(bolt.run(query, {}, runExtra), bolt.pullAll());
  const final = responses.at(-1);
  assert.equal(final?.kind, 'SUCCESS');
  return final.metadata;
}

describe('notifications up to Bolt 5.4', () => {
  test('are listed with code, title, description, severity, category and position', async () => {
    const metadata = await finalSuccess('4.4', CARTESIAN);
    assert.deepEqual(metadata['notifications'], [
      {
        code: 'Neo.ClientNotification.Statement.CartesianProduct',
        title: 'This query builds a cartesian product between disconnected patterns.',
        description: 'The pattern builds a cartesian product between (a) and (b)',
        severity: 'INFORMATION',
        category: 'PERFORMANCE',
        position: { offset: 6n, line: 1n, column: 7n },
      },
    ]);
  });

  test('are left out when there are none', async () => {
    assert.equal(Object.hasOwn(await finalSuccess('5.4', 'RETURN 1 AS x'), 'notifications'), false);
  });

  test('are filtered by minimum severity from Bolt 5.2, RUN overriding HELLO', async () => {
    const hidden = await finalSuccess('5.2', CARTESIAN, { notifications_minimum_severity: 'WARNING' });
    assert.equal(Object.hasOwn(hidden, 'notifications'), false);
    const shown = await finalSuccess(
      '5.2',
      CARTESIAN,
      { notifications_minimum_severity: 'WARNING' },
      { notifications_minimum_severity: 'INFORMATION' },
    );
    assert.equal((shown['notifications'] as unknown[]).length, 1);
    const off = await finalSuccess('5.4', CARTESIAN, {}, { notifications_minimum_severity: 'OFF' });
    assert.equal(Object.hasOwn(off, 'notifications'), false);
  });

  test('are filtered by disabled category under either key', async () => {
    const byCategory = await finalSuccess('5.3', CARTESIAN, {
      notifications_disabled_categories: ['PERFORMANCE'],
    });
    assert.equal(Object.hasOwn(byCategory, 'notifications'), false);
    const byClassification = await finalSuccess(
      '5.4',
      CARTESIAN,
      {},
      {
        notifications_disabled_classifications: ['PERFORMANCE'],
      },
    );
    assert.equal(Object.hasOwn(byClassification, 'notifications'), false);
    const other = await finalSuccess('5.4', CARTESIAN, { notifications_disabled_categories: ['HINT'] });
    assert.equal((other['notifications'] as unknown[]).length, 1);
  });

  test('are not filtered before Bolt 5.2, where the keys do not exist', async () => {
    const metadata = await finalSuccess('5.1', CARTESIAN, { notifications_minimum_severity: 'OFF' });
    assert.equal((metadata['notifications'] as unknown[]).length, 1);
  });
});

describe('statuses from Bolt 5.6', () => {
  test('start with the outcome status and carry notifications as GQL status objects', async () => {
    const metadata = await finalSuccess('5.6', CARTESIAN);
    assert.equal(Object.hasOwn(metadata, 'notifications'), false);
    assert.deepEqual(metadata['statuses'], [
      { gql_status: '00000', status_description: 'note: successful completion', diagnostic_record: DEFAULTS },
      {
        gql_status: '03N90',
        status_description:
          'info: cartesian product. The disconnected pattern (a), (b) builds a cartesian product. A cartesian product may produce a large amount of data and slow down query processing.',
        neo4j_code: 'Neo.ClientNotification.Statement.CartesianProduct',
        title: 'This query builds a cartesian product between disconnected patterns.',
        description: 'The pattern builds a cartesian product between (a) and (b)',
        diagnostic_record: {
          ...DEFAULTS,
          _severity: 'INFORMATION',
          _classification: 'PERFORMANCE',
          _position: { offset: 6n, line: 1n, column: 7n },
          _status_parameters: { pat: '(a), (b)' },
        },
      },
    ]);
  });

  test('say "no data" for a query without records and "omitted result" for one without columns', async () => {
    const bolt = new Harness('5.7');
    await bolt.login();
    const empty = await bolt.send(wire.run('UNWIND range(1, $n) AS i RETURN i', { n: 0n }), wire.pull(-1n));
    assert.deepEqual(empty.at(-1)?.metadata['statuses'], [
      { gql_status: '02000', status_description: 'note: no data', diagnostic_record: DEFAULTS },
    ]);
    const write = await bolt.send(wire.run('CREATE (:Item)'), wire.pull(-1n));
    assert.deepEqual(write.at(-1)?.metadata['statuses'], [
      {
        gql_status: '00001',
        status_description: 'note: successful completion - omitted result',
        diagnostic_record: DEFAULTS,
      },
    ]);
  });

  test('keep the outcome status when notifications are switched off', async () => {
    const metadata = await finalSuccess('5.8', CARTESIAN, { notifications_minimum_severity: 'OFF' });
    assert.deepEqual(metadata['statuses'], [
      { gql_status: '00000', status_description: 'note: successful completion', diagnostic_record: DEFAULTS },
    ]);
  });
});

describe('plans and stats', () => {
  test('attach the EXPLAIN plan', async () => {
    const metadata = await finalSuccess('4.4', 'EXPLAIN RETURN 1 AS x');
    assert.deepEqual(metadata['plan'], {
      operatorType: 'ProduceResults',
      args: {},
      identifiers: ['x'],
      children: [],
    });
  });

  test('leave stats out when nothing changed', async () => {
    assert.equal(Object.hasOwn(await finalSuccess('4.4', 'RETURN 1 AS x'), 'stats'), false);
  });
});

describe('the outcome status bytes', () => {
  test('are exactly what packing the outcome status object gives, for each of the three outcomes', () => {
    for (const [fieldCount, recordCount] of [
      [0, 0],
      [1, 0],
      [1, 5],
    ] as const) {
      assert.equal(
        toHex(encodedOutcomeStatus(fieldCount, recordCount)),
        toHex(encode(outcomeStatus(fieldCount, recordCount))),
      );
    }
    assert.notEqual(toHex(encodedOutcomeStatus(1, 0)), toHex(encodedOutcomeStatus(1, 1)));
  });
});
