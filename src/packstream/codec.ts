import { PackStreamError } from '../errors/index.js';
import { Packer, type PackerOptions } from './packer.js';
import { Unpacker, type UnpackerOptions } from './unpacker.js';

/** Shared instances for option-less calls; safe because without hooks no user code runs re-entrantly. */
let sharedPacker: Packer | undefined;
let sharedUnpacker: Unpacker | undefined;

/** Encodes one value into a fresh byte array (see {@link Packer.packValue}). */
export function encode(value: unknown, options?: PackerOptions): Uint8Array {
  const packer = options === undefined ? (sharedPacker ??= new Packer()) : new Packer(options);
  try {
    packer.packValue(value);
    return packer.takeBytes();
  } finally {
    packer.reset();
  }
}

/**
 * Decodes `bytes` as exactly one value.
 * @throws PackStreamError `TRAILING_BYTES` when bytes remain after the value, or any decoding reason.
 */
export function decode(bytes: Uint8Array, options?: UnpackerOptions): unknown {
  const unpacker = options === undefined ? (sharedUnpacker ??= new Unpacker()) : new Unpacker(options);
  const value = unpacker.unpack(bytes, 0);
  if (unpacker.offset !== bytes.length) {
    throw new PackStreamError(
      'TRAILING_BYTES',
      `${bytes.length - unpacker.offset} bytes follow the value at offset ${unpacker.offset}`,
      unpacker.offset,
    );
  }
  return value;
}
