import { AGGREGATE_FUNCTIONS } from './aggregates.js';
import { COLLECTION_FUNCTIONS } from './collection.js';
import { CONVERSION_FUNCTIONS } from './conversion.js';
import type { AggregateFunctionDefinition, FunctionDefinition } from './function-definition.js';
import { GRAPH_FUNCTIONS } from './graph.js';
import { LIST_FUNCTIONS } from './list.js';
import { LOAD_CSV_FUNCTIONS } from './load-csv.js';
import { MATH_FUNCTIONS } from './math.js';
import { SCALAR_FUNCTIONS } from './scalar.js';
import { SPATIAL_FUNCTIONS } from './spatial.js';
import { STRING_FUNCTIONS } from './string.js';
import { TEMPORAL_FUNCTIONS } from './temporal/index.js';
import { UUID_FUNCTIONS } from './uuid.js';
import { VECTOR_CONSTRUCT_FUNCTIONS } from './vector-construct.js';
import { VECTOR_SIMILARITY_FUNCTIONS } from './vector-similarity.js';

/*
 * The one table of built-in functions, keyed by lower-cased name because Cypher function names are
 * case-insensitive (`toUpper`, `TOUPPER`). Built once at module load.
 */

const ALL: readonly FunctionDefinition[] = [
  ...SCALAR_FUNCTIONS,
  ...GRAPH_FUNCTIONS,
  ...CONVERSION_FUNCTIONS,
  ...LIST_FUNCTIONS,
  ...COLLECTION_FUNCTIONS,
  ...STRING_FUNCTIONS,
  ...MATH_FUNCTIONS,
  ...SPATIAL_FUNCTIONS,
  ...TEMPORAL_FUNCTIONS,
  ...UUID_FUNCTIONS,
  ...VECTOR_SIMILARITY_FUNCTIONS,
  ...VECTOR_CONSTRUCT_FUNCTIONS,
  ...LOAD_CSV_FUNCTIONS,
];

const BY_NAME = new Map<string, FunctionDefinition>(
  ALL.map((definition) => [definition.name.toLowerCase(), definition]),
);
const AGGREGATES_BY_NAME = new Map<string, AggregateFunctionDefinition>(
  AGGREGATE_FUNCTIONS.map((definition) => [definition.name.toLowerCase(), definition]),
);

/** The scalar function called `name` (any case), if it exists. */
export function lookupFunction(name: string): FunctionDefinition | undefined {
  return BY_NAME.get(name.toLowerCase());
}

/** Every scalar function, for SHOW FUNCTIONS, sorted by name. */
export function allFunctions(): readonly FunctionDefinition[] {
  return [...BY_NAME.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The aggregate function called `name` (any case), if it exists. */
export function lookupAggregate(name: string): AggregateFunctionDefinition | undefined {
  return AGGREGATES_BY_NAME.get(name.toLowerCase());
}

/** Every aggregate function, for SHOW FUNCTIONS. */
export function allAggregates(): readonly AggregateFunctionDefinition[] {
  return AGGREGATE_FUNCTIONS;
}

/** Whether `name` (any case) is an aggregate function such as `count` or `collect`. */
export function isAggregateFunction(name: string): boolean {
  return AGGREGATES_BY_NAME.has(name.toLowerCase());
}
