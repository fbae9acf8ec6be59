import { PackStreamError, ProtocolError } from '../../errors/index.js';
import type { Packer, Structure } from '../../packstream/index.js';
import {
  CypherDate,
  DateTime,
  Duration,
  LocalDateTime,
  LocalTime,
  Node,
  Path,
  Point,
  Relationship,
  Time,
  Uuid,
  Vector,
} from '../../values/index.js';
import { formatProtocolVersion, protocolVersion, type ProtocolVersion } from '../protocol-version.js';
import { dehydrateDateTime, hydrateDateTime } from './date-time.js';
import {
  dehydrateNode,
  dehydrateRelationship,
  hydrateNode,
  hydrateRelationship,
  hydrateUnboundRelationship,
  writeNode,
  writeRelationship,
} from './graph.js';
import { dehydratePath, hydratePath } from './path.js';
import { dehydratePoint, hydratePoint } from './spatial.js';
import * as tags from './struct-tags.js';
import {
  dehydrateDate,
  dehydrateDuration,
  dehydrateLocalDateTime,
  dehydrateLocalTime,
  dehydrateTime,
  hydrateDate,
  hydrateDuration,
  hydrateLocalDateTime,
  hydrateLocalTime,
  hydrateTime,
} from './temporal.js';
import { dehydrateUnsupportedType, hydrateUnsupportedType, UnsupportedType } from './unsupported-type.js';
import { readUuid, uuidStructure, writeUuid } from './uuid.js';
import { dehydrateVector, hydrateVector } from './vector.js';
import { wireProfileOf, type HydrationRole, type WireProfile } from './wire-profile.js';

/** Options of {@link createHydration}. */
export interface HydrationOptions {
  /** The negotiated Bolt version. */
  readonly version: ProtocolVersion;
  /** Whether the `utc` patch was agreed in HELLO (Bolt 4.3/4.4 only; ignored elsewhere). */
  readonly utcPatch?: boolean;
  /**
   * The side this hydration works for (default `'server'`). A server sends graph entities and
   * UnsupportedType and refuses to receive them, as Neo4j does; a client (bolt/client, tests) the reverse.
   */
  readonly role?: HydrationRole;
}

/** The PackStream hooks of one connection: pass `hydrate` to the Unpacker and `dehydrate` to the Packer. */
export interface Hydration {
  readonly profile: WireProfile;
  /**
   * Turns a value structure into a value.
   * @throws PackStreamError `INVALID_STRUCTURE` for an unknown tag, a tag the version or role does not
   * allow, or a wrong field count or type; CypherArgumentError when a field is out of the value's range.
   */
  readonly hydrate: (tag: number, fields: unknown[]) => unknown;
  /**
   * Turns a value object into its structure.
   * @throws ProtocolError (`Neo.ClientError.Request.Invalid`) when the version cannot carry the value
   * (temporal/spatial on Bolt 1, Vector before 6.0); PackStreamError `UNENCODABLE_VALUE` for objects that
   * are not Bolt values or that this role may not send.
   */
  readonly dehydrate: (value: object) => Structure;
  /**
   * Packs a value object's structure straight into a packer (the Packer's `writeObject` hook): the same
   * bytes and errors as packing what `dehydrate` returns, without building a `Structure` for the graph
   * entities a server streams.
   */
  readonly writeObject: (value: object, packer: Packer) => void;
  /**
   * The Unpacker's `readUuid` hook: the 16 bytes after an `E0` marker as a UUID from Bolt 6.1 on.
   * @throws PackStreamError `RESERVED_MARKER` on older versions, where `E0` is reserved.
   */
  readonly readUuid: (bytes: Uint8Array) => Uuid;
}

/** Creates the hydration hooks for a connection's negotiated version. */
export function createHydration(options: HydrationOptions): Hydration {
  const profile = wireProfileOf(options.version, options.utcPatch ?? false, options.role ?? 'server');
  return Object.freeze({
    profile,
    hydrate: (tag: number, fields: unknown[]) => hydrateValue(tag, fields, profile),
    dehydrate: (value: object) => dehydrateValue(value, profile),
    writeObject: (value: object, packer: Packer) => {
      writeValueObject(value, packer, profile);
    },
    readUuid: (bytes: Uint8Array) => readUuid(bytes, profile),
  });
}

/** What a structure or value needs from the connection. */
type Requirement = 'BOLT_2' | 'BOLT_6' | 'SENT_BY_SERVER' | 'BOLT_6_SENT_BY_SERVER';

const MINIMUM_VERSION: Readonly<Record<Requirement, ProtocolVersion>> = {
  BOLT_2: protocolVersion(2, 0),
  BOLT_6: protocolVersion(6, 0),
  SENT_BY_SERVER: protocolVersion(1, 0),
  BOLT_6_SENT_BY_SERVER: protocolVersion(6, 0),
};

/** Requirements of every value structure tag (bolt-spec-digest §5.5). */
const TAG_REQUIREMENTS = new Map<number, Requirement>([
  [tags.NODE, 'SENT_BY_SERVER'],
  [tags.RELATIONSHIP, 'SENT_BY_SERVER'],
  [tags.UNBOUND_RELATIONSHIP, 'SENT_BY_SERVER'],
  [tags.PATH, 'SENT_BY_SERVER'],
  [tags.DATE, 'BOLT_2'],
  [tags.TIME, 'BOLT_2'],
  [tags.LOCAL_TIME, 'BOLT_2'],
  [tags.LOCAL_DATE_TIME, 'BOLT_2'],
  [tags.DATE_TIME, 'BOLT_2'],
  [tags.DATE_TIME_ZONE_ID, 'BOLT_2'],
  [tags.LEGACY_DATE_TIME, 'BOLT_2'],
  [tags.LEGACY_DATE_TIME_ZONE_ID, 'BOLT_2'],
  [tags.DURATION, 'BOLT_2'],
  [tags.POINT_2D, 'BOLT_2'],
  [tags.POINT_3D, 'BOLT_2'],
  [tags.VECTOR, 'BOLT_6'],
  [tags.UNSUPPORTED_TYPE, 'BOLT_6_SENT_BY_SERVER'],
]);

function isVersionMet(requirement: Requirement, profile: WireProfile): boolean {
  switch (requirement) {
    case 'SENT_BY_SERVER':
      return true;
    case 'BOLT_2':
      return profile.hasTemporalAndSpatial;
    case 'BOLT_6':
    case 'BOLT_6_SENT_BY_SERVER':
      return profile.hasVectorAndUnsupportedType;
  }
}

function isServerOnly(requirement: Requirement): boolean {
  return requirement === 'SENT_BY_SERVER' || requirement === 'BOLT_6_SENT_BY_SERVER';
}

function hydrateValue(tag: number, fields: readonly unknown[], profile: WireProfile): unknown {
  const requirement = TAG_REQUIREMENTS.get(tag);
  const name = tags.STRUCT_NAMES[tag] ?? `0x${tag.toString(16).padStart(2, '0')}`;
  const version = formatProtocolVersion(profile.version);
  if (requirement === undefined || !isVersionMet(requirement, profile)) {
    throw new PackStreamError('INVALID_STRUCTURE', `Structure ${name} is not a value in Bolt ${version}`);
  }
  if (isServerOnly(requirement) && profile.role === 'server') {
    throw new PackStreamError(
      'INVALID_STRUCTURE',
      `${name} values are sent by servers only; clients cannot send them`,
    );
  }
  switch (tag) {
    case tags.NODE:
      return hydrateNode(fields, profile);
    case tags.RELATIONSHIP:
      return hydrateRelationship(fields, profile);
    case tags.UNBOUND_RELATIONSHIP:
      return hydrateUnboundRelationship(fields, profile);
    case tags.PATH:
      return hydratePath(fields);
    case tags.DATE:
      return hydrateDate(fields);
    case tags.TIME:
      return hydrateTime(fields);
    case tags.LOCAL_TIME:
      return hydrateLocalTime(fields);
    case tags.LOCAL_DATE_TIME:
      return hydrateLocalDateTime(fields);
    case tags.DURATION:
      return hydrateDuration(fields);
    case tags.POINT_2D:
    case tags.POINT_3D:
      return hydratePoint(tag, fields);
    case tags.VECTOR:
      return hydrateVector(fields);
    case tags.UNSUPPORTED_TYPE:
      return hydrateUnsupportedType(fields);
    default:
      return hydrateDateTime(tag, fields); // the four DateTime tags: the table admits no other
  }
}

/** One kind of value object: its class, its name in messages, what it needs, and its encoder. */
interface ValueEncoder {
  readonly name: string;
  readonly requirement: Requirement;
  readonly matches: (value: object) => boolean;
  readonly encode: (value: object, profile: WireProfile) => Structure;
}

function encoder<T extends object>(
  type: abstract new (...args: never[]) => T,
  requirement: Requirement,
  encode: (value: T, profile: WireProfile) => Structure,
): ValueEncoder {
  return {
    name: type.name === 'CypherDate' ? 'Date' : type.name,
    requirement,
    matches: (value) => value instanceof type,
    encode: (value, profile) => encode(value as T, profile),
  };
}

/** In rough order of frequency in results: graph entities first. */
const ENCODERS: readonly ValueEncoder[] = [
  encoder(Node, 'SENT_BY_SERVER', dehydrateNode),
  encoder(Relationship, 'SENT_BY_SERVER', dehydrateRelationship),
  encoder(Path, 'SENT_BY_SERVER', dehydratePath),
  encoder(DateTime, 'BOLT_2', (value, profile) => dehydrateDateTime(value, profile.sendsUtcDateTime)),
  encoder(CypherDate, 'BOLT_2', dehydrateDate),
  encoder(LocalDateTime, 'BOLT_2', dehydrateLocalDateTime),
  encoder(LocalTime, 'BOLT_2', dehydrateLocalTime),
  encoder(Time, 'BOLT_2', dehydrateTime),
  encoder(Duration, 'BOLT_2', dehydrateDuration),
  encoder(Point, 'BOLT_2', dehydratePoint),
  encoder(Vector, 'BOLT_6', dehydrateVector),
  encoder(UnsupportedType, 'BOLT_6_SENT_BY_SERVER', dehydrateUnsupportedType),
];

/** Servers send Node and Relationship (any version) field by field; everything else via its Structure. */
function writeValueObject(value: object, packer: Packer, profile: WireProfile): void {
  if (profile.role === 'server') {
    if (value instanceof Node) {
      writeNode(packer, value, profile);
      return;
    }
    if (value instanceof Relationship) {
      writeRelationship(packer, value, profile);
      return;
    }
  }
  if (value instanceof Uuid && writeUuid(value, packer, profile)) return;
  const structure = dehydrateValue(value, profile);
  const fields = structure.fields;
  packer.writeStructHeader(fields.length, structure.tag);
  for (const field of fields) packer.packValue(field);
}

function dehydrateValue(value: object, profile: WireProfile): Structure {
  if (value instanceof Uuid) return uuidStructure(profile);
  const found = ENCODERS.find((candidate) => candidate.matches(value));
  if (found === undefined) {
    const name = (value.constructor as { name?: unknown } | undefined)?.name;
    throw new PackStreamError(
      'UNENCODABLE_VALUE',
      `A ${typeof name === 'string' ? name : 'object'} is not a Bolt value`,
    );
  }
  if (isServerOnly(found.requirement) && profile.role === 'client') {
    throw new PackStreamError('UNENCODABLE_VALUE', `${found.name} values cannot be sent by a client`);
  }
  if (!isVersionMet(found.requirement, profile)) {
    // Neo4j's wording for values a version cannot carry (Point over Bolt 1). The query fails and the
    // connection stays usable. We do not downgrade (e.g. a Vector to a LIST before 6.0): the hook must return
    // a Structure, and a value silently changing type would surprise clients. From 6.0 on, a type newer than
    // the connection is sent as an UnsupportedType placeholder instead, built by whoever produces the value.
    const version = formatProtocolVersion(profile.version);
    const minimum = formatProtocolVersion(MINIMUM_VERSION[found.requirement]);
    throw new ProtocolError(
      `${found.name} is not supported in Bolt protocol version ${version}. Please make sure the driver ` +
        `supports at least protocol version ${minimum}. Driver upgrade is most likely required.`,
    );
  }
  return found.encode(value, profile);
}
