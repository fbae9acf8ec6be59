/**
 * bolt/hydration: Cypher values ⇄ Bolt value structures, per negotiated version (bolt-spec-digest §5).
 * Input: the negotiated version (+ the 4.3/4.4 `utc` patch) and the side of the connection. Output: the
 * `hydrate`/`dehydrate` hooks that the PackStream Unpacker and Packer call for structures and value objects.
 * Version rules: graph entities without element ids before 5.0; temporal and spatial from 2.0; legacy
 * DateTime (local seconds) before 5.0 unless the `utc` patch; Vector and UnsupportedType from 6.0.
 * Must not know: messages, the state machine, sockets, the engine.
 */
export { createHydration, type Hydration, type HydrationOptions } from './create-hydration.js';
export { wireProfileOf, type HydrationRole, type WireProfile } from './wire-profile.js';
export { UnboundRelationship } from './graph.js';
export { UnsupportedType } from './unsupported-type.js';
export * as structTags from './struct-tags.js';
