/**
 * Names the dump statements use (engine/dump's dump-statements.ts and dump-entities.ts, where they are
 * defined; repeated here only to explain them, and test/dump-load checks a real dump against this text).
 */
const DUMP_LABEL = '__QuiverDumpNode';
const DUMP_KEY = '__quiver_dump_id';
const BYTES_PARAMETER_PREFIX = '__quiver_bytes_';

/**
 * The comment lines that open a Cypher dump file (`quiver dump` writes them; `DUMP DATABASE` records are
 * statements and commands only): what the script does and how BYTES values travel. Each line starts with
 * `//`, so every shell skips them.
 */
export function dumpHeader(database: string | undefined): string[] {
  return [
    `// Quiver Cypher dump of database ${database ?? '(home)'} (DUMP DATABASE). Replay it with quiver load,`,
    '// quiver shell -f or cypher-shell: one statement per line, ending in ";".',
    '// Order: indexes and constraints, a temporary index, nodes, relationships, cleanup. Nodes and',
    '// relationships come in batches: UNWIND [{…}, …] AS row CREATE …, one statement per label set or',
    `// relationship type. Every node carries a temporary label :${DUMP_LABEL} and key ${DUMP_KEY}`,
    '// while the script runs, so relationships find their endpoints; the last statements remove both.',
    '// Cypher has no literal for BYTES: such a value is set through a parameter, a line',
    `// ":param ${BYTES_PARAMETER_PREFIX}N => [0, 1, …, 255]" (the bytes as integers) before the statement`,
    `// that uses $${BYTES_PARAMETER_PREFIX}N. quiver load and quiver shell turn these parameters back into`,
    '// BYTES; cypher-shell sends the list of integers as it is, so another server stores a LIST<INTEGER>.',
    '// VECTOR properties are not dumped.',
  ];
}
