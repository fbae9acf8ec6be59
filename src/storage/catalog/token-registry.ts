import { CypherArgumentError, invariant } from '../../errors/index.js';

/** Which names a registry holds; used in messages and in commit records. */
export type TokenKind = 'LABEL' | 'RELATIONSHIP_TYPE' | 'PROPERTY_KEY';

/**
 * Maps names (labels, relationship types or property keys) to small dense integer ids, so that records,
 * property maps and indexes store 4-byte tokens instead of strings (Neo4j token stores, Memgraph NameIdMapper).
 * Tokens are never removed or renamed and are not transactional: a token created by a transaction that later
 * aborts stays registered, as in Neo4j. Durability logs every token a commit refers to, and recovery puts
 * them back under the same ids with `restore`.
 */
export class TokenRegistry {
  readonly kind: TokenKind;
  private readonly ids = new Map<string, number>();
  private readonly names: (string | undefined)[] = [];

  constructor(kind: TokenKind) {
    this.kind = kind;
  }

  /** One more than the highest id handed out (ids are dense unless restored with gaps). */
  get size(): number {
    return this.names.length;
  }

  /** The id of `name`, creating it if it is new. */
  getOrCreate(name: string): number {
    const existing = this.ids.get(name);
    if (existing !== undefined) return existing;
    const id = this.names.length;
    this.names.push(name);
    this.ids.set(name, id);
    return id;
  }

  /** The id of `name`, or `undefined` when no such token exists (a read never creates tokens). */
  idOf(name: string): number | undefined {
    return this.ids.get(name);
  }

  /**
   * The name of token `id`.
   * @throws InternalError when the id was never handed out (a programming error).
   */
  nameOf(id: number): string {
    const name = this.names[id];
    invariant(name !== undefined, `Unknown ${this.kind} token ${id}`);
    return name;
  }

  /** Whether `id` is a token of this registry. */
  has(id: number): boolean {
    return this.names[id] !== undefined;
  }

  /**
   * Re-registers a token under the id it had before a restart (recovery). Ids may arrive out of order;
   * gaps stay unassigned until restored.
   * @throws CypherArgumentError when the id or the name is already bound to something else.
   */
  restore(id: number, name: string): void {
    const boundId = this.ids.get(name);
    const boundName = this.names[id];
    if (boundId === id && boundName === name) return;
    if (boundId !== undefined || boundName !== undefined || !Number.isSafeInteger(id) || id < 0) {
      throw new CypherArgumentError(
        `Cannot restore ${this.kind} token ${id} "${name}": it conflicts with an existing token`,
      );
    }
    while (this.names.length < id) this.names.push(undefined);
    this.names[id] = name;
    this.ids.set(name, id);
  }

  /** Every token as `[id, name]`, in id order. */
  entries(): [number, string][] {
    const result: [number, string][] = [];
    this.names.forEach((name, id) => {
      if (name !== undefined) result.push([id, name]);
    });
    return result;
  }
}

/** The three token registries of a graph. */
export class TokenRegistries {
  readonly labels = new TokenRegistry('LABEL');
  readonly relationshipTypes = new TokenRegistry('RELATIONSHIP_TYPE');
  readonly propertyKeys = new TokenRegistry('PROPERTY_KEY');

  /** The registry for one kind of token. */
  of(kind: TokenKind): TokenRegistry {
    switch (kind) {
      case 'LABEL':
        return this.labels;
      case 'RELATIONSHIP_TYPE':
        return this.relationshipTypes;
      case 'PROPERTY_KEY':
        return this.propertyKeys;
    }
  }
}
