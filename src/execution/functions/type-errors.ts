import { CypherTypeError } from '../../errors/index.js';
import { Node, Relationship, typeName, type CypherValue } from '../../values/index.js';

/**
 * Neo4j spells value types in mixed case in its type-mismatch messages (`Integer`, `List<T>`), unlike the
 * upper-case names of type predicates; this maps one to the other.
 */
export function displayTypeName(value: CypherValue): string {
  // Checked first because live store entities are subclasses the values module's type table may not know.
  if (value instanceof Node) return 'Node';
  if (value instanceof Relationship) return 'Relationship';
  const name = typeName(value);
  switch (name) {
    case 'LIST<ANY>':
      return 'List<T>';
    case 'LOCAL TIME':
      return 'LocalTime';
    case 'ZONED TIME':
      return 'Time';
    case 'LOCAL DATETIME':
      return 'LocalDateTime';
    case 'ZONED DATETIME':
      return 'DateTime';
    default:
      return name.charAt(0) + name.slice(1).toLowerCase();
  }
}

/**
 * The TCK's runtime `TypeError`: a value of the wrong type reached an operator or function. `expected` reads
 * like Neo4j's message (`Integer`, `String or List<T>`); the detail defaults to `InvalidArgumentType`.
 */
export function typeMismatch(
  expected: string,
  actual: CypherValue,
  detail = 'InvalidArgumentType',
): CypherTypeError {
  return new CypherTypeError(`Type mismatch: expected ${expected} but was ${displayTypeName(actual)}`, {
    detail,
  });
}

/** A `TypeError` for a binary operator that does not apply to the two operand types. */
export function operatorMismatch(operator: string, left: CypherValue, right: CypherValue): CypherTypeError {
  return new CypherTypeError(
    `Cannot apply ${operator} to ${displayTypeName(left)} and ${displayTypeName(right)}`,
    { detail: 'InvalidArgumentType' },
  );
}
