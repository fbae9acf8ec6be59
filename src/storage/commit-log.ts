/**
 * The commit-log PORT: what storage hands to durability for every commit (house rule 8: the layer that needs
 * a service defines its interface; `durability` implements it and `engine` wires it in). Records carry
 * storage-level changes — ids, tokens and values — never statements, plans or AST (the Kuzu lesson).
 */
import type { CypherValue } from '../values/index.js';
import type { TokenKind } from './catalog/token-registry.js';
import type { ConstraintDefinition } from './constraints/constraint-definition.js';
import type { IndexDefinition } from './indexes/property-index.js';

/** Properties in a record: `[property-key token, value]` pairs. */
export type RecordProperties = readonly (readonly [key: number, value: CypherValue])[];

/**
 * One primitive change. Replaying the changes of a record in order on the state before it gives the state
 * after it. Changes are written as final states (a property's value at commit, `null` when removed), so
 * replaying a record twice is harmless. Order inside a record: created nodes, created relationships, label
 * and property changes, deleted relationships, deleted nodes, then schema changes.
 */
export type StorageChange =
  | {
      readonly kind: 'CreateNode';
      readonly id: number;
      readonly labels: readonly number[];
      readonly properties: RecordProperties;
    }
  | {
      readonly kind: 'CreateRelationship';
      readonly id: number;
      readonly type: number;
      readonly start: number;
      readonly end: number;
      readonly properties: RecordProperties;
    }
  | { readonly kind: 'AddLabel'; readonly id: number; readonly label: number }
  | { readonly kind: 'RemoveLabel'; readonly id: number; readonly label: number }
  | {
      readonly kind: 'SetNodeProperty';
      readonly id: number;
      readonly key: number;
      readonly value: CypherValue;
    }
  | {
      readonly kind: 'SetRelationshipProperty';
      readonly id: number;
      readonly key: number;
      readonly value: CypherValue;
    }
  | { readonly kind: 'DeleteRelationship'; readonly id: number }
  | { readonly kind: 'DeleteNode'; readonly id: number }
  | { readonly kind: 'CreateIndex'; readonly index: IndexDefinition }
  | { readonly kind: 'DropIndex'; readonly name: string }
  | { readonly kind: 'CreateConstraint'; readonly constraint: ConstraintDefinition }
  | { readonly kind: 'DropConstraint'; readonly name: string };

/** A token a record refers to, with its name, so a log can be replayed without the store that wrote it. */
export interface TokenDefinition {
  readonly kind: TokenKind;
  readonly id: number;
  readonly name: string;
}

/** Everything one commit changed. */
export interface CommitRecord {
  /** The commit timestamp: records reach the log in increasing order of it. */
  readonly commitTs: number;
  /** Every token the changes refer to (a log may write each token only once). */
  readonly tokens: readonly TokenDefinition[];
  readonly changes: readonly StorageChange[];
}

/**
 * Receives each commit before it becomes visible. `append` is called in commit-timestamp order, possibly
 * several times before an earlier call's promise settles, so the implementation may flush many records
 * with one fsync (group commit). The commit becomes visible and is acknowledged to the client only after
 * `append` returned (synchronously) or its promise resolved; if it throws or rejects, the transaction is
 * rolled back and its commit fails with that error (a `DatabaseError` passes through, anything else becomes
 * `Neo.DatabaseError.Transaction.TransactionLogError`).
 */
export interface CommitLog {
  append(record: CommitRecord): void | Promise<void>;
}
