import { Node, Path, Point, Relationship, Vector } from '../../values/index.js';
import type { ResultRenderer, TextWriter } from './renderer.js';

/**
 * One JSON object per record and per line (JSON Lines), keyed by column name in column order, so scripts
 * can stream it into `jq`. INTEGERs are written as JSON numbers with all their digits (no rounding to a
 * double); FLOATs that JSON cannot express (`NaN`, `Infinity`) become strings. Nodes are
 * `{"elementId", "labels", "properties"}`, relationships `{"elementId", "type", "startNodeElementId",
 * "endNodeElementId", "properties"}`, paths `{"nodes", "relationships"}`, points `{"srid", "x", "y"[, "z"]}`,
 * temporal values their ISO-8601 text, bytes base64, vectors arrays of numbers.
 */
export class JsonRenderer implements ResultRenderer {
  private readonly write: TextWriter;
  private fields: readonly string[] = [];
  private rows = 0;

  constructor(write: TextWriter) {
    this.write = write;
  }

  begin(fields: readonly string[]): void {
    this.fields = fields;
  }

  record(values: readonly unknown[]): void {
    this.rows++;
    if (this.fields.length === 0) return;
    const members = this.fields.map((field, index) => `${JSON.stringify(field)}:${toJson(values[index])}`);
    this.write(`{${members.join(',')}}\n`);
  }

  end(): number {
    return this.rows;
  }
}

/** The JSON text of one record value (see {@link JsonRenderer} for the mapping). */
export function toJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number')
    return Number.isFinite(value) ? JSON.stringify(value) : JSON.stringify(String(value));
  if (typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  return objectToJson(value);
}

function objectToJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  if (value instanceof Node) {
    return members({ elementId: value.elementId, labels: value.labels, properties: value.properties });
  }
  if (value instanceof Relationship) {
    return members({
      elementId: value.elementId,
      type: value.type,
      startNodeElementId: value.startNodeElementId,
      endNodeElementId: value.endNodeElementId,
      properties: value.properties,
    });
  }
  if (value instanceof Path) return members({ nodes: value.nodes, relationships: value.relationships });
  if (value instanceof Point) {
    return members({
      srid: value.srid,
      x: value.x,
      y: value.y,
      ...(value.z === undefined ? {} : { z: value.z }),
    });
  }
  if (value instanceof Vector) {
    const items: string[] = [];
    for (const item of value.values) items.push(toJson(item));
    return `[${items.join(',')}]`;
  }
  if (value instanceof Uint8Array) return JSON.stringify(Buffer.from(value).toString('base64'));
  if (isPlainObject(value)) return members(value);
  // Temporal values (and anything else the client produced) print as their text.
  return JSON.stringify(String(value));
}

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function members(map: Readonly<Record<string, unknown>>): string {
  return `{${Object.entries(map)
    .map(([key, item]) => `${JSON.stringify(key)}:${toJson(item)}`)
    .join(',')}}`;
}
