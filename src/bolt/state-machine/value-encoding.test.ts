/**
 * The machine tells the connection when HELLO agreed the `utc` patch (`onHelloAccepted`), and the
 * connection switches the value encoding of its packer. Modelled here with the real hydration module, on the
 * digest's worked example 1970-01-01T02:15:00.000000042+01:00 (bolt-spec-digest §5.2).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Harness, parseVersion, wire } from '../../../test/support/bolt-harness.js';
import { fromHex } from '../../util/index.js';
import { DateTime } from '../../values/index.js';
import { createHydration, type Hydration } from '../hydration/index.js';

async function dateTimeRecord(version: string, helloExtra: object): Promise<Uint8Array | undefined> {
  let hydration: Hydration | undefined;
  const bolt = new Harness(version, {
    // What the connection does: the packer's dehydrate hook follows the hydration chosen at HELLO time.
    packer: {
      dehydrate: (value) => {
        assert.ok(hydration, 'HELLO has been answered');
        return hydration.dehydrate(value);
      },
    },
    onHelloAccepted: ({ utcPatch }) => {
      hydration = createHydration({ version: parseVersion(version), utcPatch });
    },
  });
  await bolt.login(helloExtra);
  const value = new DateTime(4500n, 42, 3600);
  const responses = await bolt.send(wire.run('RETURN $p AS p', { p: value }), wire.pull(-1n));
  return responses.find((response) => response.kind === 'RECORD')?.bytes;
}

describe('DateTime encoding after HELLO', () => {
  test('uses the legacy struct on Bolt 4.4 without the utc patch', async () => {
    assert.deepEqual(await dateTimeRecord('4.4', {}), fromHex('B1 71 91 B3 46 C9 1F A4 2A C9 0E 10'));
  });

  test('uses the UTC struct on Bolt 4.4 once the utc patch is agreed, and always from 5.0', async () => {
    const utc = fromHex('B1 71 91 B3 49 C9 11 94 2A C9 0E 10');
    assert.deepEqual(await dateTimeRecord('4.4', { patch_bolt: ['utc'] }), utc);
    assert.deepEqual(await dateTimeRecord('5.0', {}), utc);
  });
});
