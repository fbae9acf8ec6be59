import { ProtocolError } from '../../errors/index.js';
import { formatProtocolVersion, type ProtocolVersion } from '../protocol-version.js';
import type { BoltVersionDescriptor } from './descriptor.js';
import { boltV1 } from './v1.js';
import { boltV2 } from './v2.js';
import { boltV3 } from './v3.js';
import { boltV4x0 } from './v4x0.js';
import { boltV4x1 } from './v4x1.js';
import { boltV4x2 } from './v4x2.js';
import { boltV4x3 } from './v4x3.js';
import { boltV4x4 } from './v4x4.js';
import { boltV5x0 } from './v5x0.js';
import { boltV5x1 } from './v5x1.js';
import { boltV5x2 } from './v5x2.js';
import { boltV5x3 } from './v5x3.js';
import { boltV5x4 } from './v5x4.js';
import { boltV5x6 } from './v5x6.js';
import { boltV5x7 } from './v5x7.js';
import { boltV5x8 } from './v5x8.js';
import { boltV6x0 } from './v6x0.js';
import { boltV6x1 } from './v6x1.js';

/** Every Bolt version Quiver implements, oldest first. */
export const BOLT_VERSIONS: readonly BoltVersionDescriptor[] = Object.freeze([
  boltV1,
  boltV2,
  boltV3,
  boltV4x0,
  boltV4x1,
  boltV4x2,
  boltV4x3,
  boltV4x4,
  boltV5x0,
  boltV5x1,
  boltV5x2,
  boltV5x3,
  boltV5x4,
  boltV5x6,
  boltV5x7,
  boltV5x8,
  boltV6x0,
  boltV6x1,
]);

/** The versions to offer in the handshake, oldest first. */
export const SUPPORTED_PROTOCOL_VERSIONS: readonly ProtocolVersion[] = Object.freeze(
  BOLT_VERSIONS.map((descriptor) => descriptor.version),
);

const BY_NAME = new Map(
  BOLT_VERSIONS.map((descriptor) => [formatProtocolVersion(descriptor.version), descriptor]),
);

/** The descriptor of a version, or `undefined` if Quiver does not implement it. */
export function findBoltVersion(version: ProtocolVersion): BoltVersionDescriptor | undefined {
  return BY_NAME.get(formatProtocolVersion(version));
}

/**
 * The descriptor of a negotiated version.
 * @throws ProtocolError (Request.Invalid) for a version Quiver does not implement
 */
export function getBoltVersion(version: ProtocolVersion): BoltVersionDescriptor {
  const descriptor = findBoltVersion(version);
  if (descriptor === undefined) {
    throw new ProtocolError(`Bolt ${formatProtocolVersion(version)} is not supported`);
  }
  return descriptor;
}
