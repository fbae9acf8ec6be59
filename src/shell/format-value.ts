import {
  CypherDate,
  DateTime,
  Duration,
  formatFloat,
  LocalDateTime,
  LocalTime,
  Node,
  Path,
  Point,
  Relationship,
  Time,
  Uuid,
  Vector,
} from '../values/index.js';

/**
 * Renders a record value as cypher-shell shows it in tables and in `plain` output: strings in double
 * quotes, `NULL`, `TRUE`/`FALSE`, floats as Java prints them (`1.0`, `1.0E10`), lists `[1, 2]`, maps
 * `{name: "A"}`, nodes `(:Label {name: "A"})`, relationships `[:TYPE {since: 2020}]`, paths
 * `(:A)-[:R]->(:B)<-[:S]-(:C)`, points `point({srid:7203, x:1.0, y:2.0})`, temporal values and
 * durations in ISO-8601 (`2024-01-31`, `P1DT2H`), UUIDs `uuid("550e8400-…")`, bytes as `#` + hex. Keys and labels that are not plain
 * identifiers are backticked. Values the client did not hydrate into Quiver values fall back to `String()`.
 */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return formatFloat(value);
  if (typeof value === 'string') return quoteString(value);
  return formatObject(value);
}

function formatObject(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (value instanceof Node) return formatNode(value);
  if (value instanceof Relationship) return formatRelationship(value);
  if (value instanceof Path) return formatPath(value);
  if (value instanceof Point) return formatPoint(value);
  if (value instanceof Uuid) return `uuid(${quoteString(value.text)})`;
  if (value instanceof Uint8Array) return `#${Buffer.from(value).toString('hex')}`;
  if (isTemporal(value) || value instanceof Vector) return value.toString();
  if (typeof value === 'object' && value !== null)
    return formatMap(value as Readonly<Record<string, unknown>>);
  return String(value);
}

function isTemporal(
  value: unknown,
): value is CypherDate | LocalTime | Time | LocalDateTime | DateTime | Duration {
  return (
    value instanceof CypherDate ||
    value instanceof LocalTime ||
    value instanceof Time ||
    value instanceof LocalDateTime ||
    value instanceof DateTime ||
    value instanceof Duration
  );
}

/** A Cypher string literal in double quotes (backslashes and quotes escaped, so it can be pasted back). */
export function quoteString(text: string): string {
  return `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

const PLAIN_IDENTIFIER = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/** A name as Cypher accepts it: plain when it is an identifier, otherwise in backticks (doubled inside). */
export function escapeName(name: string): string {
  return PLAIN_IDENTIFIER.test(name) ? name : `\`${name.replaceAll('`', '``')}\``;
}

/** `{key: value, …}`; `{}` for an empty map. */
export function formatMap(map: Readonly<Record<string, unknown>>): string {
  const entries = Object.entries(map).map(([key, item]) => `${escapeName(key)}: ${formatValue(item)}`);
  return `{${entries.join(', ')}}`;
}

function withProperties(head: string, properties: Readonly<Record<string, unknown>>): string {
  if (Object.keys(properties).length === 0) return head;
  return head === '' ? formatMap(properties) : `${head} ${formatMap(properties)}`;
}

function formatNode(node: Node): string {
  const labels = node.labels.map((label) => `:${escapeName(label)}`).join('');
  return `(${withProperties(labels, node.properties)})`;
}

function formatRelationship(relationship: Relationship): string {
  return `[${withProperties(`:${escapeName(relationship.type)}`, relationship.properties)}]`;
}

/** Each step points the way its relationship points, as cypher-shell draws it. */
function formatPath(path: Path): string {
  let text = formatNode(path.start);
  let previous = path.start;
  path.relationships.forEach((relationship, index) => {
    const next = path.nodes[index + 1] ?? path.end;
    const forward = relationship.startNodeId === previous.id;
    const drawn = formatRelationship(relationship);
    text += forward ? `-${drawn}->` : `<-${drawn}-`;
    text += formatNode(next);
    previous = next;
  });
  return text;
}

function formatPoint(point: Point): string {
  const z = point.z === undefined ? '' : `, z:${formatFloat(point.z)}`;
  return `point({srid:${point.srid}, x:${formatFloat(point.x)}, y:${formatFloat(point.y)}${z}})`;
}
