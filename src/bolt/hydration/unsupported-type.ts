import { PackStreamError } from '../../errors/index.js';
import { Structure } from '../../packstream/index.js';
import { formatProtocolVersion, protocolVersion, type ProtocolVersion } from '../protocol-version.js';
import { StructFields } from './fields.js';
import { UNSUPPORTED_TYPE } from './struct-tags.js';

/**
 * UnsupportedType `3F` = `[name::String, minimum_protocol_major::Integer, minimum_protocol_minor::Integer,
 * extra::Map{message?}]` (Bolt 6.0, server to client): what a 6.0+ server sends in place of a value the
 * negotiated version cannot carry, so a result with such a value still arrives instead of failing.
 */
export class UnsupportedType {
  /** The type's name, such as `UUID`. */
  readonly name: string;
  /** The oldest Bolt version that can carry the value. */
  readonly minimumVersion: ProtocolVersion;
  /** A human-readable explanation, or `null`. */
  readonly message: string | null;

  constructor(name: string, minimumVersion: ProtocolVersion, message: string | null = null) {
    this.name = name;
    this.minimumVersion = minimumVersion;
    this.message = message;
  }

  toString(): string {
    return `UnsupportedType<${this.name}, needs Bolt ${formatProtocolVersion(this.minimumVersion)}>`;
  }
}

export function dehydrateUnsupportedType(value: UnsupportedType): Structure {
  const { name, minimumVersion, message } = value;
  const extra = message === null ? {} : { message };
  return new Structure(UNSUPPORTED_TYPE, [
    name,
    BigInt(minimumVersion.major),
    BigInt(minimumVersion.minor),
    extra,
  ]);
}

export function hydrateUnsupportedType(fields: readonly unknown[]): UnsupportedType {
  const read = new StructFields('UnsupportedType', fields, 4);
  const major = read.integer(1);
  const minor = read.integer(2);
  if (major < 0n || major > 0xffn || minor < 0n || minor > 0xffn) {
    throw new PackStreamError(
      'INVALID_STRUCTURE',
      `UnsupportedType names an impossible version ${major}.${minor}`,
    );
  }
  const extra = read.map(3);
  const message = Object.hasOwn(extra, 'message') ? extra['message'] : null;
  if (message !== null && typeof message !== 'string') {
    throw new PackStreamError('INVALID_STRUCTURE', 'The message of an UnsupportedType must be a STRING');
  }
  return new UnsupportedType(read.string(0), protocolVersion(Number(major), Number(minor)), message);
}
