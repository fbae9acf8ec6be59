/** What the cache needs of the property-key token registry. */
export interface PropertyKeyRegistry {
  getOrCreate(name: string): number;
}

/**
 * The property-key tokens of the maps one write operator stores, remembered by the key's position in the
 * map. The maps a statement writes row after row (`SET n += row.properties` over a batch, `CREATE (n
 * {…})`) nearly always list the same keys in the same order, and keys of maps of one shape are the same
 * string objects, so a position's key usually compares equal by reference and needs no hashed lookup in
 * the registry. A different key at a position simply replaces the remembered one. Tokens are never
 * removed or renamed, so a remembered token stays right for the whole run.
 */
export class PropertyKeyTokens {
  private readonly registry: PropertyKeyRegistry;
  private readonly keys: string[] = [];
  private readonly tokens: number[] = [];

  constructor(registry: PropertyKeyRegistry) {
    this.registry = registry;
  }

  /** The token of `key`, the `position`th key of the map being written; created when new. */
  tokenOf(key: string, position: number): number {
    const token = this.tokens[position];
    if (token !== undefined && this.keys[position] === key) return token;
    const created = this.registry.getOrCreate(key);
    this.keys[position] = key;
    this.tokens[position] = created;
    return created;
  }
}
