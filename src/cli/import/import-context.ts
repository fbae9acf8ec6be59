import type { CypherValue } from '../../values/index.js';
import type { BadRows } from './bad-rows.js';
import type { CsvRecord } from './csv-record.js';
import { checkStorable, type GraphLoader } from './graph-loader.js';
import type { Column } from './header.js';
import type { IdSpaces } from './id-spaces.js';
import { converterFor, type Converter, type ValueOptions } from './value-converters.js';

/** What every input group of one import shares. */
export interface ImportContext {
  readonly loader: GraphLoader;
  readonly ids: IdSpaces;
  readonly badRows: BadRows;
  readonly values: ValueOptions;
  readonly counters: ImportCounters;
}

/** Running totals (and the next dense ids). */
export interface ImportCounters {
  nodes: number;
  relationships: number;
  properties: number;
  nextNodeId: number;
  nextRelationshipId: number;
}

/** A property column ready for rows: where it is, its key token and its converter. */
export interface PropertyPlan {
  readonly index: number;
  readonly name: string;
  readonly key: number;
  readonly convert: Converter;
  /**
   * Whether a field of plain digits can skip the converter and become an INTEGER at once: a scalar
   * int/long/short/byte column with `--normalize-types` (any 15 digits are within INT64).
   */
  readonly digitsAsInteger: boolean;
}

const INTEGER_TYPES = new Set(['int', 'long', 'short', 'byte']);

/** The property columns of a header with their tokens and converters. */
export function propertyPlans(columns: readonly Column[], context: ImportContext): PropertyPlan[] {
  const plans: PropertyPlan[] = [];
  columns.forEach((column, index) => {
    if (column.kind !== 'property') return;
    plans.push({
      index,
      name: column.name,
      key: context.loader.token('PROPERTY_KEY', column.name),
      convert: converterFor(column, context.values),
      digitsAsInteger: !column.array && context.values.normalizeTypes && INTEGER_TYPES.has(column.type),
    });
  });
  return plans;
}

/**
 * Appends `key, value` for each property field of `record` that has a value. Returns false after
 * reporting the row as bad when a field cannot be converted (the row is then skipped whole).
 * @throws DatabaseError when the bad row stops the import (see BadRows); CypherTypeError for a value
 * storage cannot hold.
 */
export function appendProperties(
  record: CsvRecord,
  plans: readonly PropertyPlan[],
  properties: (number | CypherValue)[],
  context: ImportContext,
  source: string,
  line: number,
): boolean {
  for (const plan of plans) {
    if (record.isAbsent(plan.index)) continue;
    if (plan.digitsAsInteger) {
      const digits = record.digitsValue(plan.index);
      if (digits >= 0) {
        properties.push(plan.key, BigInt(digits));
        continue;
      }
    }
    const text = record.field(plan.index) ?? '';
    let value: CypherValue | undefined;
    try {
      value = plan.convert(text);
    } catch (error) {
      context.badRows.record('format', source, line, `${plan.name}: ${reasonOf(error)}`);
      return false;
    }
    if (value === undefined) continue;
    checkStorable(value);
    properties.push(plan.key, value);
  }
  return true;
}

/** A bad-row reason for a field of the wrong kind. */
export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `N fields, the header has M`. */
export function widthReason(fields: number, width: number): string {
  return `${fields} field${fields === 1 ? '' : 's'}, the header has ${width}`;
}
