import type { Packer } from '../../packstream/index.js';
import { RESPONSE_TAG } from './tags.js';

/**
 * Writes SUCCESS `0x70` with a metadata map, via `packValue`. Integers in `metadata` must be `bigint`
 * (a JS number is packed as FLOAT). For the hot responses (RUN, PULL) use {@link writeSuccessHeader} and
 * write the entries directly.
 */
export function writeSuccess(packer: Packer, metadata: Readonly<Record<string, unknown>>): void {
  packer.writeStructHeader(1, RESPONSE_TAG.SUCCESS);
  packer.packValue(metadata);
}

/**
 * Writes the SUCCESS struct header and the header of a metadata map with `entryCount` entries; the caller
 * then packs exactly that many key/value pairs.
 */
export function writeSuccessHeader(packer: Packer, entryCount: number): void {
  packer.writeStructHeader(1, RESPONSE_TAG.SUCCESS);
  packer.writeMapHeader(entryCount);
}

/** Writes `SUCCESS {}`. */
export function writeEmptySuccess(packer: Packer): void {
  writeSuccessHeader(packer, 0);
}

/** Writes `SUCCESS {bookmark}` (COMMIT's reply), or `SUCCESS {}` without a bookmark. */
export function writeBookmarkSuccess(packer: Packer, bookmark: string | null): void {
  if (bookmark === null) {
    writeSuccessHeader(packer, 0);
    return;
  }
  writeSuccessHeader(packer, 1);
  packer.packString('bookmark');
  packer.packString(bookmark);
}
