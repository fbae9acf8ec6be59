import {
  isCypherMap,
  Node,
  Path,
  Relationship,
  type CypherMap,
  type CypherValue,
} from '../../values/index.js';
import type { ExecutionContext } from '../runtime/context.js';
import { StoreNode, StoreRelationship } from '../runtime/store-entities.js';
import { argument, define, invalidArgument } from './define.js';
import type { FunctionDefinition } from './function-definition.js';

/*
 * Functions on nodes, relationships and paths. Stored entities are read through the transaction's NEW
 * view, so asking for the labels or keys of an entity deleted earlier in the statement fails with
 * EntityNotFound, as the TCK expects.
 */

function entity(args: readonly CypherValue[]): Node | Relationship {
  const value = argument(args, 0);
  return value instanceof Node || value instanceof Relationship
    ? value
    : invalidArgument('Node or Relationship', value);
}

function relationship(args: readonly CypherValue[]): Relationship {
  const value = argument(args, 0);
  return value instanceof Relationship ? value : invalidArgument('Relationship', value);
}

function path(args: readonly CypherValue[]): Path {
  const value = argument(args, 0);
  return value instanceof Path ? value : invalidArgument('Path', value);
}

function labelsOf(node: Node, context: ExecutionContext): string[] {
  if (!(node instanceof StoreNode)) return [...node.labels];
  const names = context.tokens.labels;
  return Array.from(context.tx.nodeLabels(node.ref), (token) => names.nameOf(token));
}

/** Property keys of a node, relationship or map, in storage order. */
export function keysOf(value: CypherValue, context: ExecutionContext): string[] {
  const names = context.tokens.propertyKeys;
  const keys: string[] = [];
  if (value instanceof StoreNode)
    context.tx.forEachNodeProperty(value.ref, (key) => keys.push(names.nameOf(key)));
  else if (value instanceof StoreRelationship) {
    context.tx.forEachRelationshipProperty(value.ref, (key) => keys.push(names.nameOf(key)));
  } else if (value instanceof Node || value instanceof Relationship)
    keys.push(...Object.keys(value.properties));
  else if (isCypherMap(value)) keys.push(...Object.keys(value));
  else invalidArgument('Node, Relationship or Map', value);
  return keys;
}

function propertiesOf(value: CypherValue): CypherMap {
  if (value instanceof Node || value instanceof Relationship) return value.properties;
  if (isCypherMap(value)) return value;
  return invalidArgument('Node, Relationship or Map', value);
}

function endpoint(value: Relationship, context: ExecutionContext, start: boolean): Node | null {
  if (value instanceof StoreRelationship) return context.entities.node(start ? value.startRef : value.endRef);
  // A relationship snapshot does not carry its nodes (they come with a path, or from the store).
  return null;
}

/** The database id inside an element id (`<kind>:<database id>:<id>`), or undefined for another string. */
function databaseIdOf(elementId: string): string | undefined {
  const first = elementId.indexOf(':');
  const last = elementId.lastIndexOf(':');
  return first > 0 && last > first + 1 ? elementId.slice(first + 1, last) : undefined;
}

export const GRAPH_FUNCTIONS: readonly FunctionDefinition[] = [
  define({
    name: 'db.nameFromElementId',
    signature: 'db.nameFromElementId(elementId :: STRING) :: STRING',
    description: 'Resolves the database name for the given element id.',
    category: 'Graph',
    call: (args, context) => {
      const elementId = argument(args, 0);
      if (typeof elementId !== 'string') return invalidArgument('String', elementId);
      const databaseId = databaseIdOf(elementId);
      return databaseId === undefined ? null : (context.databaseNameOf?.(databaseId) ?? null);
    },
  }),
  define({
    name: 'id',
    signature: 'id(input :: NODE | RELATIONSHIP) :: INTEGER',
    description: 'Returns the id of a node or relationship.',
    category: 'Scalar',
    call: (args) => entity(args).id,
  }),
  define({
    name: 'elementId',
    signature: 'elementId(input :: NODE | RELATIONSHIP) :: STRING',
    description: 'Returns the element id of a node or relationship.',
    category: 'Scalar',
    call: (args) => entity(args).elementId,
  }),
  define({
    name: 'labels',
    signature: 'labels(input :: NODE) :: LIST<STRING>',
    description: 'Returns the labels of a node.',
    category: 'Scalar',
    call: (args, context) => {
      const value = argument(args, 0);
      return value instanceof Node ? labelsOf(value, context) : invalidArgument('Node', value);
    },
  }),
  define({
    name: 'type',
    signature: 'type(input :: RELATIONSHIP) :: STRING',
    description: 'Returns the type of a relationship.',
    category: 'Scalar',
    call: (args) => relationship(args).type,
  }),
  define({
    name: 'keys',
    signature: 'keys(input :: NODE | RELATIONSHIP | MAP) :: LIST<STRING>',
    description: 'Returns the property keys of a node, relationship or map.',
    category: 'List',
    call: (args, context) => keysOf(argument(args, 0), context),
  }),
  define({
    name: 'properties',
    signature: 'properties(input :: NODE | RELATIONSHIP | MAP) :: MAP',
    description: 'Returns the properties of a node or relationship, or the map itself.',
    category: 'Scalar',
    call: (args) => propertiesOf(argument(args, 0)),
  }),
  define({
    name: 'startNode',
    signature: 'startNode(input :: RELATIONSHIP) :: NODE',
    description: 'Returns the start node of a relationship.',
    category: 'Scalar',
    call: (args, context) => endpoint(relationship(args), context, true),
  }),
  define({
    name: 'endNode',
    signature: 'endNode(input :: RELATIONSHIP) :: NODE',
    description: 'Returns the end node of a relationship.',
    category: 'Scalar',
    call: (args, context) => endpoint(relationship(args), context, false),
  }),
  define({
    name: 'nodes',
    signature: 'nodes(input :: PATH) :: LIST<NODE>',
    description: 'Returns the nodes of a path.',
    category: 'List',
    call: (args) => [...path(args).nodes],
  }),
  define({
    name: 'relationships',
    signature: 'relationships(input :: PATH) :: LIST<RELATIONSHIP>',
    description: 'Returns the relationships of a path.',
    category: 'List',
    call: (args) => [...path(args).relationships],
  }),
  define({
    name: 'exists',
    signature: 'exists(input :: ANY) :: BOOLEAN',
    description: 'Returns true if the value is not null (the legacy form of `IS NOT NULL`).',
    category: 'Predicate',
    nullIn: 'none',
    call: ([value = null]) => value !== null,
  }),
];
