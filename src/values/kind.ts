import { InternalError } from '../errors/index.js';
import type { CypherValue } from './cypher-value.js';
import { Node } from './graph/node.js';
import { Path } from './graph/path.js';
import { Relationship } from './graph/relationship.js';
import { Point } from './spatial/point.js';
import { Vector } from './spatial/vector.js';
import { CypherDate } from './temporal/date.js';
import { DateTime } from './temporal/date-time.js';
import { Duration } from './temporal/duration.js';
import { LocalDateTime } from './temporal/local-date-time.js';
import { LocalTime } from './temporal/local-time.js';
import { Time } from './temporal/time.js';
import { Uuid } from './uuid.js';

/**
 * The disjoint kinds of Cypher values, one per type in the global sort order (INTEGER and FLOAT are
 * separate kinds but share one place in that order). Switch on `kindOf(value)` and end with `assertNever`.
 */
export type ValueKind =
  | 'NULL'
  | 'BOOLEAN'
  | 'INTEGER'
  | 'FLOAT'
  | 'STRING'
  | 'BYTES'
  | 'LIST'
  | 'MAP'
  | 'NODE'
  | 'RELATIONSHIP'
  | 'PATH'
  | 'DATE'
  | 'LOCAL_TIME'
  | 'ZONED_TIME'
  | 'LOCAL_DATETIME'
  | 'ZONED_DATETIME'
  | 'DURATION'
  | 'POINT'
  | 'VECTOR'
  | 'UUID';

/** One prototype look-up classifies every class-based value. */
const KIND_BY_PROTOTYPE = new Map<unknown, ValueKind>([
  [Uint8Array.prototype, 'BYTES'],
  [Node.prototype, 'NODE'],
  [Relationship.prototype, 'RELATIONSHIP'],
  [Path.prototype, 'PATH'],
  [CypherDate.prototype, 'DATE'],
  [LocalTime.prototype, 'LOCAL_TIME'],
  [Time.prototype, 'ZONED_TIME'],
  [LocalDateTime.prototype, 'LOCAL_DATETIME'],
  [DateTime.prototype, 'ZONED_DATETIME'],
  [Duration.prototype, 'DURATION'],
  [Point.prototype, 'POINT'],
  [Vector.prototype, 'VECTOR'],
  [Uuid.prototype, 'UUID'],
]);

/**
 * The kind of a Cypher value.
 * @throws InternalError when given something that is not a Cypher value (a programming error: validate
 * untrusted input with `isCypherValue` first).
 */
export function kindOf(value: CypherValue): ValueKind {
  if (typeof value === 'string') return 'STRING';
  if (typeof value === 'bigint') return 'INTEGER';
  if (typeof value === 'number') return 'FLOAT';
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (value === null) return 'NULL';
  if (Array.isArray(value)) return 'LIST';
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null) return 'MAP';
  const kind = KIND_BY_PROTOTYPE.get(prototype);
  if (kind !== undefined) return kind;
  // Subclasses: Buffer and other Uint8Arrays are BYTES; live graph entities of the layers above (execution's
  // StoreNode) are NODE/RELATIONSHIP. Cached per prototype so the look-up stays one map access.
  const inherited =
    value instanceof Uint8Array
      ? 'BYTES'
      : value instanceof Node
        ? 'NODE'
        : value instanceof Relationship
          ? 'RELATIONSHIP'
          : value instanceof Path
            ? 'PATH'
            : undefined;
  if (inherited !== undefined) {
    KIND_BY_PROTOTYPE.set(prototype, inherited);
    return inherited;
  }
  throw new InternalError(`Not a Cypher value: ${Object.prototype.toString.call(value)}`);
}
