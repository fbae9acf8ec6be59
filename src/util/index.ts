/**
 * util: generic helpers with no domain knowledge (bytes, UTF-8, deferred promises).
 * Must not know: anything else in src/; it is the bottom layer.
 */
export { utf8Encoder, utf8Decoder, utf8DecoderFatal, toHex, fromHex } from './bytes.js';
export { PRODUCT_NAME, PRODUCT_VERSION } from './product.js';
