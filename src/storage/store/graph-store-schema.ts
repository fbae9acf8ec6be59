import type { PropertyIndex } from '../indexes/property-index.js';
import type { ConstraintDescriptor, ConstraintRequest } from './constraint-catalog.js';
import type { IndexDescriptor, IndexRequest, IndexStatistics } from './index-catalog.js';
import type { StoreContext } from './store-context.js';

/** How new indexes are built over existing data. */
export type IndexPopulationMode = 'BACKGROUND' | 'MANUAL';

/** Candidates visited per background population slice (about a millisecond of work). */
const POPULATION_SLICE = 4096;

/**
 * The schema half of `GraphStore`: indexes (and, later, constraints). Kept apart so `GraphStore` stays a
 * short facade.
 */
export class SchemaOperations {
  private readonly context: StoreContext;
  private readonly mode: IndexPopulationMode;
  private scheduled = false;

  constructor(context: StoreContext, mode: IndexPopulationMode) {
    this.context = context;
    this.mode = mode;
  }

  /**
   * Creates a range index. It is registered (and maintained by writes) at once and built over existing data
   * in the background; the promise resolves once the creation is logged, not when the index is ONLINE (see
   * `awaitIndexesOnline`).
   * @throws DatabaseError EquivalentSchemaRuleAlreadyExists or IndexWithNameAlreadyExists.
   */
  async createIndex(request: IndexRequest): Promise<IndexDescriptor> {
    const catalog = this.context.indexCatalog;
    // A first slice now: small graphs get an ONLINE index at once; MANUAL mode only skips label-less work.
    const index = catalog.create(request, this.mode === 'MANUAL' ? 0 : POPULATION_SLICE);
    this.schedule();
    await catalog.publishCreation(index);
    return catalog.describe(index);
  }

  /** Drops an index. @throws DatabaseError IndexNotFound */
  async dropIndex(name: string): Promise<void> {
    const catalog = this.context.indexCatalog;
    await catalog.publishDrop(catalog.findDroppable(name));
  }

  /** Every index, in creation order. */
  indexes(): IndexDescriptor[] {
    return this.context.state.indexes.list().map((index) => this.context.indexCatalog.describe(index));
  }

  /** The index called `name`, if any. */
  index(name: string): IndexDescriptor | undefined {
    const index = this.context.state.indexes.get(name);
    return index === undefined ? undefined : this.context.indexCatalog.describe(index);
  }

  /** Planner statistics of index `name`, if it exists. */
  indexStatistics(name: string): IndexStatistics | undefined {
    const index: PropertyIndex | undefined = this.context.state.indexes.get(name);
    return index === undefined ? undefined : this.context.indexCatalog.statisticsOf(index);
  }

  /**
   * Creates a constraint after checking the committed data; later commits must satisfy it.
   * @throws DatabaseError ConstraintCreationFailed (existing data violates it), EquivalentSchemaRuleAlreadyExists,
   * ConstraintWithNameAlreadyExists; TransactionConflictError while commits are being written
   */
  async createConstraint(request: ConstraintRequest): Promise<ConstraintDescriptor> {
    const catalog = this.context.constraintCatalog;
    const constraint = catalog.create(request);
    await catalog.publishCreation(constraint);
    return catalog.describe(constraint);
  }

  /** Drops a constraint (and its index). @throws DatabaseError ConstraintNotFound */
  async dropConstraint(name: string): Promise<void> {
    const catalog = this.context.constraintCatalog;
    await catalog.publishDrop(catalog.find(name));
  }

  /** Every constraint, in creation order. */
  constraints(): ConstraintDescriptor[] {
    return this.context.state.constraints
      .list()
      .map((constraint) => this.context.constraintCatalog.describe(constraint));
  }

  /** Runs one population slice of up to `budget` candidates; returns whether work remains. */
  populateIndexes(budget = POPULATION_SLICE): boolean {
    return this.context.indexCatalog.populate(budget);
  }

  /** Resolves when no index is populating, running slices between turns of the event loop. */
  async awaitIndexesOnline(): Promise<void> {
    while (this.context.indexCatalog.populate(POPULATION_SLICE)) {
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private schedule(): void {
    if (this.mode === 'MANUAL' || this.scheduled) return;
    this.scheduled = true;
    const step = (): void => {
      if (this.context.indexCatalog.populate(POPULATION_SLICE)) setImmediate(step);
      else this.scheduled = false;
    };
    setImmediate(step);
  }
}
