import { PackStreamError } from '../../errors/index.js';
import { Unpacker, type PackStreamLimits } from '../../packstream/index.js';

/** A message struct as read off the wire: its tag and its (hydrated) fields. */
export interface MessageStruct {
  readonly tag: number;
  readonly fields: unknown[];
}

/** Options of {@link MessageReader}. */
export interface MessageReaderOptions {
  /** The value hook (the connection's current hydration); called for every structure inside the fields. */
  readonly hydrate: (tag: number, fields: unknown[]) => unknown;
  /** The UUID hook (the same hydration's `readUuid`): marker `E0` is a UUID from Bolt 6.1 on. */
  readonly readUuid?: (bytes: Uint8Array) => unknown;
  readonly limits?: Partial<PackStreamLimits>;
}

/**
 * Reads one Bolt message body (the bytes of one dechunked message): a structure whose tag is the message
 * type and whose fields are PackStream values. Value structures inside the fields go through `hydrate`;
 * the message struct itself does not (its tag is a message tag, not a value tag).
 */
export class MessageReader {
  private readonly unpacker: Unpacker;

  constructor(options: MessageReaderOptions) {
    this.unpacker = new Unpacker({
      hydrate: options.hydrate,
      ...(options.readUuid === undefined ? {} : { readUuid: options.readUuid }),
      ...(options.limits === undefined ? {} : { limits: options.limits }),
    });
  }

  /**
   * Decodes a message body, `bytes[start, end)` (default: all of `bytes`). Offsets in errors count from
   * the body's start.
   * @throws PackStreamError (`Request.InvalidFormat`) when the body is not exactly one structure, and
   * whatever the hydration throws for a value structure it refuses
   */
  read(bytes: Uint8Array, start = 0, end = bytes.length): MessageStruct {
    // The body is read in place: no view object per request.
    const unpacker = this.unpacker;
    const { tag, fieldCount } = unpacker.readStructHeaderIn(bytes, start, end);
    const fields: unknown[] = [];
    for (let index = 0; index < fieldCount; index++) fields.push(unpacker.unpackNext());
    const length = end - start;
    if (unpacker.offset !== length) {
      throw new PackStreamError(
        'TRAILING_BYTES',
        `Bolt message has ${length - unpacker.offset} bytes after its structure`,
        unpacker.offset,
      );
    }
    return { tag, fields };
  }
}
