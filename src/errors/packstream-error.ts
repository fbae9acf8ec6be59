import { ProtocolError } from './database-error.js';
import { Status } from './status.js';

/** Why PackStream bytes could not be decoded or a value could not be encoded. */
export type PackStreamErrorReason =
  | 'UNEXPECTED_END'
  | 'RESERVED_MARKER'
  | 'SIZE_LIMIT'
  | 'DEPTH_LIMIT'
  | 'INVALID_UTF8'
  | 'INVALID_MAP_KEY'
  | 'INVALID_STRUCTURE'
  | 'TRAILING_BYTES'
  | 'UNENCODABLE_VALUE';

/**
 * The one error the PackStream codec throws. It maps to `Neo.ClientError.Request.InvalidFormat`: Bolt answers
 * it with a FAILURE and closes the connection, because the byte stream can no longer be trusted.
 */
export class PackStreamError extends ProtocolError {
  readonly reason: PackStreamErrorReason;
  /** Offset in the input where decoding failed, when known. */
  readonly offset: number | undefined;

  constructor(reason: PackStreamErrorReason, message: string, offset?: number) {
    super(message, { status: Status.RequestInvalidFormat });
    this.reason = reason;
    this.offset = offset;
  }
}
