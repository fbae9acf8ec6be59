import type { PropertyIndex } from '../indexes/property-index.js';
import type { ConstraintDefinition } from './constraint-definition.js';

/** A constraint in force, with the index that backs it (UNIQUENESS and KEY). */
export interface Constraint {
  readonly definition: ConstraintDefinition;
  readonly id: number;
  readonly index: PropertyIndex | undefined;
}

/** The constraints of a graph, looked up by name and by the label or type they apply to. */
export class ConstraintRegistry {
  private readonly byName = new Map<string, Constraint>();
  private nextId = 1;

  allocateId(): number {
    return this.nextId++;
  }

  get size(): number {
    return this.byName.size;
  }

  get(name: string): Constraint | undefined {
    return this.byName.get(name);
  }

  list(): Constraint[] {
    return [...this.byName.values()];
  }

  add(constraint: Constraint): void {
    this.byName.set(constraint.definition.name, constraint);
  }

  remove(constraint: Constraint): void {
    this.byName.delete(constraint.definition.name);
  }

  /** Constraints on nodes with `label` (or relationships of type `label` when `entity` says so). */
  forToken(entity: ConstraintDefinition['entity'], token: number): Constraint[] {
    const result: Constraint[] = [];
    for (const constraint of this.byName.values()) {
      if (constraint.definition.entity === entity && constraint.definition.token === token)
        result.push(constraint);
    }
    return result;
  }
}
