import type { ProcedureDefinition, ProcedureRegistry } from '../execution/index.js';

/** The procedures of one database: the built-in ones plus any registered by the embedding application. */
export class MutableProcedureRegistry implements ProcedureRegistry {
  private readonly byName = new Map<string, ProcedureDefinition>();
  /** Bumped by every registration: plans that call procedures depend on their signatures. */
  version = 0;

  constructor(initial: readonly ProcedureDefinition[] = []) {
    for (const definition of initial) this.register(definition);
  }

  /** Adds a procedure, replacing one of the same name. */
  register(definition: ProcedureDefinition): void {
    this.byName.set(definition.name, definition);
    this.version++;
  }

  get(name: string): ProcedureDefinition | undefined {
    return this.byName.get(name);
  }

  list(): readonly ProcedureDefinition[] {
    return [...this.byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}
