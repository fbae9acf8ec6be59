import type { Expression, Variable } from './expressions.js';
import type { Pattern, PatternPart } from './patterns.js';

/** What `parse()` returns: a query (possibly EXPLAIN/PROFILE) or a command. */
export type Statement = QueryStatement | SchemaCommand | ShowCommand | TransactionCommand;

/** A query with its optional `EXPLAIN` / `PROFILE` prefix. */
export interface QueryStatement {
  readonly kind: 'QueryStatement';
  readonly pos: number;
  readonly mode: 'EXECUTE' | 'EXPLAIN' | 'PROFILE';
  readonly query: Query;
}

/**
 * A regular query: one or more single queries joined by UNION / UNION ALL. `unions[i]` joins `parts[i]`
 * and `parts[i + 1]` (so `unions.length === parts.length - 1`); mixing the two kinds is a semantic error.
 */
export interface Query {
  readonly kind: 'Query';
  readonly pos: number;
  readonly parts: readonly SingleQuery[];
  readonly unions: readonly ('UNION' | 'UNION ALL')[];
}

export interface SingleQuery {
  readonly kind: 'SingleQuery';
  readonly pos: number;
  readonly clauses: readonly Clause[];
}

export type Clause =
  | Match
  | Unwind
  | With
  | Return
  | Create
  | Merge
  | SetClause
  | Remove
  | Delete
  | Foreach
  | CallProcedure
  | CallSubquery
  | Use
  | LoadCsv
  | Finish;

export interface Match {
  readonly kind: 'Match';
  readonly pos: number;
  readonly optional: boolean;
  readonly pattern: Pattern;
  readonly where: Expression | undefined;
}

export interface Unwind {
  readonly kind: 'Unwind';
  readonly pos: number;
  readonly expression: Expression;
  readonly variable: Variable;
}

/** The body shared by WITH and RETURN. */
export interface Projection {
  readonly distinct: boolean;
  /** `*` as the first item: every variable in scope is projected (then the listed items). */
  readonly star: boolean;
  readonly items: readonly ProjectionItem[];
  readonly orderBy: readonly SortItem[] | undefined;
  readonly skip: Expression | undefined;
  readonly limit: Expression | undefined;
}

/**
 * `expression AS alias` or a bare expression. `text` is the expression's source text exactly as written
 * (after trimming), which is the column name of an un-aliased RETURN item (`RETURN n.name` -> `n.name`).
 */
export interface ProjectionItem {
  readonly pos: number;
  readonly expression: Expression;
  readonly alias: Variable | undefined;
  readonly text: string;
}

export interface SortItem {
  readonly expression: Expression;
  readonly descending: boolean;
}

export interface With {
  readonly kind: 'With';
  readonly pos: number;
  readonly projection: Projection;
  readonly where: Expression | undefined;
  /**
   * The Cypher 25 clause this WITH was written as, all of them `WITH *` plus something: `LET x = e, …`
   * (items, each a new variable, no aggregation), `FILTER [WHERE] p` (the WHERE), or a standalone
   * `ORDER BY …` / `SKIP` / `OFFSET` / `LIMIT` (`PAGE`: the ordering). Absent for a WITH.
   */
  readonly form?: 'LET' | 'FILTER' | 'PAGE';
}

export interface Return {
  readonly kind: 'Return';
  readonly pos: number;
  readonly projection: Projection;
}

export interface Create {
  readonly kind: 'Create';
  readonly pos: number;
  readonly pattern: Pattern;
}

export interface Merge {
  readonly kind: 'Merge';
  readonly pos: number;
  readonly part: PatternPart;
  readonly onCreate: readonly SetItem[];
  readonly onMatch: readonly SetItem[];
}

export interface SetClause {
  readonly kind: 'Set';
  readonly pos: number;
  readonly items: readonly SetItem[];
}

/**
 * `SET n.k = v` (SetProperty; `target` may be any expression yielding a node/relationship/map… only
 * PropertyAccess on an entity is valid), `SET n = {map}` (SetAllProperties), `SET n += {map}`
 * (MergeProperties), `SET n:A:B` (SetLabels).
 */
export type SetItem =
  | {
      readonly kind: 'SetProperty';
      readonly pos: number;
      readonly subject: Expression;
      readonly key: string;
      readonly value: Expression;
    }
  | {
      readonly kind: 'SetAllProperties';
      readonly pos: number;
      readonly variable: Variable;
      readonly value: Expression;
    }
  | {
      readonly kind: 'MergeProperties';
      readonly pos: number;
      readonly variable: Variable;
      readonly value: Expression;
    }
  | {
      readonly kind: 'SetLabels';
      readonly pos: number;
      readonly variable: Variable;
      readonly labels: readonly string[];
      /** `SET n:$(expression)`: labels computed per row (Neo4j 5.26). */
      readonly dynamicLabels?: readonly Expression[];
    };

export interface Remove {
  readonly kind: 'Remove';
  readonly pos: number;
  readonly items: readonly RemoveItem[];
}

export type RemoveItem =
  | {
      readonly kind: 'RemoveProperty';
      readonly pos: number;
      readonly subject: Expression;
      readonly key: string;
    }
  | {
      readonly kind: 'RemoveLabels';
      readonly pos: number;
      readonly variable: Variable;
      readonly labels: readonly string[];
      /** `REMOVE n:$(expression)`: labels computed per row (Neo4j 5.26). */
      readonly dynamicLabels?: readonly Expression[];
    };

export interface Delete {
  readonly kind: 'Delete';
  readonly pos: number;
  readonly detach: boolean;
  readonly expressions: readonly Expression[];
}

export interface Foreach {
  readonly kind: 'Foreach';
  readonly pos: number;
  readonly variable: Variable;
  readonly list: Expression;
  readonly clauses: readonly Clause[];
}

/**
 * `CALL ns.name(args) YIELD a, b AS c WHERE …`. `args` is undefined for the implicit-arguments form
 * (`CALL ns.name` without parentheses, standalone only). `yield` undefined = no YIELD; `yield.star` for
 * `YIELD *`.
 */
export interface CallProcedure {
  readonly kind: 'CallProcedure';
  readonly pos: number;
  readonly name: string;
  readonly args: readonly Expression[] | undefined;
  readonly yield: YieldClause | undefined;
}

export interface YieldClause {
  readonly star: boolean;
  readonly items: readonly YieldItem[];
  /** SHOW commands only: `YIELD … ORDER BY … SKIP … LIMIT …` before the WHERE. */
  readonly orderBy?: readonly SortItem[] | undefined;
  readonly skip?: Expression | undefined;
  readonly limit?: Expression | undefined;
  readonly where: Expression | undefined;
}

/** `field` or `field AS alias`. */
export interface YieldItem {
  readonly pos: number;
  readonly field: string;
  readonly alias: Variable | undefined;
}

/**
 * `CALL { … }` (importing with a leading WITH inside), or the scoped form `CALL (a, b) { … }` / `CALL (*)`;
 * `OPTIONAL CALL` sets `optional`; `IN TRANSACTIONS` is recorded but runs in the enclosing transaction.
 */
export interface CallSubquery {
  readonly kind: 'CallSubquery';
  readonly pos: number;
  readonly query: Query;
  readonly optional: boolean;
  /** Undefined without a scope clause; `'*'` for `CALL (*)`. */
  readonly scope: readonly Variable[] | '*' | undefined;
  readonly inTransactions: InTransactions | undefined;
}

/**
 * `IN [n CONCURRENT] TRANSACTIONS [OF e ROWS] [ON ERROR …] [REPORT STATUS AS v]`: the subquery runs for
 * batches of outer rows, each batch in a transaction of its own, committed before the next one starts.
 */
export interface InTransactions {
  readonly batchSize: Expression | undefined;
  /** `n CONCURRENT`: accepted, the batches still run one after another. */
  readonly concurrency: Expression | undefined;
  /** What a failing batch does: fail the query (default), or roll back and go on / stop running batches. */
  readonly onError: 'FAIL' | 'CONTINUE' | 'BREAK';
  /** `ON ERROR RETRY [FOR e SECONDS] [THEN …]`: the seconds (undefined: not retrying, or the default). */
  readonly retry: { readonly seconds: Expression | undefined } | undefined;
  /** `REPORT STATUS AS v`: v gets `{started, committed, transactionId, errorMessage}` per row. */
  readonly reportStatus: Variable | undefined;
}

/** `USE graph`. */
export interface Use {
  readonly kind: 'Use';
  readonly pos: number;
  readonly graph: string;
}

/** `LOAD CSV [WITH HEADERS] FROM url AS row [FIELDTERMINATOR t]`. */
export interface LoadCsv {
  readonly kind: 'LoadCsv';
  readonly pos: number;
  readonly withHeaders: boolean;
  readonly url: Expression;
  readonly variable: Variable;
  readonly fieldTerminator: string | undefined;
}

/** `FINISH`: ends a query without returning anything. */
export interface Finish {
  readonly kind: 'Finish';
  readonly pos: number;
}

/** CREATE/DROP INDEX and CONSTRAINT. */
export type SchemaCommand =
  | {
      readonly kind: 'CreateIndex';
      readonly pos: number;
      readonly name: string | undefined;
      readonly ifNotExists: boolean;
      readonly indexType: 'RANGE' | 'TEXT' | 'POINT' | 'LOOKUP' | 'FULLTEXT' | 'VECTOR';
      readonly entity: 'NODE' | 'RELATIONSHIP';
      readonly variable: string;
      /** Label or relationship type (undefined for a LOOKUP index). */
      readonly label: string | undefined;
      readonly properties: readonly string[];
      readonly options: Expression | undefined;
    }
  | { readonly kind: 'DropIndex'; readonly pos: number; readonly name: string; readonly ifExists: boolean }
  | {
      readonly kind: 'CreateConstraint';
      readonly pos: number;
      readonly name: string | undefined;
      readonly ifNotExists: boolean;
      readonly constraintType: 'UNIQUE' | 'NOT NULL' | 'NODE KEY' | 'RELATIONSHIP KEY' | 'PROPERTY TYPE';
      readonly entity: 'NODE' | 'RELATIONSHIP';
      readonly variable: string;
      readonly label: string;
      readonly properties: readonly string[];
      /** For `IS :: INTEGER` constraints: the type as written, upper-cased. */
      readonly propertyType: string | undefined;
      readonly options: Expression | undefined;
    }
  | {
      readonly kind: 'DropConstraint';
      readonly pos: number;
      readonly name: string;
      readonly ifExists: boolean;
    };

/**
 * `SHOW INDEXES | CONSTRAINTS | PROCEDURES | FUNCTIONS | DATABASES | DATABASE x | TRANSACTIONS | SETTINGS …
 * [YIELD …] [WHERE …] [RETURN …]`, and `TERMINATE TRANSACTIONS 'id', …`.
 */
export interface ShowCommand {
  readonly kind: 'ShowCommand';
  readonly pos: number;
  readonly what: string;
  /** Extra words or names after the keyword (`SHOW DATABASE neo4j`, `TERMINATE TRANSACTIONS 'tx-1'`). */
  readonly target: Expression | undefined;
  readonly yield: YieldClause | undefined;
  readonly where: Expression | undefined;
  /** A RETURN after YIELD. */
  readonly returnClause: Return | undefined;
}

/**
 * `CREATE DATABASE x [IF NOT EXISTS]`, `DROP DATABASE x [IF EXISTS]`, Cypher BEGIN/COMMIT/ROLLBACK, and
 * `DUMP DATABASE` (the current database as Cypher statements, one per record).
 */
export type TransactionCommand =
  | { readonly kind: 'Begin'; readonly pos: number }
  | { readonly kind: 'DumpDatabase'; readonly pos: number }
  | { readonly kind: 'Commit'; readonly pos: number }
  | { readonly kind: 'Rollback'; readonly pos: number }
  | {
      readonly kind: 'CreateDatabase';
      readonly pos: number;
      readonly name: string;
      readonly ifNotExists: boolean;
      readonly orReplace: boolean;
    }
  | {
      readonly kind: 'DropDatabase';
      readonly pos: number;
      readonly name: string;
      readonly ifExists: boolean;
    };
