/**
 * cypher: the front end of the query language. Inputs: query text. Outputs: the openCypher AST (`ast/`),
 * syntax errors with positions (`parse`) and the scoping, binding, aggregation and type rules with the
 * TCK's error details (`analyze`).
 * Must not know: storage, plans, execution, Bolt.
 */
export type * from './ast/index.js';
export { labelLeaves, type LabelLeaf } from './semantic/label-leaves.js';
export { parse } from './parser/parse.js';
export { isConstantLiteral } from './parser/constant-literals.js';
export { analyze, type AnalyzedStatement } from './semantic/analyze.js';
export { printExpression, printClause, printStatement, printOrdering } from './printer/index.js';
