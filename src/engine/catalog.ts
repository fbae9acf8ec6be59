import type { ProcedureRegistry } from '../execution/index.js';
import type { CatalogIndex, CatalogView, ProcedureSignature } from '../planner/index.js';
import type { GraphStore } from '../storage/index.js';

/** The planner's view of one database: counts and indexes from the store, signatures from the procedures. */
export class StoreCatalogView implements CatalogView {
  private readonly store: GraphStore;
  private readonly procedures: ProcedureRegistry;

  constructor(store: GraphStore, procedures: ProcedureRegistry) {
    this.store = store;
    this.procedures = procedures;
  }

  nodeCount(label?: string): number {
    if (label === undefined) return this.store.countNodes();
    const token = this.store.tokens.labels.idOf(label);
    return token === undefined ? 0 : this.store.countNodes(token);
  }

  relationshipCount(type?: string): number {
    if (type === undefined) return this.store.countRelationships();
    const token = this.store.tokens.relationshipTypes.idOf(type);
    return token === undefined ? 0 : this.store.countRelationships(token);
  }

  indexes(): readonly CatalogIndex[] {
    const tokens = this.store.tokens;
    const uniqueIndexes = new Set(
      this.store
        .constraints()
        .filter((constraint) => constraint.kind === 'UNIQUENESS' || constraint.kind === 'KEY')
        .map((constraint) => constraint.ownedIndex),
    );
    // The planner seeks RANGE and TEXT indexes; POINT and VECTOR indexes serve their own procedures.
    return this.store
      .indexes()
      .filter((index) => index.type === 'RANGE' || index.type === 'TEXT')
      .map((index) => ({
        name: index.name,
        entity: index.entity,
        label: (index.entity === 'NODE' ? tokens.labels : tokens.relationshipTypes).nameOf(index.token),
        properties: index.properties.map((key) => tokens.propertyKeys.nameOf(key)),
        online: index.state === 'ONLINE',
        unique: uniqueIndexes.has(index.name),
        ...(index.type === 'TEXT' ? { text: true } : {}),
      }));
  }

  procedure(name: string): ProcedureSignature | undefined {
    const definition = this.procedures.get(name);
    if (definition === undefined) return undefined;
    return {
      name: definition.name,
      mode: definition.mode,
      inputs: definition.inputs.map((field) => ({
        name: field.name,
        type: field.type,
        hasDefault: field.default !== undefined,
      })),
      outputs: definition.outputs.map((field) => ({ name: field.name, type: field.type })),
    };
  }
}
