import { DateTime, type CypherMap } from '../../values/index.js';
import type { DatabaseEngine } from '../database-engine.js';
import type { DatabaseAdministration } from './administration.js';
import { showTable, type ShowTable } from './show-table.js';

function instant(date: Date): DateTime {
  const ms = date.getTime();
  return new DateTime(Math.floor(ms / 1000), (ms % 1000) * 1_000_000, 0);
}

function row(engine: DatabaseEngine, administration: DatabaseAdministration): CypherMap {
  const isDefault = engine.name === administration.defaultDatabase;
  return {
    name: engine.name,
    type: engine.name === 'system' ? 'system' : 'standard',
    aliases: [],
    access: 'read-write',
    address: administration.address ?? 'localhost:7687',
    role: 'primary',
    writer: true,
    requestedStatus: 'online',
    currentStatus: 'online',
    statusMessage: '',
    default: isDefault,
    home: isDefault,
    constituents: [],
    databaseID: engine.store.databaseId,
    serverID: 'quiver',
    currentPrimariesCount: 1n,
    currentSecondariesCount: 0n,
    requestedPrimariesCount: null,
    requestedSecondariesCount: null,
    creationTime: instant(engine.createdAt),
    lastStartTime: instant(engine.createdAt),
    lastStopTime: null,
    store: 'quiver-in-memory',
    lastCommittedTxn: BigInt(engine.store.lastCommitTs),
    replicationLag: 0n,
    options: {},
  };
}

const DEFAULTS = [
  'name',
  'type',
  'aliases',
  'access',
  'address',
  'role',
  'writer',
  'requestedStatus',
  'currentStatus',
  'statusMessage',
  'default',
  'home',
  'constituents',
];
const EXTRA = [
  'databaseID',
  'serverID',
  'currentPrimariesCount',
  'currentSecondariesCount',
  'requestedPrimariesCount',
  'requestedSecondariesCount',
  'creationTime',
  'lastStartTime',
  'lastStopTime',
  'store',
  'lastCommittedTxn',
  'replicationLag',
  'options',
];

/**
 * SHOW DATABASES, SHOW DATABASE name, SHOW DEFAULT DATABASE and SHOW HOME DATABASE (the last two without
 * the `default`/`home` columns, as in Neo4j). `name` filters to one database (any case).
 */
export function databaseTable(
  what: string,
  administration: DatabaseAdministration,
  name: string | undefined,
): ShowTable {
  const single = what === 'DEFAULT DATABASE' || what === 'HOME DATABASE';
  const engines = administration
    .databases()
    .filter((engine) =>
      single
        ? engine.name === administration.defaultDatabase
        : name === undefined || engine.name === name.toLowerCase(),
    );
  const rows = engines.map((engine) => row(engine, administration));
  const defaults = single ? DEFAULTS.filter((column) => column !== 'default' && column !== 'home') : DEFAULTS;
  return showTable(defaults, EXTRA, rows);
}
