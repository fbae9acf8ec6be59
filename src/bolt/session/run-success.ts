import type { Packer } from '../../packstream/index.js';
import { writeSuccessHeader } from '../messages/success.js';
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
 * (one per query: no metadata object is built).
 */
export function writeRunSuccess(packer: Packer, success: RunSuccess): void {
  const descriptor = success.descriptor;
  const qid = descriptor.multipleResults ? success.qid : null;
  const db = descriptor.dbInBeginAndRun ? success.db : null;
  writeSuccessHeader(packer, 2 + (qid === null ? 0 : 1) + (db === null ? 0 : 1));
  packer.packString('fields');
  const fields = success.fields;
  packer.writeListHeader(fields.length);
  for (const field of fields) packer.packString(field);
  packer.packString(descriptor.timing.first);
  packer.packInteger(Math.round(success.firstMs));
  if (qid !== null) {
    packer.packString('qid');
    packer.packInteger(qid);
  }
  if (db !== null) {
    packer.packString('db');
    packer.packString(db);
  }
}
