import type { EntityKind } from '../indexes/property-index.js';

/**
 * The kinds of constraints (Neo4j 5): UNIQUENESS (`IS UNIQUE`), EXISTENCE (`IS NOT NULL`), KEY (`IS NODE
 * KEY` / `IS RELATIONSHIP KEY`: unique and every property present) and PROPERTY_TYPE (`IS :: INTEGER`).
 */
export type ConstraintKind = 'UNIQUENESS' | 'EXISTENCE' | 'KEY' | 'PROPERTY_TYPE';

/** The scalar property types a type constraint can require, spelled as in Cypher. */
export const SCALAR_PROPERTY_TYPES = [
  'BOOLEAN',
  'STRING',
  'INTEGER',
  'FLOAT',
  'DATE',
  'LOCAL TIME',
  'ZONED TIME',
  'LOCAL DATETIME',
  'ZONED DATETIME',
  'DURATION',
  'POINT',
  'UUID',
] as const;
export type ScalarPropertyType = (typeof SCALAR_PROPERTY_TYPES)[number];

/** A property type: a scalar type or a list of one (`LIST<INTEGER NOT NULL>`, Neo4j's spelling). */
export type PropertyType = ScalarPropertyType | `LIST<${ScalarPropertyType} NOT NULL>`;

/** What defines a constraint. */
export interface ConstraintDefinition {
  readonly name: string;
  readonly kind: ConstraintKind;
  readonly entity: EntityKind;
  /** The label or relationship type token. */
  readonly token: number;
  /** Property-key tokens: one for EXISTENCE and PROPERTY_TYPE, one or more for UNIQUENESS and KEY. */
  readonly properties: readonly number[];
  /** PROPERTY_TYPE only: the allowed types (several make a union, `IS :: INTEGER | FLOAT`). */
  readonly types?: readonly PropertyType[];
}

/** Neo4j's name for a constraint's type, as `SHOW CONSTRAINTS` prints it (`NODE_PROPERTY_UNIQUENESS`, …). */
export function constraintTypeName(definition: ConstraintDefinition): string {
  const entity = definition.entity === 'NODE' ? 'NODE' : 'RELATIONSHIP';
  switch (definition.kind) {
    case 'UNIQUENESS':
      return `${entity}_PROPERTY_UNIQUENESS`;
    case 'EXISTENCE':
      return `${entity}_PROPERTY_EXISTENCE`;
    case 'KEY':
      return `${entity}_KEY`;
    case 'PROPERTY_TYPE':
      return `${entity}_PROPERTY_TYPE`;
  }
}
