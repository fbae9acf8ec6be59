/**
 * packstream: the PackStream v1 codec, bytes ⇄ primitives and generic `Structure`s.
 * Input: `Uint8Array`s (decoding reads one value at an offset, so Bolt can read a message header and then
 * its fields) and JS values (`null`, boolean, bigint INTEGER, number FLOAT, string, Uint8Array, arrays, plain
 * objects, `Structure`). Output: the smallest canonical encoding; every width is accepted on input, and every
 * declared size is checked against limits and the remaining input before allocating.
 * Must not know: Bolt messages, Cypher values (hydrate/dehydrate hooks map structs to them), sockets.
 */
export * from './markers.js';
export { Structure } from './structure.js';
export { DEFAULT_LIMITS, resolveLimits, type PackStreamLimits } from './limits.js';
export { Packer, type PackerOptions } from './packer.js';
export { Unpacker, type UnpackerOptions, type StructHeader } from './unpacker.js';
export { encode, decode } from './codec.js';
