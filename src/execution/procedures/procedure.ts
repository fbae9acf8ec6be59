import type { CypherMap, CypherValue } from '../../values/index.js';
import type { ExecutionContext } from '../runtime/context.js';

/** One input or output of a procedure signature: `name :: TYPE?`. */
export interface ProcedureField {
  readonly name: string;
  /** A Cypher type name as written in signatures: `INTEGER?`, `STRING?`, `LIST? OF STRING?`, `ANY?`, … */
  readonly type: string;
  /** Inputs only: the default used when the call omits trailing arguments. */
  readonly default?: CypherValue;
}

/**
 * A procedure callable with `CALL name(args) YIELD …`. `call` returns the result rows lazily, each a map of
 * output field names. `mode` decides the query type (`READ` -> r, `WRITE` -> rw, `SCHEMA` -> s, `DBMS`).
 * Procedures with no outputs (`VOID`) return no rows and may appear without YIELD in a larger query.
 */
export interface ProcedureDefinition {
  readonly name: string;
  readonly description: string;
  readonly mode: 'READ' | 'WRITE' | 'SCHEMA' | 'DBMS';
  readonly inputs: readonly ProcedureField[];
  readonly outputs: readonly ProcedureField[];
  call(args: readonly CypherValue[], context: ExecutionContext): Iterable<CypherMap>;
}

/** Procedures by name (case-sensitive, as in Neo4j). The engine fills it; the TCK runner adds test ones. */
export interface ProcedureRegistry {
  get(name: string): ProcedureDefinition | undefined;
  list(): readonly ProcedureDefinition[];
}
