import { invariant } from '../../errors/index.js';
import type { CypherValue } from '../../values/index.js';
import { putProperty, type PropertyMap } from '../graph/property-map.js';
import { assertStorable } from '../graph/property-value.js';
import { Delta, type DeltaAction } from '../mvcc/delta.js';
import type { TransactionState } from '../mvcc/transaction-state.js';
import type { GraphState } from './graph-state.js';

/** Properties as writes receive them: property-key tokens with values; `null` values are skipped. */
export type PropertyEntries = Iterable<readonly [key: number, value: CypherValue]>;

/**
 * Builds a property map from `entries`, validating every value first so a failing write changes nothing.
 * Later entries for the same key win; `null` means "no property", as in `CREATE (n {x: null})`.
 * @throws CypherTypeError when a value cannot be stored.
 */
export function buildPropertyMap(
  state: GraphState,
  entries: PropertyEntries | undefined,
): PropertyMap | undefined {
  if (entries === undefined) return undefined;
  let map: PropertyMap | undefined;
  for (const [key, value] of entries) {
    invariant(state.tokens.propertyKeys.has(key), `Unknown property key token ${key}`);
    if (value === null) {
      map = putProperty(map, key, undefined);
      continue;
    }
    assertStorable(value);
    map = putProperty(map, key, value);
  }
  return map;
}

/** Links a new change at the head of a node's chain and records it in the transaction. */
export function pushNodeDelta(
  state: GraphState,
  tx: TransactionState,
  action: DeltaAction,
  id: number,
  key: number,
  value: CypherValue | undefined,
): void {
  const delta = new Delta(action, tx.stamp, tx.command, id, key, value, state.nodes.deltas[id]);
  state.nodes.deltas[id] = delta;
  tx.deltas.push(delta);
}

/** Links a new change at the head of a relationship's chain and records it in the transaction. */
export function pushRelationshipDelta(
  state: GraphState,
  tx: TransactionState,
  action: DeltaAction,
  id: number,
  key: number,
  value: CypherValue | undefined,
): void {
  const delta = new Delta(action, tx.stamp, tx.command, id, key, value, state.relationships.deltas[id]);
  state.relationships.deltas[id] = delta;
  tx.deltas.push(delta);
}
