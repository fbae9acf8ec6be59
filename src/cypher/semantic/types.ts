/**
 * Static types of the semantic analysis: a set of possible runtime types as a bit mask (Neo4j's
 * `TypeSpec`, simplified), plus the element type of lists when it is known. A check fails only when
 * the possible types and the expected ones are disjoint, so an unknown type (`ANY`) never fails.
 */
export const TypeBits = {
  Boolean: 1,
  Integer: 2,
  Float: 4,
  String: 8,
  List: 16,
  Map: 32,
  Node: 64,
  Relationship: 128,
  Path: 256,
  Temporal: 512,
  Duration: 1024,
  Point: 2048,
  ByteArray: 4096,
} as const;

const ALL_BITS = 8191;

export interface StaticType {
  readonly mask: number;
  /** Element type when `mask` includes List and the elements are known; undefined = any. */
  readonly element?: StaticType;
}

export const ANY: StaticType = { mask: ALL_BITS };
export const BOOLEAN: StaticType = { mask: TypeBits.Boolean };
export const INTEGER: StaticType = { mask: TypeBits.Integer };
export const FLOAT: StaticType = { mask: TypeBits.Float };
export const NUMBER: StaticType = { mask: TypeBits.Integer | TypeBits.Float };
export const STRING: StaticType = { mask: TypeBits.String };
export const MAP: StaticType = { mask: TypeBits.Map };
export const NODE: StaticType = { mask: TypeBits.Node };
export const RELATIONSHIP: StaticType = { mask: TypeBits.Relationship };
export const PATH: StaticType = { mask: TypeBits.Path };
export const LIST_ANY: StaticType = { mask: TypeBits.List };

/** Things that have properties: `x.key` on anything else is a type error. */
export const PROPERTY_HOLDERS =
  TypeBits.Map |
  TypeBits.Node |
  TypeBits.Relationship |
  TypeBits.Temporal |
  TypeBits.Duration |
  TypeBits.Point;

export function listOf(element: StaticType): StaticType {
  return { mask: TypeBits.List, element };
}

/** True when a value of type `actual` may be one of the types in `expected`. */
export function mayBe(actual: StaticType, expected: number): boolean {
  return (actual.mask & expected) !== 0;
}

export function isAny(type: StaticType): boolean {
  return type.mask === ALL_BITS;
}

/** The least type covering both (used for list elements and CASE branches). */
export function union(a: StaticType, b: StaticType): StaticType {
  const mask = a.mask | b.mask;
  if ((mask & TypeBits.List) === 0) return { mask };
  const aList = (a.mask & TypeBits.List) !== 0;
  const bList = (b.mask & TypeBits.List) !== 0;
  if (aList && bList) {
    if (a.element === undefined || b.element === undefined) return { mask };
    return { mask, element: union(a.element, b.element) };
  }
  const element = aList ? a.element : b.element;
  return element === undefined ? { mask } : { mask, element };
}

/** The element type produced by iterating over a value of type `list` (UNWIND, comprehensions). */
export function elementOf(list: StaticType): StaticType {
  if (list.mask === TypeBits.List && list.element !== undefined) return list.element;
  return ANY;
}

const NAMES: readonly [number, string][] = [
  [TypeBits.Boolean, 'Boolean'],
  [TypeBits.Integer, 'Integer'],
  [TypeBits.Float, 'Float'],
  [TypeBits.String, 'String'],
  [TypeBits.List, 'List<T>'],
  [TypeBits.Map, 'Map'],
  [TypeBits.Node, 'Node'],
  [TypeBits.Relationship, 'Relationship'],
  [TypeBits.Path, 'Path'],
  [TypeBits.Temporal, 'Temporal'],
  [TypeBits.Duration, 'Duration'],
  [TypeBits.Point, 'Point'],
  [TypeBits.ByteArray, 'ByteArray'],
];

/** Neo4j's spelling of a type set: `Integer`, `Float or Integer`, `Any`. */
export function typeName(type: StaticType | number): string {
  const mask = typeof type === 'number' ? type : type.mask;
  if (mask === ALL_BITS) return 'Any';
  const names = NAMES.filter(([bit]) => (mask & bit) !== 0).map(([bit, name]) =>
    bit === TypeBits.List && typeof type !== 'number' && type.element !== undefined
      ? `List<${typeName(type.element)}>`
      : name,
  );
  if (names.length <= 1) return names[0] ?? 'Nothing';
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1] ?? ''}`;
}
