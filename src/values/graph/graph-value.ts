/**
 * The common base of NODE, RELATIONSHIP and PATH. The `CypherValue` union names this base instead of the
 * three classes because they hold property maps of `CypherValue`s: naming them would make `cypher-value.ts`
 * and `node.ts` import each other, and module cycles (type-only ones included) are forbidden. Narrow with
 * `instanceof Node` or the `isNode`/`isRelationship`/`isPath` guards.
 */
export abstract class GraphValue {
  /** Makes the class nominal, so a plain object never passes for a graph value. */
  declare private readonly graphValueBrand: 'GraphValue';
}
