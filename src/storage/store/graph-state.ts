import { IndexRegistry } from '../catalog/schema.js';
import { TokenRegistries } from '../catalog/token-registry.js';
import { ConstraintRegistry } from '../constraints/constraint-registry.js';
import { Adjacency } from '../graph/adjacency.js';
import { LabelSets } from '../graph/label-sets.js';
import { NodeTable } from '../graph/node-table.js';
import { RelationshipTable } from '../graph/relationship-table.js';
import { TokenIndex } from '../indexes/token-index.js';

/**
 * Everything a graph holds, in one place: the tables with the newest version of each entity, adjacency,
 * token registries, and the indexes. Transactions, cursors, rollback and garbage collection all work on
 * this object; `GraphStore` owns it and is its only public face.
 */
export class GraphState {
  /** The database UUID inside element ids (`4:<databaseId>:<id>`). */
  readonly databaseId: string;
  readonly tokens = new TokenRegistries();
  readonly labelSets = new LabelSets();
  readonly nodes = new NodeTable();
  readonly relationships = new RelationshipTable();
  readonly adjacency = new Adjacency();
  /** Nodes per label. */
  readonly labelIndex = new TokenIndex();
  /** Relationships per type. */
  readonly typeIndex = new TokenIndex();
  readonly indexes = new IndexRegistry();
  readonly constraints = new ConstraintRegistry();

  constructor(databaseId: string) {
    this.databaseId = databaseId;
  }
}
