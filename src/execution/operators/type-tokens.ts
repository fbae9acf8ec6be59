import type { TokenRegistry } from '../../storage/index.js';

/**
 * Relationship type names -> tokens, looked up until all exist (a type may be created later in the
 * statement). `undefined` = any type; an empty array = none of the types exists (nothing matches).
 */
export class TypeTokens {
  private readonly names: readonly string[];
  private readonly registry: TokenRegistry;
  private resolved: number[] | undefined;

  constructor(names: readonly string[], registry: TokenRegistry) {
    this.names = names;
    this.registry = registry;
  }

  get(): readonly number[] | undefined {
    if (this.names.length === 0) return undefined;
    if (this.resolved?.length === this.names.length) return this.resolved;
    const tokens: number[] = [];
    for (const name of this.names) {
      const token = this.registry.idOf(name);
      if (token !== undefined) tokens.push(token);
    }
    this.resolved = tokens;
    return tokens;
  }
}
