import { CypherArgumentError } from '../../errors/index.js';
import type { ExecutionContext, ProcedureDefinition } from '../../execution/index.js';
import {
  fulltextAnalyzer,
  fulltextAnalyzers,
  type EntityKind,
  type FulltextAnalyzer,
} from '../../storage/index.js';
import { typeName, type CypherMap, type CypherValue } from '../../values/index.js';

/** What a query's `options` map may hold: `skip`, `limit` (non-negative integers) and `analyzer`. */
interface QueryOptions {
  readonly skip: number;
  readonly limit: number;
  readonly analyzer: FulltextAnalyzer | undefined;
}

function count(options: CypherMap, key: 'skip' | 'limit'): number | undefined {
  const value = options[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'bigint' || value < 0n)
    throw new CypherArgumentError(
      `The '${key}' option must be a non-negative INTEGER, got ${typeName(value)}`,
    );
  return Number(value);
}

function queryOptions(value: CypherValue | undefined): QueryOptions {
  if (value === undefined || value === null) return { skip: 0, limit: Infinity, analyzer: undefined };
  if (typeof value !== 'object' || Array.isArray(value) || value.constructor !== Object)
    throw new CypherArgumentError(`The options must be a MAP, got ${typeName(value)}`);
  const options = value as CypherMap;
  const name = options['analyzer'];
  let analyzer: FulltextAnalyzer | undefined;
  if (name !== undefined && name !== null) {
    analyzer = typeof name === 'string' ? fulltextAnalyzer(name) : undefined;
    if (analyzer === undefined)
      throw new CypherArgumentError(
        `No such fulltext analyzer: ${typeof name === 'string' ? name : typeName(name)}`,
      );
  }
  return { skip: count(options, 'skip') ?? 0, limit: count(options, 'limit') ?? Infinity, analyzer };
}

/** The entities of a FULLTEXT index matching a Lucene query, best first, as procedure rows. */
function query(entity: EntityKind, args: readonly CypherValue[], context: ExecutionContext): CypherMap[] {
  const [indexName = null, text = null, options] = args;
  if (typeof indexName !== 'string') throw new CypherArgumentError('The index name must be a STRING');
  if (typeof text !== 'string') throw new CypherArgumentError('The query must be a STRING');
  const { skip, limit, analyzer } = queryOptions(options);
  const hits = context.tx.searchFulltext(indexName, entity, text, analyzer === undefined ? {} : { analyzer });
  const field = entity === 'NODE' ? 'node' : 'relationship';
  return hits.slice(skip, skip + limit).map((hit) => ({
    [field]: entity === 'NODE' ? context.entities.node(hit.id) : context.entities.relationship(hit.id),
    score: hit.score,
  }));
}

const QUERY_INPUTS = [
  { name: 'indexName', type: 'STRING?' },
  { name: 'queryString', type: 'STRING?' },
  { name: 'options', type: 'MAP?', default: {} },
] as const;

function queryProcedure(entity: EntityKind): ProcedureDefinition {
  const title = entity === 'NODE' ? 'Nodes' : 'Relationships';
  const field = entity === 'NODE' ? 'node' : 'relationship';
  return {
    name: `db.index.fulltext.query${title}`,
    description:
      `Query the given fulltext index with Lucene query syntax. Returns the matching ${field}s and their ` +
      'BM25 scores, best first. Options: skip, limit and analyzer.',
    mode: 'READ',
    inputs: QUERY_INPUTS,
    outputs: [
      { name: field, type: `${entity}?` },
      { name: 'score', type: 'FLOAT?' },
    ],
    call: (args, context) => query(entity, args, context),
  };
}

/**
 * Neo4j's fulltext procedures: `db.index.fulltext.queryNodes` / `queryRelationships` (Lucene query syntax,
 * BM25 scores), `listAvailableAnalyzers`, and `awaitEventuallyConsistentIndexRefresh`, which returns at
 * once: Quiver's fulltext indexes are updated by the writing transaction itself.
 */
export function fulltextProcedures(): readonly ProcedureDefinition[] {
  return [
    queryProcedure('NODE'),
    queryProcedure('RELATIONSHIP'),
    {
      name: 'db.index.fulltext.listAvailableAnalyzers',
      description: 'List the available analyzers that the fulltext indexes can be configured with.',
      mode: 'READ',
      inputs: [],
      outputs: [
        { name: 'analyzer', type: 'STRING?' },
        { name: 'description', type: 'STRING?' },
        { name: 'stopwords', type: 'LIST? OF STRING?' },
      ],
      call: () =>
        fulltextAnalyzers().map((analyzer) => ({
          analyzer: analyzer.name,
          description: analyzer.description,
          stopwords: [...analyzer.stopwords],
        })),
    },
    {
      name: 'db.index.fulltext.awaitEventuallyConsistentIndexRefresh',
      description:
        'Wait for the updates from recently committed transactions to be applied to any eventually-consistent fulltext indexes.',
      mode: 'READ',
      inputs: [],
      outputs: [],
      call: () => [],
    },
  ];
}
