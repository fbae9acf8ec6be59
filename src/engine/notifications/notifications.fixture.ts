// Test support for the notification tests: compiling a query and a token lookup over fixed name sets.
import assert from 'node:assert/strict';
import { EMPTY_CATALOG } from '../../planner/index.js';
import { compile, type CompiledQuery } from '../compile.js';
import type { TokenLookup } from './collect-notifications.js';

/** Compiles a query statement (not a command). */
export function compileQuery(text: string): CompiledQuery {
  const compiled = compile(text, EMPTY_CATALOG);
  assert(compiled.kind === 'query', `not a query: ${text}`);
  return compiled;
}

/** Lookups that know exactly the given names. */
export function knownTokens(
  names: { labels?: string[]; relationshipTypes?: string[]; propertyKeys?: string[] } = {},
): TokenLookup & { add(kind: keyof TokenLookup, name: string): void } {
  const sets = {
    labels: new Set(names.labels),
    relationshipTypes: new Set(names.relationshipTypes),
    propertyKeys: new Set(names.propertyKeys),
  };
  const lookup = (set: Set<string>) => ({ idOf: (name: string) => (set.has(name) ? 0 : undefined) });
  return {
    labels: lookup(sets.labels),
    relationshipTypes: lookup(sets.relationshipTypes),
    propertyKeys: lookup(sets.propertyKeys),
    add: (kind, name) => void sets[kind].add(name),
  };
}
