import { PackStreamError, ProtocolError } from '../../errors/index.js';
import type { Packer, Structure } from '../../packstream/index.js';
import { Uuid } from '../../values/index.js';
import { formatProtocolVersion, protocolVersion } from '../protocol-version.js';
import { dehydrateUnsupportedType, UnsupportedType } from './unsupported-type.js';
import type { WireProfile } from './wire-profile.js';

/** The first version whose PackStream (v2) carries UUIDs, as marker `E0` and 16 bytes. */
export const UUID_MINIMUM_VERSION = protocolVersion(6, 1);

/**
 * The 16 bytes after an `E0` marker as a UUID, on a connection that negotiated Bolt 6.1+; before that `E0`
 * stays a reserved marker (the JS, Java, Go and Python drivers refuse it the same way).
 */
export function readUuid(bytes: Uint8Array, profile: WireProfile): Uuid {
  if (!profile.hasUuid) {
    throw new PackStreamError(
      'RESERVED_MARKER',
      `Reserved marker 0xE0: UUID values need Bolt ${formatProtocolVersion(UUID_MINIMUM_VERSION)}, ` +
        `this connection uses ${formatProtocolVersion(profile.version)}`,
    );
  }
  return new Uuid(bytes);
}

/** Writes a UUID as itself (Bolt 6.1+); false when the version cannot carry it (see {@link uuidStructure}). */
export function writeUuid(value: Uuid, packer: Packer, profile: WireProfile): boolean {
  if (!profile.hasUuid) return false;
  packer.writeUuid(value.bytes);
  return true;
}

/**
 * What stands for a UUID on a connection older than 6.1: a server on 6.0 sends the UnsupportedType
 * placeholder (the result still arrives; drivers show the type and the version it needs); before 6.0,
 * and for a client, the value cannot be sent and the query fails with Neo4j's wording for such values.
 */
export function uuidStructure(profile: WireProfile): Structure {
  if (profile.hasUuid) {
    // A UUID is a PackStream value of its own, not a structure: the hydration writes it with writeUuid.
    throw new PackStreamError(
      'UNENCODABLE_VALUE',
      'A UUID is written with its own marker, not as a structure',
    );
  }
  if (profile.role === 'server' && profile.hasVectorAndUnsupportedType) {
    return dehydrateUnsupportedType(
      new UnsupportedType(
        'UUID',
        UUID_MINIMUM_VERSION,
        `UUID values need Bolt ${formatProtocolVersion(UUID_MINIMUM_VERSION)} or newer`,
      ),
    );
  }
  const version = formatProtocolVersion(profile.version);
  throw new ProtocolError(
    `UUID is not supported in Bolt protocol version ${version}. Please make sure the driver supports at ` +
      `least protocol version ${formatProtocolVersion(UUID_MINIMUM_VERSION)}. Driver upgrade is most likely ` +
      `required.`,
  );
}
