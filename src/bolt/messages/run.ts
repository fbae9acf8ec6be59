import { expectFieldCount, expectMapField, expectStringField } from './fields.js';
import type { RequestFeatures, RunMessage } from './request.js';
import { decodeTransactionExtra, DEFAULT_TRANSACTION_EXTRA } from './transaction-extra.js';

/**
 * RUN `0x10`, Bolt 1 and 2: `query::String, parameters::Map`.
 * @throws ProtocolError (Request.Invalid) for a wrong field count or type
 */
export function decodeRunV1(fields: readonly unknown[]): RunMessage {
  expectFieldCount('RUN', fields, 2);
  return {
    kind: 'RUN',
    query: expectStringField('RUN', 'query', fields[0]),
    parameters: expectMapField('RUN', 'parameters', fields[1]),
    extra: DEFAULT_TRANSACTION_EXTRA,
  };
}

/**
 * RUN `0x10`, Bolt 3+: `query::String, parameters::Map, extra::Map` (the extra carries the transaction
 * options of an auto-commit query; inside an explicit transaction drivers send `{}`).
 * @throws ProtocolError (Request.Invalid) for a wrong field count or type
 */
export function decodeRun(fields: readonly unknown[], features: RequestFeatures): RunMessage {
  expectFieldCount('RUN', fields, 3);
  return {
    kind: 'RUN',
    query: expectStringField('RUN', 'query', fields[0]),
    parameters: expectMapField('RUN', 'parameters', fields[1]),
    extra: decodeTransactionExtra(expectMapField('RUN', 'extra', fields[2]), features, 'RUN extra'),
  };
}
