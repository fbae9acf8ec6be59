import { DatabaseError, invariant, Status } from '../../errors/index.js';
import type { CypherValue } from '../../values/index.js';
import {
  PropertyIndex,
  type EntityKind,
  type IndexDefinition,
  type IndexState,
  type IndexType,
  type VectorIndexConfig,
} from '../indexes/property-index.js';
import type { FulltextIndexConfig } from '../indexes/fulltext-keys.js';
import { IndexPopulation } from './index-population.js';
import { defaultSchemaName, describeSchema } from './schema-description.js';
import { publishSchemaChange } from './schema-publication.js';
import type { SchemaContext } from './schema-context.js';

/** What a caller gives to create an index; the name defaults to a generated one. */
export interface IndexRequest {
  readonly name?: string;
  readonly entity: EntityKind;
  readonly token: number;
  readonly properties: readonly number[];
  /** Default RANGE. */
  readonly type?: IndexType;
  /** VECTOR indexes: their `indexConfig`. */
  readonly vector?: VectorIndexConfig | undefined;
  /** FULLTEXT indexes: every label or type (`token` is the first). */
  readonly tokens?: readonly number[] | undefined;
  /** FULLTEXT indexes: their `indexConfig`. */
  readonly fulltext?: FulltextIndexConfig | undefined;
}

/** A read-only view of an index for the engine and the planner (SHOW INDEXES, index choice). */
export interface IndexDescriptor extends IndexDefinition {
  readonly id: number;
  readonly type: IndexType;
  /** The labels or types in scope (one but for FULLTEXT). */
  readonly tokens: readonly number[];
  readonly state: IndexState;
  /** The constraint this index backs, if any. */
  readonly owningConstraint: string | undefined;
  /** Population progress, 0 to 1 (1 when ONLINE). */
  readonly populationProgress: number;
}

/** Planner statistics of one index. */
export interface IndexStatistics {
  /** Entries (an upper bound of the matching entities any snapshot sees). */
  readonly entries: number;
  /** Distinct keys among the entries. */
  readonly distinctValues: number;
  /** distinctValues / entries (1 for an empty index): the fraction an equality seek is expected to return. */
  readonly uniqueness: number;
}

/**
 * Creating, dropping and listing property indexes, and driving their population. New indexes start
 * POPULATING and are registered at once, so writes from then on keep them up to date; `populate` walks the
 * existing data in slices (the store calls it from `setImmediate` unless population is manual).
 */
export class IndexCatalog {
  private readonly context: SchemaContext;
  private readonly populations: IndexPopulation[] = [];
  private readonly statistics = new Map<PropertyIndex, { modifications: number; distinct: number }>();

  constructor(context: SchemaContext) {
    this.context = context;
  }

  /**
   * Registers a new index and runs a first population slice of `initialBudget` candidates (Infinity builds
   * it completely); it stays POPULATING while candidates remain.
   * @throws DatabaseError EquivalentSchemaRuleAlreadyExists or IndexWithNameAlreadyExists.
   */
  create(request: IndexRequest, initialBudget: number): PropertyIndex {
    const { state } = this.context;
    const tokens = request.entity === 'NODE' ? state.tokens.labels : state.tokens.relationshipTypes;
    const type = request.type ?? 'RANGE';
    const scope = type === 'FULLTEXT' ? (request.tokens ?? [request.token]) : [request.token];
    invariant(scope[0] === request.token, 'A FULLTEXT index lists its first token as `token`');
    for (const token of scope) invariant(tokens.has(token), `Unknown token ${token}`);
    invariant(request.properties.length > 0, 'An index needs at least one property');
    for (const key of request.properties)
      invariant(state.tokens.propertyKeys.has(key), `Unknown property key ${key}`);
    const schema = describeSchema(state, request.entity, scope, request.properties);
    // Indexes of different types may cover the same schema (a RANGE and a TEXT index on one property).
    const equivalent = state.indexes
      .list()
      .find(
        (index) =>
          index.type === type &&
          index.entity === request.entity &&
          sameKeys(index.tokens, scope) &&
          sameKeys(index.properties, request.properties),
      );
    if (equivalent !== undefined) {
      throw new DatabaseError(
        Status.EquivalentSchemaRuleAlreadyExists,
        `An equivalent index already exists, 'Index( name='${equivalent.name}', type='${type}', schema=${schema} )'.`,
      );
    }
    const typeKey = type === 'RANGE' ? '' : `:${type}`;
    const name =
      request.name ??
      defaultSchemaName(
        'index',
        `${request.entity}:${scope.join('|')}:${request.properties.join(',')}${typeKey}`,
      );
    if (state.indexes.get(name) !== undefined) {
      throw new DatabaseError(
        Status.IndexWithNameAlreadyExists,
        `There already exists an index called '${name}'.`,
      );
    }
    const index = new PropertyIndex(
      state.indexes.allocateId(),
      { ...request, name, ...(type === 'FULLTEXT' ? { tokens: scope } : {}) },
      'POPULATING',
    );
    state.indexes.add(index);
    const population = new IndexPopulation(state, index);
    if (!population.step(state, initialBudget)) this.populations.push(population);
    return index;
  }

  /** Logs an index creation; a failed log write drops the index again. */
  publishCreation(index: PropertyIndex): Promise<void> {
    return publishSchemaChange(
      this.context,
      {
        kind: 'CreateIndex',
        index: index.definition(),
      },
      (tokens) => {
        for (const token of index.tokens)
          tokens.add(index.entity === 'NODE' ? 'LABEL' : 'RELATIONSHIP_TYPE', token);
        for (const key of index.properties) tokens.add('PROPERTY_KEY', key);
      },
      {
        onFail: () => {
          this.remove(index);
        },
      },
    );
  }

  /**
   * Finds index `name` for dropping. @throws DatabaseError IndexNotFound; IndexDropFailed (cause 22NBC)
   * when a constraint owns it (drop the constraint instead), with Neo4j's message.
   */
  findDroppable(name: string): PropertyIndex {
    const index = this.context.state.indexes.get(name);
    if (index === undefined) {
      throw new DatabaseError(
        Status.IndexNotFound,
        `Unable to drop index called '${name}'. There is no such index.`,
      );
    }
    if (index.owningConstraint !== undefined) {
      throw new DatabaseError(
        Status.IndexDropFailed,
        `Unable to drop index: Index belongs to constraint: \`${index.owningConstraint}\``,
        { gqlCause: '22NBC' },
      );
    }
    return index;
  }

  /** Logs an index drop; the index goes when the drop is published. */
  publishDrop(index: PropertyIndex): Promise<void> {
    return publishSchemaChange(this.context, { kind: 'DropIndex', name: index.name }, () => undefined, {
      onPublish: () => {
        this.remove(index);
      },
    });
  }

  /** Takes an index out of the registry (and out of population). */
  remove(index: PropertyIndex): void {
    this.context.state.indexes.remove(index);
    const at = this.populations.findIndex((population) => population.index === index);
    if (at !== -1) this.populations.splice(at, 1);
    this.statistics.delete(index);
  }

  /** Advances the oldest population by up to `budget` candidates; returns whether work remains. */
  populate(budget: number): boolean {
    const population = this.populations[0];
    if (population?.step(this.context.state, budget) === true) this.populations.shift();
    return this.populations.length > 0;
  }

  /** Whether some index is still populating. */
  get populating(): boolean {
    return this.populations.length > 0;
  }

  describe(index: PropertyIndex): IndexDescriptor {
    const population = this.populations.find((each) => each.index === index);
    return {
      id: index.id,
      name: index.name,
      entity: index.entity,
      token: index.token,
      tokens: index.tokens,
      properties: index.properties,
      type: index.type,
      ...(index.vector === undefined ? {} : { vector: index.vector }),
      ...(index.fulltext === undefined ? {} : { fulltext: index.fulltext }),
      state: index.state,
      owningConstraint: index.owningConstraint,
      populationProgress: population?.progress ?? 1,
    };
  }

  /**
   * Entry and distinct-key counts. Counting distinct keys scans the index, so the result is kept until a
   * tenth of the entries changed (Neo4j samples its indexes in the same spirit).
   */
  statisticsOf(index: PropertyIndex): IndexStatistics {
    const entries = index.entries;
    let cached = this.statistics.get(index);
    if (
      cached === undefined ||
      Math.abs(entries.modifications - cached.modifications) * 10 > Math.max(entries.size, 10)
    ) {
      let distinct = 0;
      let previous: CypherValue | undefined;
      entries.forEach((value) => {
        if (previous === undefined || entries.compareValues(previous, value) !== 0) distinct++;
        previous = value;
      });
      cached = { modifications: entries.modifications, distinct };
      this.statistics.set(index, cached);
    }
    return {
      entries: entries.size,
      distinctValues: cached.distinct,
      uniqueness: entries.size === 0 ? 1 : cached.distinct / entries.size,
    };
  }
}

function sameKeys(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((key, index) => key === b[index]);
}
