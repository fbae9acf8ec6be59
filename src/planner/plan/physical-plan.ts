import type { Expression } from '../../cypher/index.js';

/**
 * The physical plan: a tree of operators with Neo4j's names, each reading the rows of its `source` (leaves
 * read an `Argument`: the one row handed to the plan, or to the right side of an Apply, per outer row).
 * Variables live in slots of the row (numbers assigned by the planner, unique per variable binding within
 * one query plan, subplans included). Expressions travel with the scope they are compiled in.
 */
export type PhysicalPlan =
  | ArgumentOp
  | AllNodesScanOp
  | NodeCountFromCountStoreOp
  | NodeByLabelScanOp
  | NodeIndexSeekOp
  | NodeByIdSeekOp
  | RelationshipIndexSeekOp
  | ExpandOp
  | VarLengthExpandOp
  | TrailOp
  | ShortestPathOp
  | PathSelectionOp
  | FilterOp
  | ProjectionOp
  | ProjectPathOp
  | AggregationOp
  | DistinctOp
  | SortOp
  | TopOp
  | SkipOp
  | LimitOp
  | UnwindOp
  | LoadCsvOp
  | ApplyOp
  | TransactionApplyOp
  | UnionOp
  | ProduceResultsOp
  | EmptyResultOp
  | EagerOp
  | CreateOp
  | MergeOp
  | SetOp
  | DeleteOp
  | ForeachOp
  | ProcedureCallOp;

/** Names visible at a point of the plan and their slots. */
export interface PlanScope {
  readonly slots: ReadonlyMap<string, number>;
  /**
   * Slots reserved for the local variables of comprehensions, quantifiers and reduce in the expression
   * (by name), so that subplans nested in them can read the local: `declareLocal(name)` must use these.
   */
  readonly locals?: ReadonlyMap<string, number>;
}

/** An expression and the scope to compile it in. */
export interface PlanExpression {
  readonly expression: Expression;
  readonly scope: PlanScope;
}

export interface ArgumentOp {
  readonly kind: 'Argument';
}

export interface AllNodesScanOp {
  readonly kind: 'AllNodesScan';
  readonly source: PhysicalPlan;
  readonly slot: number;
  readonly variable: string;
}

/**
 * `MATCH (n[:Label]) RETURN count(n)` (count(*) or count of the scanned variable, nothing else): the number
 * of nodes (with the label) the transaction sees, counted without producing a row per node (Neo4j's
 * operator name; see the CountFromCountStore rewrite rule).
 */
export interface NodeCountFromCountStoreOp {
  readonly kind: 'NodeCountFromCountStore';
  readonly source: PhysicalPlan;
  /** The slot of every count aggregate (all have the same value). */
  readonly slots: readonly number[];
  readonly label: string | undefined;
  /** What each slot counts (`count(n)`, `count(*)`), for EXPLAIN. */
  readonly texts: readonly string[];
}

export interface NodeByLabelScanOp {
  readonly kind: 'NodeByLabelScan';
  readonly source: PhysicalPlan;
  readonly slot: number;
  readonly variable: string;
  readonly label: string;
}

/**
 * An index query whose values are expressions evaluated per input row. On a composite index, EQUALS holds
 * one value per leading property (all of them, or a prefix); the other kinds constrain the first property.
 * Entities of a composite index have every indexed property, so the properties the query leaves open are
 * still known to exist (EXPLAIN prints them as `IS NOT NULL`).
 */
export type SeekQuery =
  | { readonly kind: 'EQUALS'; readonly values: readonly PlanExpression[] }
  | { readonly kind: 'PREFIX'; readonly value: PlanExpression }
  /** `CONTAINS` / `ENDS WITH`: a scan of a TEXT index's entries. */
  | { readonly kind: 'CONTAINS' | 'SUFFIX'; readonly value: PlanExpression }
  | {
      readonly kind: 'RANGE';
      readonly lower: { readonly value: PlanExpression; readonly inclusive: boolean } | undefined;
      readonly upper: { readonly value: PlanExpression; readonly inclusive: boolean } | undefined;
    }
  | { readonly kind: 'EXISTS' };

/**
 * A seek in a node property index (Neo4j's NodeIndexSeek, NodeIndexSeekByRange, NodeIndexScan and their
 * unique forms): the nodes with `label` whose indexed properties match `query`. The seek is exact: the
 * predicates it solves are not filtered again.
 */
export interface NodeIndexSeekOp {
  readonly kind: 'NodeIndexSeek';
  readonly source: PhysicalPlan;
  readonly slot: number;
  readonly variable: string;
  readonly index: string;
  readonly label: string;
  /** The index's properties, in index order. */
  readonly properties: readonly string[];
  readonly query: SeekQuery;
  /** The index backs a uniqueness constraint (EXPLAIN names only). */
  readonly unique: boolean;
  /** A TEXT index (EXPLAIN names only). */
  readonly text?: boolean;
}

/**
 * A seek in a relationship property index (Neo4j's DirectedRelationshipIndexSeek and
 * UndirectedRelationshipIndexSeek, ByRange and Scan forms): binds the relationship and both end nodes.
 * Directed: `start`/`end` slots get the relationship's start/end node. Undirected: each relationship is
 * yielded both ways round (a self-loop once, as Expand does). When `start` and `end` are the same slot
 * (`(a)-[r]->(a)`), only self-loops match.
 */
export interface RelationshipIndexSeekOp {
  readonly kind: 'RelationshipIndexSeek';
  readonly source: PhysicalPlan;
  readonly relationship: number;
  readonly start: number;
  readonly end: number;
  /** The pattern's names left to right and its direction, for EXPLAIN. */
  readonly names: readonly [string, string, string];
  readonly direction: RelDirection;
  readonly index: string;
  readonly type: string;
  readonly properties: readonly string[];
  readonly query: SeekQuery;
  readonly unique: boolean;
  /** A TEXT index (EXPLAIN names only). */
  readonly text?: boolean;
  /** Relationship slots of the same MATCH this relationship must differ from. */
  readonly distinctFrom: readonly number[];
}

/** `WHERE id(n) = x`, `id(n) IN list`, `elementId(n) = x`. */
export interface NodeByIdSeekOp {
  readonly kind: 'NodeByIdSeek';
  readonly source: PhysicalPlan;
  readonly slot: number;
  readonly variable: string;
  readonly ids: PlanExpression;
  readonly single: boolean;
  readonly elementIds: boolean;
}

export type RelDirection = 'OUTGOING' | 'INCOMING' | 'BOTH';

/** Expand(All) binds `to`; Expand(Into) (`into`) checks a relationship to the already bound `to`. */
export interface ExpandOp {
  readonly kind: 'Expand';
  readonly source: PhysicalPlan;
  readonly from: number;
  readonly relationship: number;
  readonly to: number;
  readonly names: readonly [string, string, string];
  readonly direction: RelDirection;
  readonly types: readonly string[];
  readonly into: boolean;
  /** The relationship variable was bound by an earlier clause: only that relationship matches. */
  readonly relationshipBound: boolean;
  /** Relationship slots (single or lists) of the same MATCH this relationship must differ from. */
  readonly distinctFrom: readonly number[];
}

/** `-[r:T*min..max {props}]->`: a trail (no relationship twice) of min..max hops; `relationship` gets the list. */
export interface VarLengthExpandOp {
  readonly kind: 'VarLengthExpand';
  readonly source: PhysicalPlan;
  readonly from: number;
  readonly relationship: number;
  readonly to: number;
  readonly names: readonly [string, string, string];
  readonly direction: RelDirection;
  readonly types: readonly string[];
  readonly min: number;
  readonly max: number | undefined;
  readonly into: boolean;
  /** Property equalities every relationship of the path must satisfy (a map expression). */
  readonly properties: PlanExpression | undefined;
  readonly distinctFrom: readonly number[];
  /** Expanded from the pattern's right end: the bound list is reversed to pattern order. */
  readonly reversed: boolean;
  /** The relationship list was bound earlier: the path must follow exactly those relationships. */
  readonly relationshipBound: boolean;
}

/**
 * A quantified path pattern (Neo4j's `Repeat(Trail)`): from the node in `from`, `inner` (one iteration of
 * the repeated chain, reading its first node from `innerStart`) is run again from each iteration's last
 * node (`innerEnd`), min..max times, no relationship twice (nor one of `distinctFrom`). Binds the end node
 * (or, `into`, checks it), each group variable to the list of its values per iteration, and `relationships`
 * to every relationship walked, in pattern order (for paths and relationship uniqueness).
 */
export interface TrailOp {
  readonly kind: 'Trail';
  readonly source: PhysicalPlan;
  readonly inner: PhysicalPlan;
  readonly from: number;
  readonly to: number;
  readonly into: boolean;
  readonly innerStart: number;
  readonly innerEnd: number;
  /** The slots of one iteration's relationships, in the order the iteration walks them. */
  readonly innerRelationships: readonly number[];
  readonly groups: readonly { readonly name: string; readonly inner: number; readonly outer: number }[];
  readonly relationships: number;
  readonly min: number;
  readonly max: number | undefined;
  readonly distinctFrom: readonly number[];
  /** Expanded from the pattern's right end: lists are reversed to pattern order when bound. */
  readonly reversed: boolean;
  /** The start node, the relationship list and the end node (for EXPLAIN). */
  readonly names: readonly [string, string, string];
  /** The quantified path pattern as written, for EXPLAIN. */
  readonly text: string;
}

/** shortestPath / allShortestPaths between two bound nodes (BFS); binds `path` and `relationship`. */
export interface ShortestPathOp {
  readonly kind: 'ShortestPath';
  readonly source: PhysicalPlan;
  readonly from: number;
  readonly to: number;
  readonly relationship: number;
  readonly path: number;
  readonly direction: RelDirection;
  readonly types: readonly string[];
  readonly min: number;
  readonly max: number | undefined;
  readonly all: boolean;
  /**
   * Planned for a GQL selector (`SHORTEST 1`, `ALL SHORTEST`): from a node to itself it searches the
   * shortest trails back, where the functions accept only the path of length 0.
   */
  readonly selector: boolean;
  readonly properties: PlanExpression | undefined;
  /** Predicates on the whole path, evaluated with `path` and `relationship` bound. */
  readonly predicate: PlanExpression | undefined;
  readonly optional: boolean;
  readonly text: string;
}

/**
 * A GQL path selector over the rows of `source` (all the paths one input row matches, in `path`): per pair
 * of first and last node, `SHORTEST` keeps the `count` shortest paths, `SHORTEST GROUPS` those whose length
 * is one of the `count` smallest, `ANY` the first `count`.
 */
export interface PathSelectionOp {
  readonly kind: 'PathSelection';
  readonly source: PhysicalPlan;
  readonly path: number;
  readonly selector: 'SHORTEST' | 'SHORTEST GROUPS' | 'ANY';
  readonly count: PlanExpression;
}

export interface FilterOp {
  readonly kind: 'Filter';
  readonly source: PhysicalPlan;
  readonly predicate: PlanExpression;
}

export interface ProjectionItemPlan {
  readonly slot: number;
  readonly name: string;
  readonly value: PlanExpression;
}

export interface ProjectionOp {
  readonly kind: 'Projection';
  readonly source: PhysicalPlan;
  readonly items: readonly ProjectionItemPlan[];
}

/** Builds a named path from node slots and relationship slots (`list` for variable-length ones). */
export interface ProjectPathOp {
  readonly kind: 'ProjectPath';
  readonly source: PhysicalPlan;
  readonly slot: number;
  readonly variable: string;
  readonly start: number;
  readonly steps: readonly { readonly relationship: number; readonly list: boolean; readonly node: number }[];
}

export interface AggregateCall {
  readonly slot: number;
  readonly name: string;
  readonly distinct: boolean;
  readonly args: readonly PlanExpression[];
  readonly text: string;
}

export interface AggregationOp {
  readonly kind: 'EagerAggregation';
  readonly source: PhysicalPlan;
  readonly groupings: readonly ProjectionItemPlan[];
  readonly aggregates: readonly AggregateCall[];
}

export interface DistinctOp {
  readonly kind: 'Distinct';
  readonly source: PhysicalPlan;
  readonly slots: readonly number[];
  readonly names: readonly string[];
}

export interface SortKey {
  readonly value: PlanExpression;
  readonly descending: boolean;
  readonly text: string;
}

export interface SortOp {
  readonly kind: 'Sort';
  readonly source: PhysicalPlan;
  readonly keys: readonly SortKey[];
}

export interface TopOp {
  readonly kind: 'Top';
  readonly source: PhysicalPlan;
  /** Pull every input row even when fewer are kept (earlier clauses write: all their writes happen). */
  readonly drain: boolean;
  readonly keys: readonly SortKey[];
  /** The LIMIT expression; with `skip`, Top keeps skip + limit rows and Skip follows it. */
  readonly limit: PlanExpression;
  readonly skip: PlanExpression | undefined;
}

export interface SkipOp {
  readonly kind: 'Skip';
  readonly source: PhysicalPlan;
  readonly count: PlanExpression;
}

export interface LimitOp {
  readonly kind: 'Limit';
  readonly source: PhysicalPlan;
  readonly count: PlanExpression;
  /** Pull every input row after the last one returned (earlier clauses write: all their writes happen). */
  readonly drain: boolean;
}

export interface UnwindOp {
  readonly kind: 'Unwind';
  readonly source: PhysicalPlan;
  readonly slot: number;
  readonly variable: string;
  readonly list: PlanExpression;
}

/**
 * LOAD CSV (Neo4j's `LoadCSV` operator): per input row, evaluates `url`, reads that file lazily and yields
 * one row per record with `slot` bound to a LIST<STRING> (no headers) or a MAP<STRING, STRING> keyed by the
 * header record. `lineSlot` and `fileSlot` hold what `linenumber()` and `file()` return for the row (hidden
 * variables the planner resolves those calls to).
 */
export interface LoadCsvOp {
  readonly kind: 'LoadCSV';
  readonly source: PhysicalPlan;
  readonly slot: number;
  readonly variable: string;
  readonly url: PlanExpression;
  readonly withHeaders: boolean;
  /** One character; `,` unless FIELDTERMINATOR says otherwise. */
  readonly fieldTerminator: string;
  readonly lineSlot: number;
  readonly fileSlot: number;
}

/**
 * For each row of `left`, runs `right` with that row as its argument. `INNER` yields right's rows;
 * `OPTIONAL` yields the argument with `nullSlots` set to null when right yields nothing; `UNIT` drains right
 * (a unit subquery or FOREACH-like side effect) and yields the left row once; `SEMI`/`ANTI` keep the left
 * row when right yields at least one / no row.
 */
export interface ApplyOp {
  readonly kind: 'Apply';
  readonly left: PhysicalPlan;
  readonly right: PhysicalPlan;
  readonly mode: 'INNER' | 'OPTIONAL' | 'UNIT';
  readonly nullSlots: readonly number[];
  /** `CartesianProduct` when right does not depend on left (EXPLAIN naming only). */
  readonly label: 'Apply' | 'CartesianProduct' | 'Optional' | 'SubqueryCall';
}

/**
 * `CALL { … } IN TRANSACTIONS` (Neo4j's TransactionForeach, or TransactionApply when the subquery returns
 * rows): the rows of `left` in batches, `right` run for each row of a batch inside a transaction of its
 * own that commits before the next batch starts. A unit subquery yields each left row once.
 */
export interface TransactionApplyOp {
  readonly kind: 'TransactionApply';
  readonly left: PhysicalPlan;
  readonly right: PhysicalPlan;
  readonly unit: boolean;
  /** Rows per batch (default 1000), evaluated once. */
  readonly batchSize: PlanExpression | undefined;
  readonly onError: 'FAIL' | 'CONTINUE' | 'BREAK';
  /** The slot of `REPORT STATUS AS v`. */
  readonly status: number | undefined;
  /** The subquery's columns: null on the rows of a batch that failed or never ran (CONTINUE, BREAK). */
  readonly nullSlots: readonly number[];
}

/** Rows of `left` then rows of `right` (both already shaped as output rows). */
export interface UnionOp {
  readonly kind: 'Union';
  readonly left: PhysicalPlan;
  readonly right: PhysicalPlan;
}

/** The root of a query returning rows: output row i = slot `slots[i]`. */
export interface ProduceResultsOp {
  readonly kind: 'ProduceResults';
  readonly source: PhysicalPlan;
  readonly slots: readonly number[];
  readonly columns: readonly string[];
}

/** Drains its source and returns no rows (write queries without RETURN). */
export interface EmptyResultOp {
  readonly kind: 'EmptyResult';
  readonly source: PhysicalPlan;
}

/** Materializes all rows of its source before yielding the first (read/write barrier). */
export interface EagerOp {
  readonly kind: 'Eager';
  readonly source: PhysicalPlan;
}

export interface CreateNodeSpec {
  readonly slot: number;
  readonly variable: string;
  readonly labels: readonly string[];
  /** `$(…)` labels, evaluated per row to a STRING or LIST<STRING> (Neo4j 5.26 dynamic labels). */
  readonly dynamicLabels: readonly PlanExpression[];
  readonly properties: PlanExpression | undefined;
}

export interface CreateRelationshipSpec {
  readonly slot: number;
  readonly variable: string;
  readonly start: number;
  readonly end: number;
  /** The type; empty when `dynamicType` gives it. */
  readonly type: string;
  /** `:$(expression)`: the type the expression evaluates to, per row. */
  readonly dynamicType: PlanExpression | undefined;
  readonly properties: PlanExpression | undefined;
}

export interface CreateSpec {
  readonly nodes: readonly CreateNodeSpec[];
  readonly relationships: readonly CreateRelationshipSpec[];
  /** Named path of a MERGE/CREATE pattern. */
  readonly path: ProjectPathOp | undefined;
}

export interface CreateOp extends CreateSpec {
  readonly kind: 'Create';
  readonly source: PhysicalPlan;
}

/** One SET or REMOVE item. */
export type SetItemPlan =
  | {
      readonly kind: 'SetProperty';
      readonly subject: PlanExpression;
      readonly key: string;
      readonly value: PlanExpression;
    }
  | { readonly kind: 'SetAllProperties'; readonly subject: PlanExpression; readonly value: PlanExpression }
  | { readonly kind: 'MergeProperties'; readonly subject: PlanExpression; readonly value: PlanExpression }
  | {
      readonly kind: 'SetLabels';
      readonly subject: PlanExpression;
      readonly labels: readonly string[];
      /** `$(…)` labels, evaluated per row. */
      readonly dynamicLabels: readonly PlanExpression[];
    }
  | { readonly kind: 'RemoveProperty'; readonly subject: PlanExpression; readonly key: string }
  | {
      readonly kind: 'RemoveLabels';
      readonly subject: PlanExpression;
      readonly labels: readonly string[];
      /** `$(…)` labels, evaluated per row. */
      readonly dynamicLabels: readonly PlanExpression[];
    };

export interface SetOp {
  readonly kind: 'Set';
  readonly source: PhysicalPlan;
  readonly items: readonly SetItemPlan[];
}

/** MERGE: per row, the rows of `match` (run with the row as argument), else one row made by `create`. */
export interface MergeOp {
  readonly kind: 'Merge';
  readonly source: PhysicalPlan;
  readonly match: PhysicalPlan;
  readonly create: CreateSpec;
  readonly onMatch: readonly SetItemPlan[];
  readonly onCreate: readonly SetItemPlan[];
  readonly text: string;
}

export interface DeleteOp {
  readonly kind: 'Delete';
  readonly source: PhysicalPlan;
  readonly detach: boolean;
  readonly values: readonly PlanExpression[];
}

/** FOREACH: per row and list element (bound to `slot`), drains `body` (an Argument-rooted write plan). */
export interface ForeachOp {
  readonly kind: 'Foreach';
  readonly source: PhysicalPlan;
  readonly slot: number;
  readonly variable: string;
  readonly list: PlanExpression;
  readonly body: PhysicalPlan;
}

export interface ProcedureCallOp {
  readonly kind: 'ProcedureCall';
  readonly source: PhysicalPlan;
  readonly name: string;
  /** Undefined: implicit arguments, taken from the parameters named like the inputs. */
  readonly args: readonly PlanExpression[] | undefined;
  readonly yields: readonly { readonly field: string; readonly slot: number; readonly name: string }[];
  /** A VOID procedure (no outputs): yields its input row unchanged. */
  readonly isVoid: boolean;
}
