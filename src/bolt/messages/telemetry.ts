import { ProtocolError } from '../../errors/index.js';
import { describeType, expectFieldCount } from './fields.js';
import type { TelemetryApi, TelemetryMessage } from './request.js';

/**
 * TELEMETRY `0x54` (Bolt 5.4+): `api::Integer`, 0 managed transaction, 1 explicit transaction,
 * 2 auto-commit, 3 `executeQuery`.
 * @throws ProtocolError (Request.Invalid) for a value outside 0…3 or a non-integer
 */
export function decodeTelemetry(fields: readonly unknown[]): TelemetryMessage {
  expectFieldCount('TELEMETRY', fields, 1);
  const api = fields[0];
  if (typeof api !== 'bigint') {
    throw new ProtocolError(`Expected TELEMETRY api to be an integer, got ${describeType(api)}`);
  }
  if (api < 0n || api > 3n) throw new ProtocolError(`Expected TELEMETRY api to be 0, 1, 2 or 3, got ${api}`);
  return { kind: 'TELEMETRY', api: Number(api) as TelemetryApi };
}
