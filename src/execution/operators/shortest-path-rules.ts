import type { Direction } from '../../storage/index.js';
import { equals, Path, type CypherValue } from '../../values/index.js';
import type { Evaluator } from '../expressions/compile-scope.js';
import type { ExecutionContext } from '../runtime/context.js';
import type { Row } from '../runtime/row.js';
import type { StepBinding } from './shortest-path-predicates.js';

/** A compiled step predicate (see `splitPathPredicate`). */
export interface CompiledStep {
  readonly binding: StepBinding;
  readonly evaluate: Evaluator;
}

/** Where the step predicates find the element they judge: the operator's path and list slots. */
export interface StepSlots {
  readonly path: number;
  readonly relationship: number;
}

/**
 * What one search may step over, for one input row: the pattern's direction and types, its relationship
 * property map (`[*.. {since: 2020}]`) and the step predicates. Only ids travel; a step predicate gets a
 * one-element path or list bound in a scratch copy of the row, the only place entity values are built
 * before a result row.
 */
export class StepRules {
  readonly direction: Direction;
  /** Type tokens, undefined for any type. */
  readonly types: readonly number[] | undefined;
  /** Whether `acceptsRelationship` can say no (false: callers may skip calling it). */
  readonly filtersRelationships: boolean;
  /** Whether `acceptsNode` can say no. */
  readonly filtersNodes: boolean;
  /** No relationship can be on a path (a type or property key of the pattern does not exist). */
  readonly traversesNothing: boolean;
  private readonly context: ExecutionContext;
  private readonly required: readonly (readonly [number, CypherValue])[];
  private readonly relationshipSteps: readonly CompiledStep[];
  private readonly nodeSteps: readonly CompiledStep[];
  private readonly scratch: Row;
  private readonly slots: StepSlots;

  constructor(
    context: ExecutionContext,
    row: Row,
    direction: Direction,
    types: readonly number[] | undefined,
    required: readonly (readonly [number, CypherValue])[],
    steps: readonly CompiledStep[],
    slots: StepSlots,
    traversable: boolean,
  ) {
    this.context = context;
    this.direction = direction;
    this.types = types;
    this.required = required;
    this.relationshipSteps = steps.filter((step) => step.binding !== 'node');
    this.nodeSteps = steps.filter((step) => step.binding === 'node');
    this.filtersRelationships = required.length > 0 || this.relationshipSteps.length > 0;
    this.filtersNodes = this.nodeSteps.length > 0;
    this.scratch = steps.length > 0 ? row.slice() : row;
    this.slots = slots;
    this.traversesNothing = !traversable;
  }

  /** Whether the relationship `id`, walked from `from` to `to`, may be on a path. */
  acceptsRelationship(id: number, from: number, to: number): boolean {
    const tx = this.context.tx;
    for (const [key, value] of this.required) {
      if (equals(tx.relationshipProperty(id, key, 'NEW') ?? null, value) !== true) return false;
    }
    if (this.relationshipSteps.length === 0) return true;
    const entities = this.context.entities;
    const relationship = entities.relationship(id);
    const scratch = this.scratch;
    for (const step of this.relationshipSteps) {
      if (step.binding === 'relationship-list') scratch[this.slots.relationship] = [relationship];
      else scratch[this.slots.path] = new Path([entities.node(from), entities.node(to)], [relationship]);
      if (step.evaluate(scratch, this.context) !== true) return false;
    }
    return true;
  }

  /** Whether the node `id` may be on a path. */
  acceptsNode(id: number): boolean {
    if (this.nodeSteps.length === 0) return true;
    this.scratch[this.slots.path] = new Path([this.context.entities.node(id)], []);
    for (const step of this.nodeSteps) if (step.evaluate(this.scratch, this.context) !== true) return false;
    return true;
  }
}

/** The search direction seen from the other end of the pattern. */
export function reverseDirection(direction: Direction): Direction {
  if (direction === 'OUTGOING') return 'INCOMING';
  if (direction === 'INCOMING') return 'OUTGOING';
  return 'BOTH';
}
