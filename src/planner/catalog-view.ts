/**
 * The port through which the planner learns about the database (architecture rule 5): the engine implements
 * it over the storage catalog and the procedure registry. Kept small: counts for choosing the cheapest
 * leaf, online indexes for seeks, procedure signatures for CALL.
 */
export interface CatalogView {
  /** Nodes with `label` (all nodes when undefined); 0 for an unknown label. */
  nodeCount(label?: string): number;
  /** Relationships of `type` (all when undefined). */
  relationshipCount(type?: string): number;
  /** The property indexes (only ONLINE ones are used for seeks). */
  indexes(): readonly CatalogIndex[];
  /** The signature of a procedure, or undefined when none is registered under `name`. */
  procedure(name: string): ProcedureSignature | undefined;
}

/** One property index as the planner sees it. */
export interface CatalogIndex {
  readonly name: string;
  readonly entity: 'NODE' | 'RELATIONSHIP';
  readonly label: string;
  readonly properties: readonly string[];
  readonly online: boolean;
  readonly unique: boolean;
  /**
   * A TEXT index: it holds string values only, so it serves STARTS WITH on any value and `=`, `<`… only
   * against a string literal (a value that may not be a string at run time could match entities the
   * index does not hold). Absent: a RANGE index.
   */
  readonly text?: boolean;
}

/** A procedure's inputs and outputs (`name :: TYPE?`), as the planner needs them for CALL. */
export interface ProcedureSignature {
  readonly name: string;
  readonly mode: 'READ' | 'WRITE' | 'SCHEMA' | 'DBMS';
  readonly inputs: readonly { readonly name: string; readonly type: string; readonly hasDefault: boolean }[];
  readonly outputs: readonly { readonly name: string; readonly type: string }[];
}

/** A catalog of an empty database without indexes or procedures (tests, EXPLAIN without a store). */
export const EMPTY_CATALOG: CatalogView = {
  nodeCount: () => 0,
  relationshipCount: () => 0,
  indexes: () => [],
  procedure: () => undefined,
};
