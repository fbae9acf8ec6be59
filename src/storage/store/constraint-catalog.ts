import { DatabaseError, invariant, Status, TransactionConflictError } from '../../errors/index.js';
import { hashKey, type CypherValue } from '../../values/index.js';
import {
  constraintTypeName,
  type ConstraintDefinition,
  type ConstraintKind,
  type PropertyType,
} from '../constraints/constraint-definition.js';
import type { Constraint } from '../constraints/constraint-registry.js';
import { bothHave } from '../constraints/violation-messages.js';
import { getProperty } from '../graph/property-map.js';
import type { EntityKind } from '../indexes/property-index.js';
import { CommitStamp } from '../mvcc/delta.js';
import type { Snapshot } from '../mvcc/visibility.js';
import { checkShape } from './constraint-checks.js';
import { isNodeVisibleWithLabel, readNodeProperties } from './node-reads.js';
import { isRelationshipVisible, readRelationshipProperties } from './relationship-reads.js';
import { defaultSchemaName, describeSchema } from './schema-description.js';
import { publishSchemaChange } from './schema-publication.js';
import type { IndexCatalog } from './index-catalog.js';
import type { SchemaContext } from './schema-context.js';

/** What a caller gives to create a constraint; the name defaults to a generated one. */
export interface ConstraintRequest {
  readonly name?: string;
  readonly kind: ConstraintKind;
  readonly entity: EntityKind;
  readonly token: number;
  readonly properties: readonly number[];
  readonly types?: readonly PropertyType[];
}

/** A read-only view of a constraint (SHOW CONSTRAINTS). */
export interface ConstraintDescriptor extends ConstraintDefinition {
  readonly id: number;
  /** Neo4j's type name: `NODE_PROPERTY_UNIQUENESS`, `RELATIONSHIP_KEY`, … */
  readonly type: string;
  /** The backing index (UNIQUENESS and KEY). */
  readonly ownedIndex: string | undefined;
}

/**
 * Creating and dropping constraints. A new constraint is checked against the committed data and refused
 * (`Neo.DatabaseError.Schema.ConstraintCreationFailed`) if any entity violates it; once registered, every
 * later commit is checked against it (commit-validation.ts), including transactions already running.
 * UNIQUENESS and KEY constraints get their own index, built at once.
 */
export class ConstraintCatalog {
  private readonly context: SchemaContext;
  private readonly indexCatalog: IndexCatalog;

  constructor(context: SchemaContext, indexCatalog: IndexCatalog) {
    this.context = context;
    this.indexCatalog = indexCatalog;
  }

  /**
   * Registers a constraint after checking the committed data.
   * @throws DatabaseError EquivalentSchemaRuleAlreadyExists, ConstraintWithNameAlreadyExists,
   * ConstraintCreationFailed; TransactionConflictError while commits are in flight.
   */
  create(request: ConstraintRequest): Constraint {
    const { state, manager } = this.context;
    validateRequest(request);
    const schema = describeSchema(state, request.entity, request.token, request.properties);
    const name =
      request.name ??
      defaultSchemaName(
        'constraint',
        `${request.kind}:${request.entity}:${request.token}:${request.properties.join(',')}`,
      );
    const definition: ConstraintDefinition = {
      name,
      kind: request.kind,
      entity: request.entity,
      token: request.token,
      properties: Object.freeze([...request.properties]),
      ...(request.types === undefined ? {} : { types: Object.freeze([...request.types]) }),
    };
    const described = `Constraint( name='${name}', type='${constraintTypeName(definition)}', schema=${schema} )`;
    if (state.constraints.list().some((each) => isEquivalent(each.definition, definition))) {
      throw new DatabaseError(
        Status.EquivalentSchemaRuleAlreadyExists,
        `An equivalent constraint already exists, '${described}'.`,
        {
          gqlStatus: '22N65',
        },
      );
    }
    if (state.constraints.get(name) !== undefined || state.indexes.get(name) !== undefined) {
      throw new DatabaseError(
        Status.ConstraintWithNameAlreadyExists,
        `There already exists a constraint called '${name}'.`,
      );
    }
    if (manager.committingCount > 0) {
      throw new TransactionConflictError('Commits are being written; retry creating the constraint');
    }
    const failure = this.findViolation(definition);
    if (failure !== undefined) {
      throw new DatabaseError(Status.ConstraintCreationFailed, `Unable to create ${described}:\n${failure}`);
    }
    const needsIndex = definition.kind === 'UNIQUENESS' || definition.kind === 'KEY';
    const index = needsIndex
      ? this.indexCatalog.create(
          { name, entity: definition.entity, token: definition.token, properties: definition.properties },
          Number.POSITIVE_INFINITY,
        )
      : undefined;
    if (index !== undefined) index.owningConstraint = name;
    const constraint: Constraint = { definition, id: state.constraints.allocateId(), index };
    state.constraints.add(constraint);
    return constraint;
  }

  /** Puts back a constraint that was valid when logged (recovery): no data check, index built at once. */
  restore(definition: ConstraintDefinition): void {
    const { state } = this.context;
    const needsIndex = definition.kind === 'UNIQUENESS' || definition.kind === 'KEY';
    const index = needsIndex
      ? this.indexCatalog.create(
          {
            name: definition.name,
            entity: definition.entity,
            token: definition.token,
            properties: definition.properties,
          },
          Number.POSITIVE_INFINITY,
        )
      : undefined;
    if (index !== undefined) index.owningConstraint = definition.name;
    state.constraints.add({ definition, id: state.constraints.allocateId(), index });
  }

  /** Removes a constraint and its index at once (recovery). */
  forget(name: string): void {
    this.remove(this.find(name));
  }

  publishCreation(constraint: Constraint): Promise<void> {
    const { definition } = constraint;
    return publishSchemaChange(
      this.context,
      { kind: 'CreateConstraint', constraint: definition },
      (tokens) => {
        tokens.add(definition.entity === 'NODE' ? 'LABEL' : 'RELATIONSHIP_TYPE', definition.token);
        for (const key of definition.properties) tokens.add('PROPERTY_KEY', key);
      },
      {
        onFail: () => {
          this.remove(constraint);
        },
      },
    );
  }

  /** @throws DatabaseError ConstraintNotFound */
  find(name: string): Constraint {
    const constraint = this.context.state.constraints.get(name);
    if (constraint === undefined) {
      throw new DatabaseError(
        Status.ConstraintNotFound,
        `Unable to drop constraint called '${name}'. There is no such constraint.`,
      );
    }
    return constraint;
  }

  publishDrop(constraint: Constraint): Promise<void> {
    return publishSchemaChange(
      this.context,
      { kind: 'DropConstraint', name: constraint.definition.name },
      () => undefined,
      {
        onPublish: () => {
          this.remove(constraint);
        },
      },
    );
  }

  describe(constraint: Constraint): ConstraintDescriptor {
    return {
      ...constraint.definition,
      id: constraint.id,
      type: constraintTypeName(constraint.definition),
      ownedIndex: constraint.index?.name,
    };
  }

  private remove(constraint: Constraint): void {
    this.context.state.constraints.remove(constraint);
    if (constraint.index !== undefined) this.indexCatalog.remove(constraint.index);
  }

  /** The first violation of `definition` in the newest committed data, as a message. */
  private findViolation(definition: ConstraintDefinition): string | undefined {
    const { state, manager } = this.context;
    const snapshot: Snapshot = { stamp: new CommitStamp(), readTs: manager.publishedTs, command: 0 };
    const isNode = definition.entity === 'NODE';
    const candidates = isNode
      ? state.labelIndex.get(definition.token)
      : state.typeIndex.get(definition.token);
    const tokenName = (isNode ? state.tokens.labels : state.tokens.relationshipTypes).nameOf(
      definition.token,
    );
    const seen = new Map<string, number>();
    for (let id = candidates?.nextFrom(0) ?? -1; id !== -1; id = candidates?.nextFrom(id + 1) ?? -1) {
      const visible = isNode
        ? isNodeVisibleWithLabel(state, snapshot, id, definition.token, 'NEW')
        : isRelationshipVisible(state, snapshot, id, 'NEW');
      if (!visible) continue;
      const properties = isNode
        ? readNodeProperties(state, snapshot, id, 'NEW')
        : readRelationshipProperties(state, snapshot, id, 'NEW');
      const subject = { entity: definition.entity, id, token: tokenName };
      const shape = checkShape(state, { definition, id: 0, index: undefined }, subject, properties);
      if (shape !== undefined) return shape;
      if (definition.kind !== 'UNIQUENESS' && definition.kind !== 'KEY') continue;
      const values: CypherValue[] = [];
      for (const key of definition.properties) {
        const value = getProperty(properties, key);
        if (value === undefined) break;
        values.push(value);
      }
      if (values.length < definition.properties.length) continue;
      const signature = hashKey(values);
      const first = seen.get(signature);
      if (first !== undefined) {
        const names = definition.properties.map((key) => state.tokens.propertyKeys.nameOf(key));
        return bothHave({ ...subject, id: first }, id, names, values);
      }
      seen.set(signature, id);
    }
    return undefined;
  }
}

function validateRequest(request: ConstraintRequest): void {
  invariant(request.properties.length > 0, 'A constraint needs at least one property');
  if (request.kind === 'EXISTENCE' || request.kind === 'PROPERTY_TYPE') {
    invariant(request.properties.length === 1, `A ${request.kind} constraint has exactly one property`);
  }
  if (request.kind === 'PROPERTY_TYPE') {
    invariant((request.types?.length ?? 0) > 0, 'A property type constraint needs at least one type');
  }
}

function isEquivalent(a: ConstraintDefinition, b: ConstraintDefinition): boolean {
  return (
    a.kind === b.kind &&
    a.entity === b.entity &&
    a.token === b.token &&
    a.properties.length === b.properties.length &&
    a.properties.every((key, index) => key === b.properties[index]) &&
    (a.types ?? []).join('|') === (b.types ?? []).join('|')
  );
}
