import { assertNever } from '../../errors/index.js';
import type { CypherType } from '../ast/index.js';

/** A type in its canonical spelling: `INTEGER NOT NULL`, `LIST<STRING>`, `INTEGER | FLOAT`. */
export function printCypherType(type: CypherType): string {
  switch (type.kind) {
    case 'SimpleType':
      return `${type.name}${type.notNull ? ' NOT NULL' : ''}`;
    case 'ListType':
      return `LIST<${printCypherType(type.element)}>${type.notNull ? ' NOT NULL' : ''}`;
    case 'UnionType':
      return type.alternatives.map(printCypherType).join(' | ');
    default:
      return assertNever(type, 'type');
  }
}
