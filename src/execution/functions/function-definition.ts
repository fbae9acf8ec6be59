import type { CypherValue } from '../../values/index.js';
import type { ExecutionContext } from '../runtime/context.js';

/**
 * A scalar built-in function (`toUpper`, `date.truncate`, …). `name` is the canonical spelling (the one
 * `SHOW FUNCTIONS` lists); lookups are case-insensitive. Arguments arrive evaluated; most functions return
 * null for a null argument, and throw `CypherTypeError` (detail `InvalidArgumentType`) /
 * `CypherArgumentError` (detail `InvalidArgumentValue`, `NumberOutOfRange`, …) as the TCK expects.
 */
export interface FunctionDefinition {
  readonly name: string;
  readonly minArgs: number;
  readonly maxArgs: number;
  /** Signature text for SHOW FUNCTIONS, e.g. `toUpper(input :: STRING) :: STRING`. */
  readonly signature: string;
  readonly description: string;
  readonly category:
    | 'Scalar'
    | 'String'
    | 'List'
    | 'Numeric'
    | 'Logarithmic'
    | 'Trigonometric'
    | 'Predicate'
    | 'Temporal'
    | 'Spatial'
    | 'Graph'
    | 'Vector'
    | 'Other';
  /** False for `rand()`, `randomUUID()`, clock functions that read `realtime`. */
  readonly deterministic: boolean;
  call(args: readonly CypherValue[], context: ExecutionContext): CypherValue;
}

/**
 * One group of an aggregation (`count`, `sum`, `avg`, `min`, `max`, `collect`, `stDev`, `stDevP`,
 * `percentileCont`, `percentileDisc`). `add` receives the evaluated arguments of one row (for DISTINCT the
 * operator or the aggregator filters duplicates by `hashKey`); `result` is called once at the end.
 */
export interface Aggregator {
  add(args: readonly CypherValue[]): void;
  /**
   * Optional column-at-a-time form of `add` for one-argument aggregates: the same as calling `add([value])`
   * for `values[0..count)`, in one tight loop (the fused scan aggregation feeds whole batches).
   */
  addValues?(values: readonly CypherValue[], count: number): void;
  result(): CypherValue;
}

export interface AggregateFunctionDefinition {
  readonly name: string;
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly signature: string;
  readonly description: string;
  create(distinct: boolean): Aggregator;
}
