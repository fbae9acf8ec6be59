import type { CypherMap } from '../../values/index.js';

/**
 * What a SHOW command lists before YIELD/WHERE/RETURN: every column (`YIELD *`), the default ones (no YIELD)
 * and one map per row holding all columns.
 */
export interface ShowTable {
  readonly columns: readonly string[];
  readonly defaults: readonly string[];
  readonly rows: readonly CypherMap[];
}

/** Builds a table whose full column list is the defaults followed by `extra`. */
export function showTable(
  defaults: readonly string[],
  extra: readonly string[],
  rows: readonly CypherMap[],
): ShowTable {
  return { columns: [...defaults, ...extra], defaults, rows };
}

/** Orders rows by a string column, as Neo4j lists SHOW output by name. */
export function byName<T extends { readonly name: string }>(a: T, b: T): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
