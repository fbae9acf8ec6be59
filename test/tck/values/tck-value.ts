/**
 * The values of the openCypher TCK's result notation, as parsed from a feature table cell. Kept apart from
 * `CypherValue` because expected graph entities carry no identity (`(:A {k: 1})` matches any node with that
 * label set and those properties) and because an expected string may stand for a temporal value.
 */
export type TckValue =
  | { readonly kind: 'null' }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'integer'; readonly value: bigint }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'list'; readonly items: readonly TckValue[] }
  | { readonly kind: 'map'; readonly entries: TckEntries }
  | TckNode
  | TckRelationship
  | TckPath;

/** Map entries or entity properties in written order; keys are unique. */
export type TckEntries = readonly (readonly [string, TckValue])[];

/** `(:A:B {k: v})`: labels and properties, no identity. */
export interface TckNode {
  readonly kind: 'node';
  readonly labels: readonly string[];
  readonly properties: TckEntries;
}

/** `[:T {k: v}]`: type and properties, no identity or endpoints. */
export interface TckRelationship {
  readonly kind: 'relationship';
  readonly type: string;
  readonly properties: TckEntries;
}

/** One hop of a path: the relationship, the direction it is walked in, and the node reached. */
export interface TckPathStep {
  readonly relationship: TckRelationship;
  /** `forward` for `-[]->`, `backward` for `<-[]-`. */
  readonly direction: 'forward' | 'backward';
  readonly node: TckNode;
}

/** `<(:A)-[:T]->(:B)<-[:U]-()>`. */
export interface TckPath {
  readonly kind: 'path';
  readonly start: TckNode;
  readonly steps: readonly TckPathStep[];
}
