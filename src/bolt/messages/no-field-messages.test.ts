import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeAckFailure } from './ack-failure.js';
import { decodeCommit } from './commit.js';
import { decodeDiscardAll } from './discard-all.js';
import { decodeGoodbye } from './goodbye.js';
import { decodeLogoff } from './logoff.js';
import { decodePullAll } from './pull-all.js';
import { decodeReset } from './reset.js';
import { decodeRollback } from './rollback.js';
import { decodeTelemetry } from './telemetry.js';

const DECODERS = [
  ['GOODBYE', decodeGoodbye],
  ['ACK_FAILURE', decodeAckFailure],
  ['RESET', decodeReset],
  ['COMMIT', decodeCommit],
  ['ROLLBACK', decodeRollback],
  ['PULL_ALL', decodePullAll],
  ['DISCARD_ALL', decodeDiscardAll],
  ['LOGOFF', decodeLogoff],
] as const;

describe('messages without fields', () => {
  test('decode to their kind', () => {
    for (const [kind, decode] of DECODERS) assert.deepEqual(decode([]), { kind });
  });

  test('reject any field', () => {
    for (const [kind, decode] of DECODERS) {
      assert.throws(() => decode([{}]), new RegExp(`${kind} expects 0 field\\(s\\) but got 1`));
    }
  });
});

describe('decodeTelemetry', () => {
  test('accepts the four driver APIs', () => {
    for (const api of [0n, 1n, 2n, 3n])
      assert.deepEqual(decodeTelemetry([api]), { kind: 'TELEMETRY', api: Number(api) });
  });

  test('rejects other values', () => {
    assert.throws(() => decodeTelemetry([4n]), /Expected TELEMETRY api to be 0, 1, 2 or 3, got 4/);
    assert.throws(() => decodeTelemetry([-1n]), /got -1/);
    assert.throws(() => decodeTelemetry([2.0]), /to be an integer, got float/);
    assert.throws(() => decodeTelemetry([]), /TELEMETRY expects 1 field/);
  });
});
