import { InternalError, invariant } from '../../errors/index.js';
import type { TokenDefinition } from '../commit-log.js';
import type { ConstraintDefinition } from '../constraints/constraint-definition.js';
import type { PropertyMap } from '../graph/property-map.js';
import type { IndexDefinition } from '../indexes/property-index.js';
import { linkInBulk } from './bulk-link.js';
import type { FlatProperties } from './snapshot-source.js';
import type { StoreContext } from './store-context.js';

/** Relationship ids are kept in int32 arrays (the relationship table and adjacency lists do the same). */
const MAX_ID = 0x7fff_ffff;

/** @throws InternalError with `message` (the input does not fit the store). */
function fail(message: string): never {
  throw new InternalError(message);
}

/** What completes a bulk load: the catalog and clock of the snapshot that was loaded. */
export interface BulkLoadCompletion {
  /** The commit timestamp the loaded data is as of; new commits continue after it. */
  readonly commitTs: number;
  /** Ids below these were handed out before (deleted ones too): new entities get higher ids. */
  readonly nodeHighWaterMark: number;
  readonly relationshipHighWaterMark: number;
  readonly indexes: readonly IndexDefinition[];
  readonly constraints: readonly ConstraintDefinition[];
}

/**
 * Loads committed data straight into the tables of an EMPTY store (a durability snapshot being restored):
 * tokens first, then nodes, then relationships (their endpoints must be loaded), then `finish` with the
 * schema, which builds every index over the loaded data in one pass. Much faster than replaying records,
 * because nothing is versioned and indexes are built once. Runs while no transaction does.
 * Every method checks its input against the state and throws InternalError on a mismatch (damaged input).
 */
export class BulkLoader {
  private readonly context: StoreContext;
  private finished = false;
  /** Loaded relationships, linked into adjacency lists at `finish` (see `linkRelationships`). */
  private links = new Int32Array(4 * 1024);
  private linkCount = 0;
  private lastLabels: { input: readonly number[]; set: readonly number[] } | undefined;

  /** Use `GraphStore.beginBulkLoad`. */
  constructor(context: StoreContext) {
    const { state, manager } = context;
    invariant(
      manager.activeCount === 0 && manager.committingCount === 0 && manager.publishedTs === 0,
      'A bulk load needs a store no transaction has used',
    );
    invariant(
      state.nodes.highWaterMark === 0 &&
        state.relationships.highWaterMark === 0 &&
        state.indexes.size === 0 &&
        state.constraints.size === 0,
      'A bulk load needs an empty store',
    );
    this.context = context;
  }

  /** Registers a token under its id. */
  restoreToken(token: TokenDefinition): void {
    this.assertOpen();
    this.context.state.tokens.of(token.kind).restore(token.id, token.name);
  }

  /** Puts node `id` back with its labels and properties (the array is kept: pass a fresh one). */
  addNode(id: number, labels: readonly number[], properties: FlatProperties): void {
    this.assertOpen();
    const { state } = this.context;
    // Messages are built only on failure: this runs once per entity of a big graph.
    if (!Number.isSafeInteger(id) || id < 0) fail(`Loaded node id ${id} is not valid`);
    if (state.nodes.isInUse(id)) fail(`Loaded node ${id} exists already`);
    for (const label of labels) {
      if (!state.tokens.labels.has(label)) fail(`Unknown label token ${label}`);
    }
    const set = this.internLabels(labels);
    state.nodes.allocateAt(id, set, this.takeProperties(properties));
    for (const label of set) state.labelIndex.add(label, id);
  }

  /** Puts relationship `id` back (keeping the property array); both endpoints must be loaded already. */
  addRelationship(id: number, type: number, start: number, end: number, properties: FlatProperties): void {
    this.assertOpen();
    const { state } = this.context;
    if (!Number.isSafeInteger(id) || id < 0 || id > MAX_ID) fail(`Loaded relationship id ${id} is not valid`);
    if (state.relationships.isInUse(id)) fail(`Loaded relationship ${id} exists already`);
    if (!state.tokens.relationshipTypes.has(type)) fail(`Unknown relationship type token ${type}`);
    if (!state.nodes.isInUse(start) || !state.nodes.isInUse(end)) {
      fail(`Loaded relationship ${id} connects a missing node (${start} or ${end})`);
    }
    state.relationships.allocateAt(id, type, start, end, this.takeProperties(properties));
    state.typeIndex.add(type, id);
    if ((this.linkCount + 1) * 4 > this.links.length) {
      const grown = new Int32Array(this.links.length * 2);
      grown.set(this.links);
      this.links = grown;
    }
    const at = this.linkCount * 4;
    this.links[at] = id;
    this.links[at + 1] = type;
    this.links[at + 2] = start;
    this.links[at + 3] = end;
    this.linkCount++;
  }

  /** Restores the id high-water marks, the schema (indexes built at once) and the clock. */
  finish(completion: BulkLoadCompletion): void {
    this.assertOpen();
    this.finished = true;
    const { state, manager } = this.context;
    const { nodes, relationships } = state;
    this.linkRelationships();
    // A free slot at the old high-water mark keeps ids of deleted entities from being handed out again.
    if (completion.nodeHighWaterMark > nodes.highWaterMark) {
      const last = completion.nodeHighWaterMark - 1;
      nodes.allocateAt(last, state.labelSets.empty, undefined);
      nodes.free(last);
    }
    if (completion.relationshipHighWaterMark > relationships.highWaterMark) {
      const last = completion.relationshipHighWaterMark - 1;
      relationships.allocateAt(last, 0, 0, 0, undefined);
      relationships.free(last);
    }
    for (const constraint of completion.constraints) this.context.constraintCatalog.restore(constraint);
    for (const index of completion.indexes) {
      this.context.indexCatalog.create(index, Number.POSITIVE_INFINITY);
    }
    if (completion.commitTs > manager.publishedTs) manager.advanceTo(completion.commitTs);
  }

  /** Adds every loaded relationship to the adjacency lists of its endpoints (see bulk-link.ts). */
  private linkRelationships(): void {
    const { adjacency, nodes } = this.context.state;
    linkInBulk(adjacency, this.links, this.linkCount, nodes.highWaterMark);
    this.links = new Int32Array(0);
    this.linkCount = 0;
  }

  /** Interns a label set, skipping the work when it equals the previous node's (nodes come in runs). */
  private internLabels(labels: readonly number[]): readonly number[] {
    const last = this.lastLabels;
    if (last?.input.length === labels.length && last.input.every((label, at) => label === labels[at])) {
      return last.set;
    }
    const set = this.context.state.labelSets.intern(labels);
    this.lastLabels = { input: [...labels], set };
    return set;
  }

  private takeProperties(properties: FlatProperties): PropertyMap | undefined {
    if (properties.length === 0) return undefined;
    invariant(properties.length % 2 === 0, 'A property list must hold key-value pairs');
    const { propertyKeys } = this.context.state.tokens;
    for (let index = 0; index < properties.length; index += 2) {
      const key = properties[index];
      if (typeof key !== 'number' || !propertyKeys.has(key))
        fail(`Unknown property key token at position ${index}`);
      if (properties[index + 1] === null) fail('A stored property cannot be null');
    }
    return properties as PropertyMap;
  }

  private assertOpen(): void {
    invariant(!this.finished, 'The bulk load has finished');
  }
}
