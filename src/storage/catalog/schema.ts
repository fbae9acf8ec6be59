import type { EntityKind, PropertyIndex } from '../indexes/property-index.js';

/** Schema changes of every registry in the process: a version is never handed out twice. */
let schemaChanges = 0;

/**
 * The property indexes of a graph, looked up the way writes need them: by the token that puts an entity
 * in scope (label or type) and by property key. Lists are copied on change (copy on write), so a write in
 * progress iterates a stable list.
 */
export class IndexRegistry {
  private readonly all = new Map<string, PropertyIndex>();
  /** Per entity kind (nodes, relationships): indexes by label/type token and by property key. */
  private readonly byToken = {
    NODE: new Map<number, PropertyIndex[]>(),
    RELATIONSHIP: new Map<number, PropertyIndex[]>(),
  };
  private readonly byKey = {
    NODE: new Map<number, PropertyIndex[]>(),
    RELATIONSHIP: new Map<number, PropertyIndex[]>(),
  };
  private nextId = 1;
  private currentVersion = ++schemaChanges;

  /**
   * Changes whenever an index is added, removed or comes online, and differs between registries, so a
   * plan cached under one version saw exactly the indexes that are there.
   */
  get version(): number {
    return this.currentVersion;
  }

  /** An index changed state (population finished). */
  changed(): void {
    this.currentVersion = ++schemaChanges;
  }

  /** A fresh index id. */
  allocateId(): number {
    return this.nextId++;
  }

  /** Every index, in creation order. */
  list(): PropertyIndex[] {
    return [...this.all.values()];
  }

  get(name: string): PropertyIndex | undefined {
    return this.all.get(name);
  }

  /** The number of indexes (a fast check for the write path). */
  get size(): number {
    return this.all.size;
  }

  add(index: PropertyIndex): void {
    this.changed();
    this.all.set(index.name, index);
    for (const token of index.tokens) append(this.byToken[index.entity], token, index);
    for (const key of new Set(index.properties)) append(this.byKey[index.entity], key, index);
  }

  remove(index: PropertyIndex): void {
    this.changed();
    this.all.delete(index.name);
    for (const token of index.tokens) detach(this.byToken[index.entity], token, index);
    for (const key of new Set(index.properties)) detach(this.byKey[index.entity], key, index);
  }

  /** Indexes on a label (nodes) or relationship type (a FULLTEXT index under each of its tokens). */
  forToken(entity: EntityKind, token: number): readonly PropertyIndex[] | undefined {
    return this.byToken[entity].get(token);
  }

  /** Indexes that include property `key`. */
  forKey(entity: EntityKind, key: number): readonly PropertyIndex[] | undefined {
    return this.byKey[entity].get(key);
  }

  /** Indexes of one entity kind. */
  ofEntity(entity: EntityKind): PropertyIndex[] {
    return this.list().filter((index) => index.entity === entity);
  }
}

function append(map: Map<number, PropertyIndex[]>, key: number, index: PropertyIndex): void {
  map.set(key, [...(map.get(key) ?? []), index]);
}

function detach(map: Map<number, PropertyIndex[]>, key: number, index: PropertyIndex): void {
  const rest = (map.get(key) ?? []).filter((each) => each !== index);
  if (rest.length === 0) map.delete(key);
  else map.set(key, rest);
}
