import type { Packer } from '../../packstream/index.js';
import type { CypherValue } from '../../values/index.js';
import { RESPONSE_TAG } from './tags.js';

/**
 * The first three bytes of a RECORD of 0…15 values, encoded once: `B1 71` (a struct of one field, tag
 * RECORD) and the tiny list header `9N`. One `writeRaw` per record instead of two header writes.
 */
const RECORD_PREFIXES: readonly Uint8Array[] = Array.from(
  { length: 16 },
  (_, count) => new Uint8Array([0xb1, RESPONSE_TAG.RECORD, 0x90 | count]),
);

/**
 * Writes RECORD `0x71` with one list of values (one per result field). Graph, temporal and spatial values
 * go through the packer's value hooks, which the connection configures for the negotiated version.
 */
export function writeRecord(packer: Packer, values: readonly CypherValue[]): void {
  const count = values.length;
  const prefix = RECORD_PREFIXES[count];
  if (prefix === undefined) {
    packer.writeStructHeader(1, RESPONSE_TAG.RECORD);
    packer.writeListHeader(count);
  } else {
    packer.writeRaw(prefix);
  }
  for (let index = 0; index < count; index++) packer.packValue(values[index]);
}
