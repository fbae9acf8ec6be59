import type { Packer } from '../../packstream/index.js';
import { RESPONSE_TAG } from './tags.js';

/** Writes IGNORED `0x7E`: a struct with zero fields (`B0 7E`); Go drivers reject any field. */
export function writeIgnored(packer: Packer): void {
  packer.writeStructHeader(0, RESPONSE_TAG.IGNORED);
}
