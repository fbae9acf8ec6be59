import { CypherArgumentError } from '../errors/index.js';

/** The canonical text form: 32 hexadecimal digits in groups of 8-4-4-4-12 (either case is accepted). */
const UUID_TEXT = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Where the hyphens go in the canonical form: after these byte indexes. */
const HYPHEN_AFTER_BYTE = new Set([3, 5, 7, 9]);

const HEX_PAIRS = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/**
 * Cypher UUID (Cypher 25; PackStream marker `E0` from Bolt 6.1): a 128-bit identifier of any version.
 * Held as its canonical text (lower case, 8-4-4-4-12), an immutable string that orders exactly as the
 * 128 bits do; the bytes (big-endian, as on the wire) are derived when needed.
 */
export class Uuid {
  /** Makes the class nominal, so a look-alike object fails to type-check. */
  declare private readonly brand: 'Uuid';
  /** The canonical form, `550e8400-e29b-41d4-a716-446655440000`. */
  readonly text: string;

  /** @throws CypherArgumentError unless `bytes` holds exactly 16 bytes. */
  constructor(bytes: Uint8Array) {
    if (bytes.length !== 16) {
      throw new CypherArgumentError(`A UUID has 16 bytes, not ${bytes.length}`);
    }
    let text = '';
    for (let index = 0; index < 16; index++) {
      text += HEX_PAIRS[bytes[index] ?? 0] ?? '00';
      if (HYPHEN_AFTER_BYTE.has(index)) text += '-';
    }
    this.text = text;
    Object.freeze(this);
  }

  /**
   * Parses the canonical form `550e8400-e29b-41d4-a716-446655440000` (hexadecimal digits of either case).
   * @throws CypherArgumentError for any other text (Neo4j's `uuid()` accepts only this form).
   */
  static parse(text: string): Uuid {
    if (!UUID_TEXT.test(text)) {
      throw new CypherArgumentError(
        `Invalid UUID string: '${text}'. A UUID is 32 hexadecimal digits in five groups separated by hyphens ` +
          `(8-4-4-4-12)`,
      );
    }
    return new Uuid(hexBytes(text));
  }

  /**
   * The UUID whose first 8 bytes are `mostSignificantBits` and last 8 `leastSignificantBits`, each a
   * signed 64-bit INTEGER in two's complement (as `java.util.UUID(long, long)`).
   */
  static fromBits(mostSignificantBits: bigint, leastSignificantBits: bigint): Uuid {
    const bytes = new Uint8Array(16);
    const view = new DataView(bytes.buffer);
    view.setBigUint64(0, BigInt.asUintN(64, mostSignificantBits));
    view.setBigUint64(8, BigInt.asUintN(64, leastSignificantBits));
    return new Uuid(bytes);
  }

  /** The 16 bytes, most significant first (a new array each time). */
  get bytes(): Uint8Array {
    return hexBytes(this.text);
  }

  /** The first 8 bytes as a signed 64-bit integer. */
  get mostSignificantBits(): bigint {
    return new DataView(this.bytes.buffer).getBigInt64(0);
  }

  /** The last 8 bytes as a signed 64-bit integer. */
  get leastSignificantBits(): bigint {
    return new DataView(this.bytes.buffer).getBigInt64(8);
  }

  /** Orders the 128 bits as an unsigned number, which is the order of the canonical texts. */
  compareTo(other: Uuid): number {
    return this.text < other.text ? -1 : this.text > other.text ? 1 : 0;
  }

  equals(other: Uuid): boolean {
    return this.text === other.text;
  }

  toString(): string {
    return this.text;
  }
}

/** The bytes of a text in the canonical layout (hyphens at their places, either case). */
function hexBytes(text: string): Uint8Array {
  const digits = text.replaceAll('-', '');
  const bytes = new Uint8Array(16);
  for (let index = 0; index < 16; index++) {
    bytes[index] = Number.parseInt(digits.slice(index * 2, index * 2 + 2), 16);
  }
  return bytes;
}
