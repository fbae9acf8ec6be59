import type { DatabaseEngine } from '../database-engine.js';
import type { Setting } from './settings-table.js';

/**
 * The port through which a database's engine sees the other databases of its server: SHOW DATABASES,
 * CREATE/DROP DATABASE and SHOW/TERMINATE TRANSACTIONS across databases. The server's DatabaseManager
 * implements it; an embedded engine without one sees only itself.
 */
export interface DatabaseAdministration {
  /** The default (and home) database's name. */
  readonly defaultDatabase: string;
  /** The Bolt address clients reach the databases at (`host:port`), for SHOW DATABASES. */
  readonly address?: string;
  databases(): readonly DatabaseEngine[];
  /** Creates a database; false when it exists and `ifNotExists`. @throws ExistingDatabaseFound */
  create(name: string, ifNotExists: boolean): boolean | Promise<boolean>;
  /** Drops a database; false when it is missing and `ifExists`. @throws DatabaseNotFound */
  drop(name: string, ifExists: boolean): boolean | Promise<boolean>;
  /** The configuration, for SHOW SETTINGS (an engine without a server lists its own few). */
  settings?(): readonly Setting[];
}
