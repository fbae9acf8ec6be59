import type { DatabaseError } from '../../errors/index.js';
import type { PatternElement, PatternPart, Query } from '../ast/index.js';
import type { Scope } from './scope.js';
import { semanticError, type SemanticDetail } from './semantic-error.js';

/** Where a nested query appears: each kind has its own composition rules. */
export type SubqueryKind = 'exists' | 'count' | 'collect';

/**
 * Hooks that let expression checks analyze nested queries and patterns without importing the clause
 * analysis (which imports the expression checks): the module graph stays acyclic.
 */
export interface AnalysisHooks {
  /** Analyzes an EXISTS / COUNT / COLLECT subquery that sees `outer`; returns its result columns. */
  subquery(query: Query, outer: Scope, kind: SubqueryKind): readonly string[];
  /** Checks a pattern used inside an expression; returns `scope` extended with the pattern's variables. */
  pattern(parts: readonly PatternPart[], scope: Scope): Scope;
  /** Checks a pattern used as a predicate: it may not introduce variables (UndefinedVariable). */
  predicatePattern(pattern: PatternElement, scope: Scope): void;
}

/** Per-statement state shared by every check: the query text (for positions) and the parameters seen. */
export class AnalysisContext {
  readonly text: string;
  readonly parameters = new Set<string>();
  readonly hooks: AnalysisHooks;
  /** How many queries deep the analysis is (0: the statement's own query; CALL IN TRANSACTIONS needs 0). */
  subqueryDepth = 0;

  constructor(text: string, hooks: AnalysisHooks) {
    this.text = text;
    this.hooks = hooks;
  }

  /** The error to throw for a failed check at offset `pos`. */
  error(detail: SemanticDetail, message: string, pos: number): DatabaseError {
    return semanticError(this.text, detail, message, pos);
  }

  /** A compile-time TypeError (the TCK's `TypeError ... at compile time`). */
  typeError(message: string, pos: number): DatabaseError {
    return semanticError(this.text, 'InvalidArgumentType', message, pos, 'type');
  }
}
