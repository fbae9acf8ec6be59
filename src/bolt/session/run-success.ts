import type { Packer } from '../../packstream/index.js';
import { writeSuccessHeader } from '../messages/success.js';
import { DB_KEY, encodedPart } from './encoded-parts.js';
import type { BoltVersionDescriptor } from '../versions/index.js';

/** What RUN's SUCCESS reports, in the negotiated version's words. */
export interface RunSuccess {
  readonly descriptor: BoltVersionDescriptor;
  readonly fields: readonly string[];
  /** Milliseconds until the result was available (`t_first` / `result_available_after`). */
  readonly firstMs: number;
  /** The statement id inside an explicit transaction (4.0+), else `null`. */
  readonly qid: number | null;
  /** The resolved database when the client named none (5.8+), else `null`. */
  readonly db: string | null;
}

/**
 * Writes RUN's SUCCESS `{fields, t_first | result_available_after, qid?, db?}` directly with the packer
 * (one per query: no metadata object is built). Everything up to the `t_first` value is one copy of the
 * bytes the last RUN SUCCESS with the same fields array began with (see {@link prefixOf}).
 */
export function writeRunSuccess(packer: Packer, success: RunSuccess): void {
  const descriptor = success.descriptor;
  const qid = descriptor.multipleResults ? success.qid : null;
  const db = descriptor.dbInBeginAndRun ? success.db : null;
  const entries = 2 + (qid === null ? 0 : 1) + (db === null ? 0 : 1);
  packer.writeRaw(prefixOf(success.fields, entries, descriptor.timing.first));
  packer.packInteger(Math.round(success.firstMs));
  if (qid !== null) {
    packer.writeRaw(QID_KEY);
    packer.packInteger(qid);
  }
  if (db !== null) {
    packer.writeRaw(DB_KEY);
    packer.packString(db);
  }
}

const QID_KEY = encodedPart((packer) => {
  packer.packString('qid');
});

interface Prefix {
  readonly entries: number;
  readonly timingKey: string;
  readonly bytes: Uint8Array;
}

/** The prefixes written for each field list (one per entry count and timing key met). */
const prefixes = new WeakMap<readonly string[], Prefix[]>();

/**
 * The SUCCESS and map headers, `fields` with its list and the timing key, encoded. A result's field list
 * is an immutable array that every run of the same query shares (the engine's plan columns), so the
 * prefix is encoded once per query plan and kept as long as its field list lives.
 */
function prefixOf(fields: readonly string[], entries: number, timingKey: string): Uint8Array {
  let known = prefixes.get(fields);
  if (known === undefined) {
    known = [];
    prefixes.set(fields, known);
  }
  for (const prefix of known) {
    if (prefix.entries === entries && prefix.timingKey === timingKey) return prefix.bytes;
  }
  const bytes = encodedPart((packer) => {
    writeSuccessHeader(packer, entries);
    packer.packString('fields');
    packer.writeListHeader(fields.length);
    for (const field of fields) packer.packString(field);
    packer.packString(timingKey);
  });
  known.push({ entries, timingKey, bytes });
  return bytes;
}
