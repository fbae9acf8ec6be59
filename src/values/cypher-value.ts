import type { GraphValue } from './graph/graph-value.js';
import type { Point } from './spatial/point.js';
import type { Vector } from './spatial/vector.js';
import type { Uuid } from './uuid.js';
import type { CypherDate } from './temporal/date.js';
import type { DateTime } from './temporal/date-time.js';
import type { Duration } from './temporal/duration.js';
import type { LocalDateTime } from './temporal/local-date-time.js';
import type { LocalTime } from './temporal/local-time.js';
import type { Time } from './temporal/time.js';

/**
 * Cypher MAP: a plain object (prototype `Object.prototype`, made with `{}`) whose own enumerable string keys
 * are the entries. Read it with `Object.keys`/`Object.hasOwn`, never `in` or bare `map[key]` truthiness, so
 * inherited names such as `constructor` are not mistaken for keys; a `"__proto__"` key must be created with
 * `Object.defineProperty`.
 */
export interface CypherMap {
  readonly [key: string]: CypherValue;
}

/** Cypher LIST: a plain JS array. */
export type CypherList = readonly CypherValue[];

/** Every temporal value, Cypher DURATION included. */
export type TemporalValue = CypherDate | LocalTime | Time | LocalDateTime | DateTime | Duration;

/**
 * Every value Cypher can compute, store, receive or return. INTEGER is `bigint` (always 64-bit range),
 * FLOAT is `number`, so `1n` and `1` are different values; BYTES is `Uint8Array`; `null` is Cypher null
 * (never `undefined`). `GraphValue` stands for `Node | Relationship | Path` (see graph-value.ts for why).
 */
export type CypherValue =
  | null
  | boolean
  | bigint
  | number
  | string
  | Uint8Array
  | CypherList
  | CypherMap
  | GraphValue
  | TemporalValue
  | Point
  | Vector
  | Uuid;
