import { DatabaseError, Status } from '../../errors/index.js';
import type { CypherMap } from '../../values/index.js';
import { byName, showTable, type ShowTable } from './show-table.js';

/** One configuration setting, under its Neo4j name, as SHOW SETTINGS and `dbms.listConfig` report it. */
export interface Setting {
  readonly name: string;
  /** The value in effect, as Neo4j prints it (`'true'`, `'localhost:7687'`, `'0s'`); null when unset. */
  readonly value: string | null;
  readonly defaultValue: string | null;
  readonly description: string;
  /** Whether it was set explicitly (by an option or a flag) rather than left at its default. */
  readonly isExplicitlySet: boolean;
  /** A description of the values it accepts. */
  readonly validValues: string;
}

/** The settings of a database engine that no server hosts (embedded use). */
export function engineSettings(defaultDatabase: string): readonly Setting[] {
  return [
    {
      name: 'initial.dbms.default_database',
      value: defaultDatabase,
      defaultValue: 'neo4j',
      description: 'The name of the default database.',
      isExplicitlySet: defaultDatabase !== 'neo4j',
      validValues: 'a valid database name',
    },
  ];
}

/** A duration as Neo4j prints setting values: `0s`, `30s`, `1500ms`. */
export function durationSetting(milliseconds: number): string {
  if (milliseconds === 0) return '0s';
  return milliseconds % 1000 === 0 ? `${String(milliseconds / 1000)}s` : `${String(milliseconds)}ms`;
}

/**
 * SHOW SETTING[S] [names]: every setting, or those named (a missing name lists nothing, as in Neo4j), sorted
 * by name. Default columns name, value, isDynamic, defaultValue and description; YIELD adds startupValue,
 * isExplicitlySet, validValues and isDeprecated. Quiver reads its settings at startup: none is dynamic.
 */
export function settingTable(settings: readonly Setting[], names: readonly string[] | undefined): ShowTable {
  for (const name of names ?? []) {
    if (name.trim() === '') throw new DatabaseError(Status.ArgumentError, 'A setting name must not be empty');
  }
  const wanted = names === undefined ? undefined : new Set(names);
  const rows = settings
    .filter((setting) => wanted === undefined || wanted.has(setting.name))
    .sort(byName)
    .map((setting): CypherMap => ({
      name: setting.name,
      value: setting.value,
      isDynamic: false,
      defaultValue: setting.defaultValue,
      description: setting.description,
      startupValue: setting.value,
      isExplicitlySet: setting.isExplicitlySet,
      validValues: setting.validValues,
      isDeprecated: false,
    }));
  return showTable(
    ['name', 'value', 'isDynamic', 'defaultValue', 'description'],
    ['startupValue', 'isExplicitlySet', 'validValues', 'isDeprecated'],
    rows,
  );
}
