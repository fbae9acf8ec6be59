/** The openCypher abstract syntax tree: the contract between the parser and every later stage. */
export type * from './expressions.js';
export type * from './patterns.js';
export type * from './statements.js';
export type * from './cypher-types.js';
