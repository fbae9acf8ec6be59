import type { SchemaCommand } from '../cypher/index.js';
import { CypherArgumentError, DatabaseError, Status } from '../errors/index.js';
import {
  DEFAULT_FULLTEXT_ANALYZER,
  fulltextAnalyzer,
  type FulltextIndexConfig,
  type IndexType,
  type VectorIndexConfig,
} from '../storage/index.js';
import { typeName, type CypherMap, type CypherValue } from '../values/index.js';

type CreateIndex = Extract<SchemaCommand, { readonly kind: 'CreateIndex' }>;

/** The largest `vector.dimensions` Neo4j accepts. */
export const MAX_VECTOR_DIMENSIONS = 4096;

/** What CREATE … INDEX asks the store for beyond the schema: the type, and a VECTOR or FULLTEXT index's settings. */
export interface IndexSettings {
  readonly type: IndexType;
  readonly vector?: VectorIndexConfig;
  readonly fulltext?: FulltextIndexConfig;
}

/** A setting's value for an error message. */
function shown(value: CypherValue): string {
  return typeof value === 'string'
    ? `'${value}'`
    : typeof value === 'object' && value !== null
      ? typeName(value)
      : String(value);
}

function asMap(value: CypherValue | undefined, what: string): CypherMap {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value) || value.constructor !== Object) {
    throw new CypherArgumentError(`Could not create index with specified ${what}: expected a map`);
  }
  return value as CypherMap;
}

/**
 * A VECTOR index's `indexConfig` (Neo4j 5.23+ names): `vector.dimensions` (optional, 1 to 4,096) and
 * `vector.similarity_function` ('cosine' by default, or 'euclidean'). The HNSW and quantization settings
 * are accepted and have no effect: Quiver's vector search is exact.
 */
function vectorConfig(indexConfig: CypherMap): VectorIndexConfig {
  const dimensions = indexConfig['vector.dimensions'];
  let size: number | undefined;
  if (dimensions !== undefined && dimensions !== null) {
    const number = typeof dimensions === 'bigint' ? Number(dimensions) : dimensions;
    if (
      typeof number !== 'number' ||
      !Number.isInteger(number) ||
      number < 1 ||
      number > MAX_VECTOR_DIMENSIONS
    ) {
      throw new CypherArgumentError(
        `'vector.dimensions' must be an integer between 1 and ${String(MAX_VECTOR_DIMENSIONS)} inclusively, got ${shown(dimensions)}`,
      );
    }
    size = number;
  }
  const similarity = indexConfig['vector.similarity_function'] ?? 'cosine';
  const upper = typeof similarity === 'string' ? similarity.toUpperCase() : '';
  if (upper !== 'COSINE' && upper !== 'EUCLIDEAN') {
    throw new CypherArgumentError(
      `'vector.similarity_function' must be 'cosine' or 'euclidean', got ${shown(similarity)}`,
    );
  }
  return { dimensions: size, similarity: upper };
}

/**
 * A FULLTEXT index's `indexConfig`: `fulltext.analyzer` (one of `db.index.fulltext.listAvailableAnalyzers`,
 * 'standard-no-stop-words' by default) and `fulltext.eventually_consistent` (a boolean, false by default;
 * accepted and shown, while Quiver's fulltext indexes are always updated within the writing transaction).
 */
export function fulltextConfig(indexConfig: CypherMap): FulltextIndexConfig {
  const analyzer = indexConfig['fulltext.analyzer'] ?? DEFAULT_FULLTEXT_ANALYZER;
  if (typeof analyzer !== 'string' || fulltextAnalyzer(analyzer) === undefined) {
    throw new CypherArgumentError(
      `'fulltext.analyzer' must be the name of an available analyzer (db.index.fulltext.listAvailableAnalyzers), got ${shown(analyzer)}`,
    );
  }
  const eventuallyConsistent = indexConfig['fulltext.eventually_consistent'] ?? false;
  if (typeof eventuallyConsistent !== 'boolean') {
    throw new CypherArgumentError(
      `'fulltext.eventually_consistent' must be a boolean, got ${shown(eventuallyConsistent)}`,
    );
  }
  return { analyzer, eventuallyConsistent };
}

/**
 * Checks CREATE … INDEX against what Quiver supports and reads its OPTIONS (evaluated: a map, or undefined
 * when there are none). RANGE, TEXT, POINT, VECTOR and
 * FULLTEXT indexes exist; TEXT, POINT and VECTOR indexes cover one property, as in Neo4j.
 * @throws DatabaseError for LOOKUP indexes, several properties where one is allowed, and bad options
 */
export function indexSettings(command: CreateIndex, options: CypherValue | undefined): IndexSettings {
  const type = command.indexType;
  if (type === 'LOOKUP' || command.label === undefined) {
    throw new DatabaseError(
      Status.SyntaxError,
      `${type} indexes are not supported yet; Quiver has RANGE, TEXT, POINT, VECTOR and FULLTEXT indexes`,
    );
  }
  if (type !== 'RANGE' && type !== 'FULLTEXT' && command.properties.length !== 1) {
    throw new DatabaseError(
      Status.SyntaxError,
      `Only single property ${type.toLowerCase()} indexes are supported`,
    );
  }
  const indexConfig = asMap(asMap(options, 'options')['indexConfig'], 'indexConfig');
  if (type === 'FULLTEXT') return { type, fulltext: fulltextConfig(indexConfig) };
  if (type !== 'VECTOR') return { type };
  return { type, vector: vectorConfig(indexConfig) };
}

/** The `indexProvider` Neo4j 5 reports for each index type. */
export const INDEX_PROVIDERS: Readonly<Record<IndexType, string>> = {
  RANGE: 'range-1.0',
  TEXT: 'text-2.0',
  POINT: 'point-1.0',
  VECTOR: 'vector-2.0',
  FULLTEXT: 'fulltext-1.0',
};

/** An index's VECTOR or FULLTEXT settings. */
interface ConfiguredIndex {
  readonly vector?: VectorIndexConfig | undefined;
  readonly fulltext?: FulltextIndexConfig | undefined;
}

/**
 * The `indexConfig` of SHOW INDEXES: a VECTOR index's dimensions (when set) and similarity function, a
 * FULLTEXT index's analyzer and eventual consistency.
 */
export function indexConfigOf(index: ConfiguredIndex): CypherMap {
  const { vector, fulltext } = index;
  if (fulltext !== undefined) {
    return {
      'fulltext.analyzer': fulltext.analyzer,
      'fulltext.eventually_consistent': fulltext.eventuallyConsistent,
    };
  }
  if (vector === undefined) return {};
  return {
    ...(vector.dimensions === undefined ? {} : { 'vector.dimensions': BigInt(vector.dimensions) }),
    'vector.similarity_function': vector.similarity,
  };
}

/** ` OPTIONS {indexConfig: {…}}` for a VECTOR or FULLTEXT index's CREATE statement, '' for the other types. */
export function indexOptionsClause(index: ConfiguredIndex): string {
  const { vector, fulltext } = index;
  if (fulltext !== undefined) {
    return ` OPTIONS {indexConfig: {\`fulltext.analyzer\`: '${fulltext.analyzer}', \`fulltext.eventually_consistent\`: ${String(fulltext.eventuallyConsistent)}}}`;
  }
  if (vector === undefined) return '';
  const entries = [
    ...(vector.dimensions === undefined ? [] : [`\`vector.dimensions\`: ${String(vector.dimensions)}`]),
    `\`vector.similarity_function\`: '${vector.similarity}'`,
  ];
  return ` OPTIONS {indexConfig: {${entries.join(', ')}}}`;
}
