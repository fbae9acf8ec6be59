import { CypherArgumentError, DatabaseError, Status } from '../../errors/index.js';
import {
  cosineSimilarity,
  euclideanSimilarity,
  vectorCoordinates,
  StoreNode,
  StoreRelationship,
  writeProperty,
  type ExecutionContext,
  type ProcedureDefinition,
} from '../../execution/index.js';
import type { EntityKind, GraphStore, IndexDescriptor, VectorIndexConfig } from '../../storage/index.js';
import { typeName, Vector, type CypherMap, type CypherValue } from '../../values/index.js';

/**
 * The coordinates of a stored vector without copying where possible: a list of floats as it is, a VECTOR's
 * typed array (but 64-bit integers); anything else through `vectorCoordinates`.
 */
function numbersOf(value: CypherValue): ArrayLike<number> | undefined {
  if (value instanceof Vector) {
    const values = value.values;
    return values instanceof BigInt64Array ? vectorCoordinates(value) : values;
  }
  if (!Array.isArray(value)) return undefined;
  for (const item of value as readonly CypherValue[])
    if (typeof item !== 'number') return vectorCoordinates(value);
  return value as readonly number[];
}

/** The VECTOR index `name` over `entity`. @throws IndexNotFound (Neo4j's wording) for anything else. */
function vectorIndex(
  store: GraphStore,
  name: CypherValue,
  entity: EntityKind,
): IndexDescriptor & {
  readonly vector: VectorIndexConfig;
} {
  const index = typeof name === 'string' ? store.index(name) : undefined;
  if (index?.type !== 'VECTOR' || index.vector === undefined || index.entity !== entity) {
    throw new DatabaseError(
      Status.IndexNotFound,
      `There is no such ${entity === 'NODE' ? 'node' : 'relationship'} vector index: ${typeof name === 'string' ? name : typeName(name)}`,
    );
  }
  if (index.state !== 'ONLINE') {
    throw new DatabaseError(Status.IndexNotFound, `Index '${index.name}' is still populating`);
  }
  return { ...index, vector: index.vector };
}

interface Hit {
  readonly id: number;
  readonly score: number;
}

/**
 * The `k` entities of VECTOR index `indexName` most similar to `query`, best first (ties by id). The search
 * is exact: every indexed entity the transaction sees is scored with the index's similarity function
 * (`vector.similarity.*`), where Neo4j's HNSW graph finds approximate neighbours.
 */
function nearest(
  store: GraphStore,
  context: ExecutionContext,
  entity: EntityKind,
  args: readonly CypherValue[],
): Hit[] {
  const index = vectorIndex(store, args[0] ?? null, entity);
  const k = args[1];
  if (typeof k !== 'bigint' || k < 1n) {
    throw new CypherArgumentError(
      `Invalid nearest neighbours count: ${typeof k === 'bigint' ? String(k) : typeName(k ?? null)}. Value must be greater than 0.`,
    );
  }
  const query = vectorCoordinates(args[2] ?? null);
  if (query === undefined)
    throw new CypherArgumentError('The query vector must be a LIST<INTEGER | FLOAT> or a VECTOR');
  const { dimensions, similarity } = index.vector;
  if (dimensions !== undefined && query.length !== dimensions) {
    throw new CypherArgumentError(
      `Index query vector has ${String(query.length)} dimensions, but indexed vectors have ${String(dimensions)}.`,
    );
  }
  const score = similarity === 'COSINE' ? cosineSimilarity : euclideanSimilarity;
  if (similarity === 'COSINE' && cosineSimilarity(query, query) === null) {
    throw new CypherArgumentError(
      'Index query vector is not valid for cosine similarity (a zero or non-finite vector).',
    );
  }
  const key = index.properties[0] ?? -1;
  const tx = context.tx;
  const cursor =
    entity === 'NODE'
      ? tx.seekNodes(index.name, { kind: 'EXISTS' })
      : tx.seekRelationships(index.name, { kind: 'EXISTS' });
  const hits: Hit[] = [];
  let visited = 0;
  for (let id = cursor.next(); id !== -1; id = cursor.next()) {
    if (++visited % 4096 === 0) context.checkInterrupt();
    const value = entity === 'NODE' ? tx.nodeProperty(id, key) : tx.relationshipProperty(id, key);
    const vector = value === undefined ? undefined : numbersOf(value);
    // Vectors of another dimension (an index without `vector.dimensions`) are not comparable.
    if (vector?.length !== query.length) continue;
    const similar = score(query, vector);
    if (similar !== null) hits.push({ id, score: similar });
  }
  hits.sort((a, b) => b.score - a.score || a.id - b.id);
  return hits.slice(0, Number(k < BigInt(hits.length) ? k : BigInt(hits.length)));
}

const QUERY_INPUTS = [
  { name: 'indexName', type: 'STRING?' },
  { name: 'numberOfNearestNeighbours', type: 'INTEGER?' },
  { name: 'query', type: 'ANY?' },
] as const;

/** Sets `key` of an entity to a vector, stored as a list of floats (Neo4j stores a float array). */
function setVectorProperty(
  context: ExecutionContext,
  args: readonly CypherValue[],
  entity: EntityKind,
): CypherMap[] {
  const target = args[0] ?? null;
  const key = args[1];
  const isEntity = entity === 'NODE' ? target instanceof StoreNode : target instanceof StoreRelationship;
  if (!isEntity)
    throw new CypherArgumentError(`Expected a stored ${entity === 'NODE' ? 'node' : 'relationship'}`);
  if (typeof key !== 'string') throw new CypherArgumentError('The property key must be a string');
  const vector = vectorCoordinates(args[2] ?? null);
  if (vector === undefined || vector.length === 0 || vector.some((value) => !Number.isFinite(value))) {
    throw new CypherArgumentError('The vector must be a non-empty LIST<INTEGER | FLOAT> of finite numbers');
  }
  writeProperty(context, { entity, id: (target as StoreNode | StoreRelationship).ref }, key, vector);
  return [];
}

/** `Node` / `Relationship` in procedure names, `node` / `relationship` in fields. */
const NAMES: Readonly<Record<EntityKind, { readonly title: string; readonly field: string }>> = {
  NODE: { title: 'Node', field: 'node' },
  RELATIONSHIP: { title: 'Relationship', field: 'relationship' },
};

/** `db.index.vector.query<Nodes|Relationships>`. */
function queryProcedure(store: GraphStore, entity: EntityKind): ProcedureDefinition {
  const { title, field } = NAMES[entity];
  return {
    name: `db.index.vector.query${title}s`,
    description:
      `Query the given ${field} vector index. Returns requested number of nearest neighbors to the provided query vector, ` +
      'and their similarity score to that query vector, based on the configured similarity function for the index. ' +
      'The similarity score is a value between [0, 1]; where 0 indicates least similar, 1 most similar.',
    mode: 'READ',
    inputs: QUERY_INPUTS,
    outputs: [
      { name: field, type: `${entity}?` },
      { name: 'score', type: 'FLOAT?' },
    ],
    call: (args, context) =>
      nearest(store, context, entity, args).map((hit) => ({
        [field]: entity === 'NODE' ? context.entities.node(hit.id) : context.entities.relationship(hit.id),
        score: hit.score,
      })),
  };
}

/** `db.create.set<Node|Relationship>VectorProperty`. */
function setProcedure(entity: EntityKind): ProcedureDefinition {
  const { title, field } = NAMES[entity];
  return {
    name: `db.create.set${title}VectorProperty`,
    description: `Set a vector property on a given ${field} in a more space efficient representation than Cypher's SET.`,
    mode: 'WRITE',
    inputs: [
      { name: field, type: `${entity}?` },
      { name: 'key', type: 'STRING?' },
      { name: 'vector', type: 'ANY?' },
    ],
    outputs: [],
    call: (args, context) => setVectorProperty(context, args, entity),
  };
}

/**
 * Neo4j's vector index procedures: `db.index.vector.queryNodes` / `queryRelationships` (exact nearest
 * neighbours with their scores) and `db.create.setNodeVectorProperty` / `setRelationshipVectorProperty`.
 */
export function vectorProcedures(store: GraphStore): readonly ProcedureDefinition[] {
  return [
    queryProcedure(store, 'NODE'),
    queryProcedure(store, 'RELATIONSHIP'),
    setProcedure('NODE'),
    setProcedure('RELATIONSHIP'),
  ];
}
