import type * as Engine from '../../../src/engine/index.js';
import type { ProcedureDefinition } from '../../../src/execution/index.js';
import type { CypherMap, CypherValue } from '../../../src/values/index.js';
import type { ActualResult } from '../result-table.js';
import type { TckDatabase, TckTarget } from './tck-target.js';

/**
 * The in-process target: a fresh in-memory `Database` of src/engine per scenario. The engine's types are
 * checked at compile time, but the module is loaded with a dynamic import, so that an engine that does not
 * load yet (its stages are written in parallel) skips the TCK with the reason instead of crashing the file.
 */
const ENGINE_MODULE = '../../../src/engine/index.js';

type EngineModule = typeof Engine;

/** The embedded target, or why it is unavailable (the engine module does not load). */
export async function loadEmbeddedTarget(): Promise<TckTarget | { readonly unavailable: string }> {
  let engine: EngineModule;
  try {
    engine = (await import(ENGINE_MODULE)) as EngineModule;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { unavailable: `src/engine could not be loaded: ${reason}` };
  }
  return {
    description: 'embedded',
    async open(): Promise<TckDatabase> {
      return new EmbeddedDatabase(await engine.Database.open({ inMemory: true }));
    },
  };
}

class EmbeddedDatabase implements TckDatabase {
  private readonly database: Engine.Database;
  private readonly session: Engine.Session;

  constructor(database: Engine.Database) {
    this.database = database;
    this.session = database.session();
  }

  registerProcedure(procedure: ProcedureDefinition): void {
    this.database.registerProcedure(procedure);
  }

  async run(query: string, parameters: CypherMap): Promise<ActualResult> {
    const result = this.session.run(query, parameters);
    // keys() starts the statement, so compile-time errors reject here.
    const columns = await result.keys();
    const rows: (readonly CypherValue[])[] = [];
    for await (const record of result) rows.push(record.values);
    return { columns, rows };
  }

  async close(): Promise<void> {
    try {
      await this.session.close();
    } finally {
      await this.database.close();
    }
  }
}
