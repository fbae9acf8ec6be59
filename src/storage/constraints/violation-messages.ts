import { formatFloat, type CypherValue } from '../../values/index.js';
import type { EntityKind } from '../indexes/property-index.js';
import type { PropertyType } from './constraint-definition.js';

/** Names and tokens a message needs: the entity, its label or type name, and property names. */
export interface Subject {
  readonly entity: EntityKind;
  readonly id: number;
  /** The label (nodes) or relationship type name. */
  readonly token: string;
}

function entityName(subject: Subject): string {
  return `${subject.entity === 'NODE' ? 'Node' : 'Relationship'}(${subject.id})`;
}

function tokenPhrase(subject: Subject): string {
  return subject.entity === 'NODE' ? `label \`${subject.token}\`` : `type \`${subject.token}\``;
}

/** A value as Neo4j prints it in constraint messages: strings in single quotes, numbers plain. */
export function printValue(value: CypherValue): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number') return formatFloat(value);
  if (Array.isArray(value)) return `[${(value as readonly CypherValue[]).map(printValue).join(', ')}]`;
  if (typeof value === 'bigint' || typeof value === 'boolean' || value === null) return String(value);
  // Stored values are scalars: temporal and spatial classes print their Cypher literal form.
  return (value as { toString(): string }).toString();
}

/** `Node(5) with label `Person` must have the property `name``. */
export function missingProperty(subject: Subject, keys: readonly string[]): string {
  if (keys.length === 1)
    return `${entityName(subject)} with ${tokenPhrase(subject)} must have the property \`${keys[0] ?? ''}\``;
  return `${entityName(subject)} with ${tokenPhrase(subject)} must have the properties (${keys.map((key) => `\`${key}\``).join(', ')})`;
}

/** `Node(3) already exists with label `Person` and property `name` = 'Alice'`. */
export function alreadyExists(
  subject: Subject,
  keys: readonly string[],
  values: readonly CypherValue[],
): string {
  const pairs = keys.map((key, index) => `\`${key}\` = ${printValue(values[index] ?? null)}`).join(', ');
  return `${entityName(subject)} already exists with ${tokenPhrase(subject)} and ${keys.length === 1 ? 'property' : 'properties'} ${pairs}`;
}

/** `Node(5) with label `Person` required the property `age` to be of type `INTEGER`, but was of type `STRING`.` */
export function wrongType(
  subject: Subject,
  key: string,
  types: readonly PropertyType[],
  actual: string,
): string {
  return (
    `${entityName(subject)} with ${tokenPhrase(subject)} required the property \`${key}\` to be of type ` +
    `\`${types.join(' | ')}\`, but was of type \`${actual}\`.`
  );
}

/** `Both Node(1) and Node(2) have the label `Person` and property `name` = 'Alice'` (creation on data). */
export function bothHave(
  first: Subject,
  second: number,
  keys: readonly string[],
  values: readonly CypherValue[],
): string {
  const kind = first.entity === 'NODE' ? 'Node' : 'Relationship';
  const pairs = keys.map((key, index) => `\`${key}\` = ${printValue(values[index] ?? null)}`).join(', ');
  return `Both ${kind}(${first.id}) and ${kind}(${second}) have the ${tokenPhrase(first)} and ${keys.length === 1 ? 'property' : 'properties'} ${pairs}`;
}

/** Neo4j's message for committing the deletion of a node that still has relationships. */
export function missingRelationshipsMessage(node: number): string {
  return (
    `Cannot delete node<${node}>, because it still has relationships. ` +
    'To delete this node, you must first delete its relationships.'
  );
}
