import type { Packer } from '../../packstream/index.js';
import type { CypherValue } from '../../values/index.js';
import { RESPONSE_TAG } from './tags.js';

/**
 * Writes RECORD `0x71` with one list of values (one per result field). Graph, temporal and spatial values
 * go through the packer's dehydrate hook, which the connection configures for the negotiated version.
 */
export function writeRecord(packer: Packer, values: readonly CypherValue[]): void {
  packer.writeStructHeader(1, RESPONSE_TAG.RECORD);
  const count = values.length;
  packer.writeListHeader(count);
  for (let index = 0; index < count; index++) packer.packValue(values[index]);
}
