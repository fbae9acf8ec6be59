/**
 * planner: turns an analyzed statement into a plan: logical operators, named rewrite rules, then the
 * physical plan with Neo4j's operator names and slot numbers, and its EXPLAIN description.
 * Inputs: the AST from cypher, a `CatalogView` (labels, indexes, counts) implemented by the engine.
 * Outputs: `QueryPlan`, which execution runs. Must not know: execution internals, storage, Bolt.
 */
export type * from '../cypher/ast/index.js';
