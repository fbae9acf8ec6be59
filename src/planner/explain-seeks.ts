import type { PlanExpression, SeekQuery } from './plan/physical-plan.js';

/** Where an index seek's operator name starts (Neo4j's operator families). */
export type SeekFamily = 'Node' | 'DirectedRelationship' | 'UndirectedRelationship';

/**
 * Neo4j's name for an index seek: `…IndexSeek` for equality, `…IndexSeekByRange` for ranges and prefixes,
 * `…IndexScan` for existence; `Unique` for an index backing a uniqueness constraint when the seek can
 * find at most one entity per value (equality on every property) or is a range of such.
 */
export function seekOperatorName(
  family: SeekFamily,
  query: SeekQuery,
  unique: boolean,
  propertyCount: number,
): string {
  if (query.kind === 'EXISTS') return `${family}IndexScan`;
  if (query.kind === 'CONTAINS') return `${family}IndexContainsScan`;
  if (query.kind === 'SUFFIX') return `${family}IndexEndsWithScan`;
  if (query.kind === 'EQUALS') {
    return `${family}${unique && query.values.length === propertyCount ? 'Unique' : ''}IndexSeek`;
  }
  return `${family}${unique ? 'Unique' : ''}IndexSeekByRange`;
}

/**
 * Details of an index seek as Neo4j prints them: `RANGE INDEX n:L(a, b) WHERE a = $x AND b IS NOT NULL`
 * (`UNIQUE` for a constraint's index). Each property gets the condition the seek checks: the equality
 * values of a prefix, or the first property's range, prefix or existence; the properties after those are
 * only known to exist.
 */
export function seekDetails(
  subject: string,
  seek: {
    readonly properties: readonly string[];
    readonly query: SeekQuery;
    readonly unique: boolean;
    readonly text?: boolean | undefined;
  },
  text: (expression: PlanExpression) => string,
): string {
  const { properties, query } = seek;
  const lead = properties[0] ?? '';
  const conditions: string[] = [];
  let checked = 1;
  switch (query.kind) {
    case 'EQUALS':
      query.values.forEach((value, index) => {
        conditions.push(`${properties[index] ?? ''} = ${text(value)}`);
      });
      checked = query.values.length;
      break;
    case 'RANGE':
      if (query.lower !== undefined)
        conditions.push(`${lead} ${query.lower.inclusive ? '>=' : '>'} ${text(query.lower.value)}`);
      if (query.upper !== undefined)
        conditions.push(`${lead} ${query.upper.inclusive ? '<=' : '<'} ${text(query.upper.value)}`);
      break;
    case 'PREFIX':
      conditions.push(`${lead} STARTS WITH ${text(query.value)}`);
      break;
    case 'CONTAINS':
      conditions.push(`${lead} CONTAINS ${text(query.value)}`);
      break;
    case 'SUFFIX':
      conditions.push(`${lead} ENDS WITH ${text(query.value)}`);
      break;
    case 'EXISTS':
      checked = 0;
      break;
  }
  for (const property of properties.slice(checked)) conditions.push(`${property} IS NOT NULL`);
  const kind = seek.unique ? 'UNIQUE' : seek.text === true ? 'TEXT INDEX' : 'RANGE INDEX';
  return `${kind} ${subject} WHERE ${conditions.join(' AND ')}`;
}
