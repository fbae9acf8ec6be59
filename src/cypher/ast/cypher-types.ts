/**
 * Types as written in type predicate expressions (`x IS :: INTEGER NOT NULL`, Neo4j 5's GQL-style type
 * system). Every type includes null unless it says `NOT NULL`; `NOTHING` has no values at all and `NULL`
 * only null. Synonyms are folded by the parser (`INT` is INTEGER, `TIMESTAMP WITH TIME ZONE` is ZONED DATETIME).
 */
export type CypherType = SimpleType | ListType | UnionType;

export type SimpleTypeName =
  | 'ANY'
  | 'NOTHING'
  | 'NULL'
  | 'BOOLEAN'
  | 'STRING'
  | 'INTEGER'
  | 'FLOAT'
  | 'DATE'
  | 'LOCAL TIME'
  | 'ZONED TIME'
  | 'LOCAL DATETIME'
  | 'ZONED DATETIME'
  | 'DURATION'
  | 'POINT'
  | 'NODE'
  | 'RELATIONSHIP'
  | 'MAP'
  | 'PATH'
  | 'PROPERTY VALUE'
  | 'UUID';

export interface SimpleType {
  readonly kind: 'SimpleType';
  readonly name: SimpleTypeName;
  readonly notNull: boolean;
}

/** `LIST<element>` (also `ARRAY<…>` and `element LIST`). */
export interface ListType {
  readonly kind: 'ListType';
  readonly element: CypherType;
  readonly notNull: boolean;
}

/** `A | B` or `ANY<A | B>`: a value of any of the alternatives (null when one of them includes null). */
export interface UnionType {
  readonly kind: 'UnionType';
  readonly alternatives: readonly CypherType[];
}
