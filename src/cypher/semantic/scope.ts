import type { StaticType } from './types.js';

/**
 * The variables visible at one point of a query, each with its static type. Scopes are immutable:
 * binding returns a new scope, so a clause can keep the scope it started from (ORDER BY after a
 * projection sees both the old and the new one).
 */
export class Scope {
  readonly #symbols: ReadonlyMap<string, StaticType>;

  constructor(symbols: ReadonlyMap<string, StaticType> = new Map()) {
    this.#symbols = symbols;
  }

  static empty(): Scope {
    return new Scope();
  }

  lookup(name: string): StaticType | undefined {
    return this.#symbols.get(name);
  }

  has(name: string): boolean {
    return this.#symbols.has(name);
  }

  /** A scope with `name` bound (or re-bound) to `type`. */
  bind(name: string, type: StaticType): Scope {
    const next = new Map(this.#symbols);
    next.set(name, type);
    return new Scope(next);
  }

  /** A scope with every binding of `other` added over this one's. */
  extend(other: Scope): Scope {
    const next = new Map(this.#symbols);
    for (const [name, type] of other.entries()) next.set(name, type);
    return new Scope(next);
  }

  /** Variable names sorted by name, as `RETURN *` lists them. */
  names(): string[] {
    return [...this.#symbols.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  entries(): IterableIterator<[string, StaticType]> {
    return this.#symbols.entries();
  }

  get size(): number {
    return this.#symbols.size;
  }
}
