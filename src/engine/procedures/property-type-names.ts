import { kindOf, type CypherValue } from '../../values/index.js';

/** Neo4j's (Java-flavoured) names of stored property types, as `db.schema.*TypeProperties` report them. */
const SCALAR_NAMES: Readonly<Partial<Record<string, string>>> = {
  BOOLEAN: 'Boolean',
  INTEGER: 'Long',
  FLOAT: 'Double',
  STRING: 'String',
  BYTES: 'ByteArray',
  DATE: 'Date',
  LOCAL_TIME: 'LocalTime',
  ZONED_TIME: 'Time',
  LOCAL_DATETIME: 'LocalDateTime',
  ZONED_DATETIME: 'DateTime',
  DURATION: 'Duration',
  POINT: 'Point',
};

/** `Long`, `StringArray`, …: the name of a stored property value's type. */
export function propertyTypeName(value: CypherValue): string {
  if (Array.isArray(value)) {
    const first = (value as readonly CypherValue[])[0];
    // An empty stored list has no element type; Neo4j stores it as a String array.
    return `${first === undefined ? 'String' : (SCALAR_NAMES[kindOf(first)] ?? 'Any')}Array`;
  }
  return SCALAR_NAMES[kindOf(value)] ?? 'Any';
}
