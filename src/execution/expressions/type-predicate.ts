import { assertNever } from '../../errors/index.js';
import type { CypherType, SimpleTypeName } from '../../planner/index.js';
import { isStorable } from '../../storage/index.js';
import { kindOf, type CypherValue, type ValueKind } from '../../values/index.js';
import type { Evaluator } from './compile-scope.js';

/** The value kinds each simple type admits (ANY, NOTHING, NULL and PROPERTY VALUE are decided apart). */
const KINDS: Readonly<Partial<Record<SimpleTypeName, ValueKind>>> = {
  BOOLEAN: 'BOOLEAN',
  STRING: 'STRING',
  INTEGER: 'INTEGER',
  FLOAT: 'FLOAT',
  DATE: 'DATE',
  'LOCAL TIME': 'LOCAL_TIME',
  'ZONED TIME': 'ZONED_TIME',
  'LOCAL DATETIME': 'LOCAL_DATETIME',
  'ZONED DATETIME': 'ZONED_DATETIME',
  DURATION: 'DURATION',
  POINT: 'POINT',
  NODE: 'NODE',
  RELATIONSHIP: 'RELATIONSHIP',
  MAP: 'MAP',
  PATH: 'PATH',
  UUID: 'UUID',
};

/**
 * Whether `value` is of `type` (Neo4j's type predicate semantics): null belongs to every type that does not
 * say NOT NULL, except NOTHING; a list belongs to `LIST<T>` when every element belongs to T (so the empty
 * list to every list type); a union admits what any alternative admits; PROPERTY VALUE is what a property
 * may hold.
 */
export function isOfType(value: CypherValue, type: CypherType): boolean {
  switch (type.kind) {
    case 'UnionType':
      return type.alternatives.some((alternative) => isOfType(value, alternative));
    case 'ListType':
      if (value === null) return !type.notNull;
      return Array.isArray(value) && value.every((element: CypherValue) => isOfType(element, type.element));
    case 'SimpleType':
      if (value === null) return !type.notNull && type.name !== 'NOTHING';
      return isOfSimpleType(value, type.name);
    default:
      return assertNever(type, 'type');
  }
}

function isOfSimpleType(value: CypherValue, name: SimpleTypeName): boolean {
  if (name === 'ANY') return true;
  if (name === 'NOTHING' || name === 'NULL') return false;
  if (name === 'PROPERTY VALUE') return isStorable(value);
  return KINDS[name] === kindOf(value);
}

/** `operand IS [NOT] :: type`: true or false, never null. */
export function compileTypePredicate(operand: Evaluator, type: CypherType, negated: boolean): Evaluator {
  return (row, context) => isOfType(operand(row, context), type) !== negated;
}
