/**
 * The official JavaScript driver lines under test, installed side by side as npm aliases (package.json), and
 * what each API generation offers. The capabilities are facts about the driver's API (checked against each
 * package's typings), used to adapt scenarios and to decide skips up front.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { DriverModule } from './driver-api.js';

const require = createRequire(import.meta.url);

/** How a line fetches routing tables for `neo4j://` (bolt-spec-digest §9.10). */
export type RoutingPath =
  /** `CALL dbms.cluster.routing.getRoutingTable($context)` (Bolt 3) */
  | 'procedure-v3'
  /** `CALL dbms.routing.getRoutingTable($context, $database)` on `system` (Bolt 4.0–4.2) */
  | 'procedure-v4'
  /** the ROUTE message (Bolt 4.3+) */
  | 'ROUTE';

export interface DriverLine {
  /** The npm alias (`neo4j-driver-44`). */
  readonly alias: string;
  /** Major API generation: 1 (1.x), 4, 5 or 6. */
  readonly generation: 1 | 4 | 5 | 6;
  /** 4.0–4.2 fetch routing tables with the procedure; 4.3+ with ROUTE; 1.x with the Bolt 3 procedure. */
  readonly routing: RoutingPath;
  /** `neo4j.vector()` / Bolt 6.0 vectors (6.x only). */
  readonly hasVector: boolean;
  /** `neo4j.uuid()` / Bolt 6.1 UUIDs (JS 6.2+). */
  readonly hasUuid: boolean;
}

/** The lines, oldest first (the matrix row order). */
export const DRIVER_LINES: readonly DriverLine[] = [
  { alias: 'neo4j-driver-1x', generation: 1, routing: 'procedure-v3', hasVector: false, hasUuid: false },
  { alias: 'neo4j-driver-40', generation: 4, routing: 'procedure-v4', hasVector: false, hasUuid: false },
  { alias: 'neo4j-driver-41', generation: 4, routing: 'procedure-v4', hasVector: false, hasUuid: false },
  { alias: 'neo4j-driver-42', generation: 4, routing: 'procedure-v4', hasVector: false, hasUuid: false },
  { alias: 'neo4j-driver-43', generation: 4, routing: 'ROUTE', hasVector: false, hasUuid: false },
  { alias: 'neo4j-driver-44', generation: 4, routing: 'ROUTE', hasVector: false, hasUuid: false },
  { alias: 'neo4j-driver-58', generation: 5, routing: 'ROUTE', hasVector: false, hasUuid: false },
  { alias: 'neo4j-driver-513', generation: 5, routing: 'ROUTE', hasVector: false, hasUuid: false },
  { alias: 'neo4j-driver-528', generation: 5, routing: 'ROUTE', hasVector: false, hasUuid: false },
  { alias: 'neo4j-driver-6', generation: 6, routing: 'ROUTE', hasVector: true, hasUuid: true },
  { alias: 'neo4j-driver-lite-6', generation: 6, routing: 'ROUTE', hasVector: true, hasUuid: true },
];

/** Loads a line's module by its alias (CommonJS; some generations put everything under `default`). */
export function loadDriverModule(line: DriverLine): DriverModule {
  const exported = require(line.alias) as { default?: unknown };
  return (exported.default ?? exported) as DriverModule;
}

interface PackageJson {
  readonly name?: string;
  readonly version?: string;
  readonly dependencies?: Readonly<Record<string, string>>;
}

function readPackageJson(path: string): PackageJson {
  return JSON.parse(readFileSync(path, 'utf8')) as PackageJson;
}

/**
 * The installed package and version, plus the internals it resolved when they differ: `neo4j-driver-core`
 * floats under a `^` range for some lines (driver-matrix §e), e.g. 4.3.5 gets 4.4.11 internals.
 */
export function describeInstalledLine(line: DriverLine): string {
  const packageJsonPath = require.resolve(`${line.alias}/package.json`);
  const own = readPackageJson(packageJsonPath);
  const label = `${own.name ?? line.alias} ${own.version ?? '?'}`;
  // 1.x and 4.0–4.2 are single packages; the others depend on neo4j-driver-core.
  if (own.dependencies?.['neo4j-driver-core'] === undefined) return label;
  const corePath = createRequire(packageJsonPath).resolve('neo4j-driver-core/package.json');
  const core = readPackageJson(corePath).version;
  return core === own.version ? label : `${label} (internals ${core ?? '?'})`;
}
