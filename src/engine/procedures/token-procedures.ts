import type { ExecutionContext, ProcedureDefinition } from '../../execution/index.js';
import type { TokenRegistry } from '../../storage/index.js';
import type { CypherMap } from '../../values/index.js';

/** The names of `registry` whose tokens pass `inUse`, sorted as Neo4j lists them. */
function namesInUse(registry: TokenRegistry, inUse: (token: number) => boolean): string[] {
  return registry
    .entries()
    .filter(([token]) => inUse(token))
    .map(([, name]) => name)
    .sort();
}

/** `db.labels()`: the labels that at least one node visible to the transaction carries. */
const labels: ProcedureDefinition = {
  name: 'db.labels',
  description:
    'List all labels attached to nodes within a database according to the user\u2019s access rights.',
  mode: 'READ',
  inputs: [],
  outputs: [{ name: 'label', type: 'STRING?' }],
  call: (_args, context: ExecutionContext): CypherMap[] =>
    namesInUse(context.tokens.labels, (token) => context.tx.scanNodesByLabel(token).next() !== -1).map(
      (label) => ({ label }),
    ),
};

/** `db.relationshipTypes()`: the types of the relationships visible to the transaction. */
const relationshipTypes: ProcedureDefinition = {
  name: 'db.relationshipTypes',
  description:
    'List all types attached to relationships within a database according to the user\u2019s access rights.',
  mode: 'READ',
  inputs: [],
  outputs: [{ name: 'relationshipType', type: 'STRING?' }],
  call: (_args, context: ExecutionContext): CypherMap[] =>
    namesInUse(
      context.tokens.relationshipTypes,
      (token) => context.tx.scanRelationshipsByType(token).next() !== -1,
    ).map((relationshipType) => ({ relationshipType })),
};

/**
 * `db.propertyKeys()`: every property key the database knows. Neo4j lists the whole token store here,
 * keys no longer in use included (unlike labels and types).
 */
const propertyKeys: ProcedureDefinition = {
  name: 'db.propertyKeys',
  description: 'List all property keys in the database.',
  mode: 'READ',
  inputs: [],
  outputs: [{ name: 'propertyKey', type: 'STRING?' }],
  call: (_args, context: ExecutionContext): CypherMap[] =>
    namesInUse(context.tokens.propertyKeys, () => true).map((propertyKey) => ({ propertyKey })),
};

/** The token-listing procedures. */
export const TOKEN_PROCEDURES: readonly ProcedureDefinition[] = [labels, relationshipTypes, propertyKeys];
