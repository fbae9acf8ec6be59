import type { TokenRegistries } from '../../storage/index.js';
import type { CypherValue } from '../../values/index.js';
import { renderName, renderValue } from './cypher-literal.js';
import type { DumpReader } from './dump-reader.js';
import { nodeStatement, relationshipStatement } from './dump-statements.js';

/**
 * BYTES has no Cypher literal and no Cypher function builds it, so a BYTES property travels as a shell
 * parameter: `:param __quiver_bytes_0 => [0, 1, 255]` (the bytes as integers 0 to 255) before the statement
 * that uses `$__quiver_bytes_0`. cypher-shell evaluates the list on the server and sends it back as a
 * parameter; `quiver load` and `quiver shell` turn a list parameter with this prefix back into BYTES (see
 * `restoreDumpBytes` in src/shell/parameters.ts, which must keep the same prefix).
 */
export const BYTES_PARAMETER_PREFIX = '__quiver_bytes_';

/**
 * One dumped node or relationship: a row for the batch of its labels or type (`target`, rendered), or,
 * when it holds BYTES, records of its own (the `:param` commands and one statement using them).
 * Relationship rows without properties go to batches of their own (`hasProperties` false), which need no
 * SET clause.
 */
export type DumpedEntity =
  | { readonly kind: 'ROW'; readonly target: string; readonly row: string; readonly hasProperties: boolean }
  | { readonly kind: 'ALONE'; readonly records: readonly string[] };

/** The rendered property entries of an entity and its BYTES values (which need parameters). */
interface Properties {
  readonly entries: string[];
  readonly parameters: string[];
}

function collect(
  tokens: TokenRegistries,
  visit: (callback: (key: number, value: CypherValue) => void) => void,
): Properties {
  const properties: Properties = { entries: [], parameters: [] };
  visit((key, value) => {
    const name = renderName(tokens.propertyKeys.nameOf(key));
    if (value instanceof Uint8Array) {
      const parameter = `${BYTES_PARAMETER_PREFIX}${String(properties.parameters.length)}`;
      properties.parameters.push(`:param ${parameter} => [${value.join(', ')}]`);
      properties.entries.push(`${name}: $${parameter}`);
      return;
    }
    // What Cypher cannot construct at all (VECTOR) is left out; see renderValue.
    const text = renderValue(value);
    if (text !== undefined) properties.entries.push(`${name}: ${text}`);
  });
  return properties;
}

/** Node `id` as a batch row `{_id: 7, properties: {…}}` for its labels, or on its own with BYTES. */
export function dumpNode(reader: DumpReader, tokens: TokenRegistries, id: number): DumpedEntity {
  const labels = [...reader.nodeLabels(id)]
    .map((label) => `:${renderName(tokens.labels.nameOf(label))}`)
    .sort()
    .join('');
  const { entries, parameters } = collect(tokens, (visit) => {
    reader.forEachNodeProperty(id, visit);
  });
  if (parameters.length > 0) {
    return { kind: 'ALONE', records: [...parameters, nodeStatement(labels, id, entries)] };
  }
  const row = `{_id: ${String(id)}, properties: {${entries.join(', ')}}}`;
  return { kind: 'ROW', target: labels, row, hasProperties: true };
}

/** Relationship `id` as a batch row `{start: 1, end: 2, properties: {…}}` for its type, or alone. */
export function dumpRelationship(reader: DumpReader, tokens: TokenRegistries, id: number): DumpedEntity {
  const type = renderName(tokens.relationshipTypes.nameOf(reader.relationshipType(id)));
  const start = reader.relationshipStart(id);
  const end = reader.relationshipEnd(id);
  const { entries, parameters } = collect(tokens, (visit) => {
    reader.forEachRelationshipProperty(id, visit);
  });
  if (parameters.length > 0) {
    return { kind: 'ALONE', records: [...parameters, relationshipStatement(type, start, end, entries)] };
  }
  const hasProperties = entries.length > 0;
  const properties = hasProperties ? `, properties: {${entries.join(', ')}}` : '';
  return {
    kind: 'ROW',
    target: type,
    row: `{start: ${String(start)}, end: ${String(end)}${properties}}`,
    hasProperties,
  };
}
