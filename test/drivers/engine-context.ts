/**
 * What a row of the engine matrix (official drivers against the REAL server, src/server startServer) works
 * with, and small helpers shared by its scenario files. Unlike the test-backend matrix there is no event log
 * to inspect: every check goes through Cypher (a later MATCH sees what a scenario wrote).
 */
import assert from 'node:assert/strict';
import type { DriverModule, RecordLike } from './driver-api.js';
import type { DriverAdapter, DriverHandle, SessionHandle, Target } from './driver-adapter.js';
import type { DriverLine } from './driver-lines.js';

export interface EngineRowContext {
  readonly line: DriverLine;
  readonly neo4j: DriverModule;
  readonly adapter: DriverAdapter;
  readonly target: Target;
  /** The row's shared `bolt://` driver. */
  readonly main: DriverHandle;
}

/** A number out of a driver Integer, a JS number or a bigint. */
export function toNumber(value: unknown): number {
  if (typeof value === 'object' && value !== null && 'toNumber' in value) {
    return (value as { toNumber(): number }).toNumber();
  }
  return Number(value);
}

/** The single record's value of column `key`, as a number. */
export function onlyNumber(records: readonly RecordLike[], key: string): number {
  assert.equal(records.length, 1, `expected exactly one record, got ${records.length}`);
  return toNumber(records[0]?.get(key));
}

/** How many nodes carry `label`, read in a fresh session (so only committed data counts). */
export async function countLabel(ctx: EngineRowContext, label: string): Promise<number> {
  const session = ctx.main.session();
  try {
    const { records } = await session.run(`MATCH (n:${label}) RETURN count(n) AS c`);
    return onlyNumber(records, 'c');
  } finally {
    await session.close();
  }
}

/** Runs `work` with a fresh session of the row's driver and always closes it. */
export async function withSession<T>(
  ctx: EngineRowContext,
  work: (session: SessionHandle) => Promise<T>,
  options: { readonly fetchSize?: number } = {},
): Promise<T> {
  const session = ctx.main.session(options);
  try {
    return await work(session);
  } finally {
    await session.close();
  }
}
