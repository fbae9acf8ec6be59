import { InternalError } from '../../errors/index.js';
import type { Node } from '../graph/node.js';
import type { Path } from '../graph/path.js';
import type { Relationship } from '../graph/relationship.js';
import type { ValueKind } from '../kind.js';
import type { Point } from '../spatial/point.js';
import type { Vector } from '../spatial/vector.js';
import type { Uuid } from '../uuid.js';
import type { CypherDate } from '../temporal/date.js';
import type { DateTime } from '../temporal/date-time.js';
import type { Duration } from '../temporal/duration.js';
import type { LocalDateTime } from '../temporal/local-date-time.js';
import type { LocalTime } from '../temporal/local-time.js';
import type { Time } from '../temporal/time.js';
import { orderNumbers } from './compare-numbers.js';
import { compareStrings } from './compare-strings.js';
import { orderNodes, orderPaths, orderRelationships } from './order-graph.js';
import { orderPoints, orderVectors } from './order-spatial.js';
import {
  orderDates,
  orderDateTimes,
  orderDurations,
  orderLocalDateTimes,
  orderLocalTimes,
  orderTimes,
} from './order-temporal.js';

/** Unsigned lexicographic order of byte arrays, shorter first when one is a prefix. */
export function orderBytes(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const byteA = a[index] ?? 0;
    const byteB = b[index] ?? 0;
    if (byteA !== byteB) return byteA < byteB ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/**
 * The total order within one kind other than LIST and MAP (whose elements need the caller's recursion);
 * both values must be of that kind, or both numbers. For every such kind except numbers, two values tie
 * exactly when they are equal, which `equals` relies on (for numbers it must still tell NaN apart).
 */
export function orderScalars(kind: ValueKind, a: unknown, b: unknown): number {
  switch (kind) {
    case 'NULL':
      return 0;
    case 'INTEGER':
    case 'FLOAT':
      return orderNumbers(a as bigint | number, b as bigint | number);
    case 'BOOLEAN':
      return a === b ? 0 : a === false ? -1 : 1;
    case 'STRING':
      return compareStrings(a as string, b as string);
    case 'BYTES':
      return orderBytes(a as Uint8Array, b as Uint8Array);
    case 'NODE':
      return orderNodes(a as Node, b as Node);
    case 'RELATIONSHIP':
      return orderRelationships(a as Relationship, b as Relationship);
    case 'PATH':
      return orderPaths(a as Path, b as Path);
    case 'DATE':
      return orderDates(a as CypherDate, b as CypherDate);
    case 'LOCAL_TIME':
      return orderLocalTimes(a as LocalTime, b as LocalTime);
    case 'ZONED_TIME':
      return orderTimes(a as Time, b as Time);
    case 'LOCAL_DATETIME':
      return orderLocalDateTimes(a as LocalDateTime, b as LocalDateTime);
    case 'ZONED_DATETIME':
      return orderDateTimes(a as DateTime, b as DateTime);
    case 'DURATION':
      return orderDurations(a as Duration, b as Duration);
    case 'POINT':
      return orderPoints(a as Point, b as Point);
    case 'VECTOR':
      return orderVectors(a as Vector, b as Vector);
    case 'UUID':
      return (a as Uuid).compareTo(b as Uuid);
    case 'LIST':
    case 'MAP':
      throw new InternalError(`orderScalars cannot order a ${kind}`);
  }
}
