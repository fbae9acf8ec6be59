import { analyze, parse, type AnalyzedStatement, type Statement } from '../cypher/index.js';
import { planQuery, type CatalogView, type QueryPlan } from '../planner/index.js';

/** Time spent in each phase of compiling one statement, in milliseconds. */
export interface CompilationTimings {
  readonly parse: number;
  readonly analyze: number;
  readonly plan: number;
}

/** A query ready to run: its analysis and its plan. */
export interface CompiledQuery {
  readonly kind: 'query';
  readonly text: string;
  readonly mode: 'EXECUTE' | 'EXPLAIN' | 'PROFILE';
  readonly analyzed: AnalyzedStatement;
  readonly plan: QueryPlan;
  readonly timings: CompilationTimings;
}

/** A statement the engine runs itself (schema, SHOW, transaction and database commands). */
export interface CompiledCommand {
  readonly kind: 'command';
  readonly text: string;
  readonly statement: Exclude<Statement, { kind: 'QueryStatement' }>;
  readonly analyzed: AnalyzedStatement;
  readonly timings: CompilationTimings;
}

export type CompiledStatement = CompiledQuery | CompiledCommand;

/**
 * The whole pipeline in one screen (architecture "pipeline"): parse -> analyze -> plan. Each phase is timed;
 * errors carry their phase's type (syntax, semantic) and position.
 */
export function compile(text: string, catalog: CatalogView): CompiledStatement {
  let mark = performance.now();
  const lap = (): number => {
    const now = performance.now();
    const elapsed = now - mark;
    mark = now;
    return elapsed;
  };
  const statement = parse(text);
  const parseTime = lap();
  const analyzed = analyze(statement, text);
  const analyzeTime = lap();
  if (statement.kind !== 'QueryStatement') {
    return {
      kind: 'command',
      text,
      statement,
      analyzed,
      timings: { parse: parseTime, analyze: analyzeTime, plan: 0 },
    };
  }
  const plan = planQuery(analyzed, catalog);
  return {
    kind: 'query',
    text,
    mode: statement.mode,
    analyzed,
    plan,
    timings: { parse: parseTime, analyze: analyzeTime, plan: lap() },
  };
}

/**
 * Compiled statements by query text, least recently used evicted first. A plan depends on the schema (which
 * indexes are online), so entries remember the catalog generation they were planned under and are dropped
 * when it changed.
 */
export class QueryCache {
  private readonly entries = new Map<string, { generation: string; compiled: CompiledStatement }>();
  private readonly capacity: number;
  hits = 0;
  misses = 0;

  constructor(capacity = 1000) {
    this.capacity = capacity;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cached compilation of `text`, or a fresh one (then cached). */
  compile(text: string, catalog: CatalogView, generation: string): CompiledStatement {
    const entry = this.entries.get(text);
    if (entry?.generation === generation) {
      this.hits++;
      // Re-insert: Map iteration order is insertion order, so the first key is the least recently used.
      this.entries.delete(text);
      this.entries.set(text, entry);
      return entry.compiled;
    }
    this.misses++;
    const compiled = compile(text, catalog);
    this.entries.delete(text);
    this.entries.set(text, { generation, compiled });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return compiled;
  }

  clear(): void {
    this.entries.clear();
  }
}
