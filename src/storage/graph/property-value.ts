import { CypherTypeError } from '../../errors/index.js';
import { kindOf, typeName, type CypherValue, type ValueKind } from '../../values/index.js';

/**
 * The kinds a property may hold directly. MAP, NODE, RELATIONSHIP and PATH values cannot be stored, and
 * LIST is allowed only as a homogeneous list of the scalar kinds below (Neo4j's "arrays").
 */
const STORABLE_SCALARS: ReadonlySet<ValueKind> = new Set<ValueKind>([
  'BOOLEAN',
  'INTEGER',
  'FLOAT',
  'STRING',
  'BYTES',
  'DATE',
  'LOCAL_TIME',
  'ZONED_TIME',
  'LOCAL_DATETIME',
  'ZONED_DATETIME',
  'DURATION',
  'POINT',
  'VECTOR',
  'UUID',
]);

/** List elements: the scalars except BYTES and VECTOR, which are already array-like. */
const STORABLE_ELEMENTS: ReadonlySet<ValueKind> = new Set<ValueKind>([
  'BOOLEAN',
  'INTEGER',
  'FLOAT',
  'STRING',
  'DATE',
  'LOCAL_TIME',
  'ZONED_TIME',
  'LOCAL_DATETIME',
  'ZONED_DATETIME',
  'DURATION',
  'POINT',
  'UUID',
]);

/**
 * Checks that `value` can be stored as a property value: a storable scalar (boolean, number, string, bytes,
 * temporal, point, vector, UUID) or a list whose elements are all non-null scalars of one kind (INTEGER and FLOAT
 * are different kinds, as in Neo4j). `null` is not a value to store: callers treat it as removal first.
 * The messages are Neo4j's.
 * @throws CypherTypeError (`Neo.ClientError.Statement.TypeError`) when the value cannot be stored.
 */
export function assertStorable(value: CypherValue): void {
  // Fast path for the common primitives, without a kind lookup.
  const type = typeof value;
  if (type === 'string' || type === 'bigint' || type === 'number' || type === 'boolean') return;
  const kind = kindOf(value);
  if (STORABLE_SCALARS.has(kind)) return;
  if (kind === 'LIST') {
    assertStorableList(value as readonly CypherValue[]);
    return;
  }
  throw new CypherTypeError(
    `Property values can only be of primitive types or arrays thereof. Encountered: ${typeName(value)}.`,
  );
}

function assertStorableList(list: readonly CypherValue[]): void {
  let elementKind: ValueKind | undefined;
  for (const element of list) {
    if (element === null) {
      throw new CypherTypeError('Collections containing null values can not be stored in properties.');
    }
    const kind = kindOf(element);
    if (kind === 'LIST' || kind === 'MAP') {
      throw new CypherTypeError('Collections containing collections can not be stored in properties.');
    }
    if (!STORABLE_ELEMENTS.has(kind)) {
      throw new CypherTypeError(
        `Property values can only be of primitive types or arrays thereof. Encountered: ${typeName(element)}.`,
      );
    }
    if (elementKind !== undefined && kind !== elementKind) {
      throw new CypherTypeError('Collections containing mixed types can not be stored in properties.');
    }
    elementKind = kind;
  }
}

/** Whether `value` could be stored as a property (see `assertStorable`). */
export function isStorable(value: CypherValue): boolean {
  if (value === null) return false;
  try {
    assertStorable(value);
    return true;
  } catch {
    return false;
  }
}
