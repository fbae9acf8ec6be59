import { define } from './define.js';
import type { FunctionDefinition } from './function-definition.js';

/**
 * `linenumber()` and `file()` (Cypher manual, "LOAD CSV functions"). Inside a LOAD CSV scope the planner
 * replaces each call by a read of the hidden variable the `LoadCSV` operator binds per row, so the value
 * travels with the row (through Eager, sorting, subqueries) and always names the most recent LOAD CSV.
 * What is left to call here is a call without a LOAD CSV context, which the manual says returns null.
 */
export const LOAD_CSV_FUNCTIONS: readonly FunctionDefinition[] = [
  define({
    name: 'linenumber',
    signature: 'linenumber() :: INTEGER',
    description: 'Returns the line number that LOAD CSV is currently using.',
    category: 'Scalar',
    call: () => null,
  }),
  define({
    name: 'file',
    signature: 'file() :: STRING',
    description: 'Returns the absolute path of the file that LOAD CSV is using.',
    category: 'Scalar',
    call: () => null,
  }),
];
