import type { BadRows } from './bad-rows.js';
import type { Column } from './header.js';
import type { IdSpaces } from './id-spaces.js';
import type { RecordBatcher } from './record-batcher.js';
import { converterFor, type Converter, type ValueOptions } from './value-converters.js';

/** What every input group of one import shares. */
export interface ImportContext {
  readonly batcher: RecordBatcher;
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
}

/** The property columns of a header with their tokens and converters. */
export function propertyPlans(columns: readonly Column[], context: ImportContext): PropertyPlan[] {
  const plans: PropertyPlan[] = [];
  columns.forEach((column, index) => {
    if (column.kind !== 'property') return;
    plans.push({
      index,
      name: column.name,
      key: context.batcher.token('PROPERTY_KEY', column.name),
      convert: converterFor(column, context.values),
    });
  });
  return plans;
}

/** A bad-row reason for a field of the wrong kind. */
export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `N fields, the header has M`. */
export function widthReason(fields: number, width: number): string {
  return `${fields} field${fields === 1 ? '' : 's'}, the header has ${width}`;
}
