import type { CypherValue } from '../../values/index.js';

/**
 * A Cypher value as plain JSON data for a log line: INTEGERs become numbers when exact (else decimal
 * strings, since JSON cannot hold a bigint), non-finite FLOATs and temporal, spatial and graph values their
 * Cypher text, BYTES `0x…` hex. Lists and maps keep their shape.
 */
export function toLogValue(value: CypherValue): unknown {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (value instanceof Uint8Array)
    return `0x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
  if (Array.isArray(value)) return (value as readonly CypherValue[]).map(toLogValue);
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const map = value as Readonly<Record<string, CypherValue>>;
    const out: Record<string, unknown> = {};
    // defineProperty: a "__proto__" parameter name must stay an ordinary key.
    for (const key of Object.keys(map)) {
      Object.defineProperty(out, key, { value: toLogValue(map[key] ?? null), enumerable: true });
    }
    return out;
  }
  // Temporal, spatial and graph values print as Cypher literals.
  return (value as { toString(): string }).toString();
}
