/**
 * The header line of a neo4j-admin import file: one entry per column, `name`, `name:type`, `name:type[]`,
 * `name:ID(Group)`, `:LABEL`, `:START_ID(Group)`, `:END_ID(Group)`, `:TYPE` or `:IGNORE`, optionally with a
 * `{key: value}` configuration (`time{timezone: Europe/Stockholm}`, `point{crs: WGS-84}`).
 */
import { DatabaseError, Status } from '../../errors/index.js';
import { parseMapLiteral, type MapLiteral } from './map-literal.js';

/** Property value types of neo4j-admin headers. */
export const VALUE_TYPES = [
  'int',
  'long',
  'float',
  'double',
  'boolean',
  'byte',
  'short',
  'char',
  'string',
  'date',
  'localtime',
  'time',
  'localdatetime',
  'datetime',
  'duration',
  'point',
] as const;

export type ValueType = (typeof VALUE_TYPES)[number];

/** The id space an `:ID`, `:START_ID` or `:END_ID` column belongs to (`''`: the global one). */
export type IdGroupName = string;

/** One header column. */
export type Column =
  | {
      readonly kind: 'property';
      readonly name: string;
      readonly type: ValueType;
      readonly array: boolean;
      readonly config: MapLiteral;
    }
  | { readonly kind: 'id'; readonly name: string | undefined; readonly group: IdGroupName }
  | { readonly kind: 'label' }
  | { readonly kind: 'start'; readonly group: IdGroupName }
  | { readonly kind: 'end'; readonly group: IdGroupName }
  | { readonly kind: 'type' }
  | { readonly kind: 'ignore' };

/** What a file describes. */
export type EntityKind = 'node' | 'relationship';

/** A parsed header: the columns in file order. */
export interface Header {
  readonly columns: readonly Column[];
}

const ENTRY = /^(.*?):([A-Za-z_]+)(\[\])?(?:\(([^)]*)\))?(?:\{(.*)\})?$/s;
const SPECIAL = new Set(['ID', 'LABEL', 'START_ID', 'END_ID', 'TYPE', 'IGNORE']);
const VALUE_TYPE_SET = new Set<string>(VALUE_TYPES);

function headerError(source: string, message: string): DatabaseError {
  return new DatabaseError(Status.ArgumentError, `Invalid header in ${source}: ${message}`);
}

/**
 * Parses the header fields of a node or relationship file.
 * @throws DatabaseError (ArgumentError) naming `source` for an unknown type, a column that does not fit the
 * kind of file, a repeated property name, or a relationship file without `:START_ID` and `:END_ID`.
 */
export function parseHeader(
  fields: readonly (string | undefined)[],
  entity: EntityKind,
  source: string,
): Header {
  const columns = fields.map((field) => parseEntry(field ?? '', source));
  const count = (kind: Column['kind']): number => columns.filter((column) => column.kind === kind).length;
  const names = new Set<string>();
  for (const column of columns) {
    const name = column.kind === 'property' ? column.name : column.kind === 'id' ? column.name : undefined;
    if (name === undefined) continue;
    if (names.has(name)) throw headerError(source, `property '${name}' appears twice`);
    names.add(name);
  }
  if (entity === 'node') {
    for (const kind of ['start', 'end', 'type'] as const) {
      if (count(kind) > 0) throw headerError(source, `a node file cannot have a :${special(kind)} column`);
    }
    if (count('id') > 1) throw headerError(source, 'a node file has at most one :ID column');
  } else {
    for (const kind of ['id', 'label'] as const) {
      if (count(kind) > 0) {
        throw headerError(source, `a relationship file cannot have a :${special(kind)} column`);
      }
    }
    for (const kind of ['start', 'end'] as const) {
      if (count(kind) !== 1) {
        throw headerError(source, `a relationship file needs exactly one :${special(kind)} column`);
      }
    }
    if (count('type') > 1) throw headerError(source, 'a relationship file has at most one :TYPE column');
  }
  return { columns };
}

function special(kind: 'id' | 'label' | 'start' | 'end' | 'type'): string {
  return kind === 'start' ? 'START_ID' : kind === 'end' ? 'END_ID' : kind.toUpperCase();
}

function parseEntry(entry: string, source: string): Column {
  const match = ENTRY.exec(entry);
  if (match === null) return plainProperty(entry, source);
  const [, rawName = '', rawType = '', arrayMark, group, config] = match;
  const name = rawName.trim();
  const upper = rawType.toUpperCase();
  if (SPECIAL.has(upper)) {
    if (arrayMark !== undefined) throw headerError(source, `'${entry}': :${upper} cannot be an array`);
    return specialColumn(upper, name, group?.trim() ?? '', entry, source);
  }
  const type = rawType.toLowerCase();
  if (!VALUE_TYPE_SET.has(type)) throw headerError(source, `'${entry}': unknown type '${rawType}'`);
  if (group !== undefined) throw headerError(source, `'${entry}': only id columns take a (group)`);
  if (name === '') throw headerError(source, `'${entry}': a property column needs a name`);
  return {
    kind: 'property',
    name,
    type: type as ValueType,
    array: arrayMark !== undefined,
    config: config === undefined ? {} : parseConfig(config, entry, source),
  };
}

function plainProperty(entry: string, source: string): Column {
  const name = entry.trim();
  if (name === '') throw headerError(source, 'a column has no name (use :IGNORE to skip a column)');
  return { kind: 'property', name, type: 'string', array: false, config: {} };
}

function specialColumn(upper: string, name: string, group: string, entry: string, source: string): Column {
  if (upper !== 'ID' && upper !== 'START_ID' && upper !== 'END_ID' && group !== '') {
    throw headerError(source, `'${entry}': only id columns take a (group)`);
  }
  switch (upper) {
    case 'ID':
      return { kind: 'id', name: name === '' ? undefined : name, group };
    case 'START_ID':
      return { kind: 'start', group };
    case 'END_ID':
      return { kind: 'end', group };
    case 'LABEL':
      return { kind: 'label' };
    case 'TYPE':
      return { kind: 'type' };
    default:
      return { kind: 'ignore' };
  }
}

function parseConfig(text: string, entry: string, source: string): MapLiteral {
  try {
    return parseMapLiteral(`{${text}}`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw headerError(source, `'${entry}': ${reason}`);
  }
}
