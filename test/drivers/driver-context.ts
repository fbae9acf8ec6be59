/**
 * What a driver row's scenarios work with, and small helpers shared by the scenario files.
 */
import assert from 'node:assert/strict';
import type { ConnectionInfo } from '../../src/server/index.js';
import type { DriverModule, RecordLike, SummaryLike } from './driver-api.js';
import type { DriverAdapter, DriverHandle, Target } from './driver-adapter.js';
import type { DriverLine } from './driver-lines.js';
import type { ScenarioBackend } from './scenario-backend.js';

export interface DriverRowContext {
  readonly rowId: string;
  readonly line: DriverLine;
  readonly neo4j: DriverModule;
  readonly adapter: DriverAdapter;
  readonly target: Target;
  readonly backend: ScenarioBackend;
  /** The server's open connections (negotiated version, TLS). */
  readonly connections: () => ConnectionInfo[];
  /** The row's shared `bolt://` driver. */
  readonly main: DriverHandle;
  /** Records the Bolt version the server negotiated with this row's client. */
  readonly setBolt: (version: string) => void;
}

/** `M.m` of a negotiated version. */
export function formatVersion(version: { readonly major: number; readonly minor: number }): string {
  return `${version.major}.${version.minor}`;
}

/** The version of the newest connection the server knows (the one a fresh driver just opened). */
export function newestConnectionVersion(connections: readonly ConnectionInfo[]): string | null {
  for (let index = connections.length - 1; index >= 0; index--) {
    const version = connections[index]?.version;
    if (version !== null && version !== undefined) return formatVersion(version);
  }
  return null;
}

/** The single record's value of column `key`, as text (Integers and numbers alike). */
export function onlyValue(records: readonly RecordLike[], key: string): string {
  assert.equal(records.length, 1, `expected exactly one record, got ${records.length}`);
  return String(records[0]?.get(key));
}

/** `queryType` (4.0+) or `statementType` (1.x). */
export function queryTypeOf(summary: SummaryLike): string | undefined {
  return summary.queryType ?? summary.statementType;
}

/** Nodes created according to the summary counters of any generation. */
export function nodesCreatedOf(summary: SummaryLike): number | undefined {
  const counters = summary.counters;
  if (counters.updates !== undefined) return counters.updates()['nodesCreated'];
  return counters.nodesCreated?.();
}

/** A query text the test backend understands, for 10 000 lazily produced records. */
export const RANGE_QUERY = 'UNWIND range(1, $n) AS i RETURN i';
