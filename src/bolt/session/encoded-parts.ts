import { Packer } from '../../packstream/index.js';

/**
 * Constant runs of response bytes, encoded once and copied with `writeRaw`: the hot SUCCESS messages
 * (RUN's, and the summary of a consumed result) are mostly keys and headers that do not change between
 * queries, and one copy of them costs less than writing each key and header in turn.
 */
export function encodedPart(write: (packer: Packer) => void): Uint8Array {
  try {
    write(scratch);
    return scratch.takeBytes();
  } finally {
    scratch.reset();
  }
}

const scratch = new Packer({ initialCapacity: 256 });

/** The `db` key, which RUN's SUCCESS (5.8+) and the summary (4.0+) both carry. */
export const DB_KEY = encodedPart((packer) => {
  packer.packString('db');
});
