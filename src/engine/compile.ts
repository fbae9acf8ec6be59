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
 * How much query text (UTF-16 units) the cache holds at most. Statements that carry their data inline (a
 * dump replay's batches of a thousand rows, generated scripts) are tens to hundreds of kilobytes, and a
 * cached compilation pins its AST, plan and constant values at about seven bytes of heap per character:
 * counted in statements alone, a thousand such batches pinned 420 MB in a 100k-node load, and up to 2 GB
 * with the largest batches. By text, the cache holds at most about 200 MB of them, and still every short
 * statement an application uses (1000 statements of 32 K characters fit).
 */
export const QUERY_CACHE_CHARACTERS = 32 * 1024 * 1024;

/**
 * Compiled statements by query text, least recently used evicted first, bounded both in statements and in
 * characters of text (see {@link QUERY_CACHE_CHARACTERS}); a statement longer than the whole character
 * budget is compiled but not kept. A plan depends on the schema (which indexes are online), so entries
 * remember the catalog generation they were planned under and are dropped when it changed.
 */
export class QueryCache {
  private readonly entries = new Map<string, { generation: string; compiled: CompiledStatement }>();
  private readonly capacity: number;
  private readonly maxCharacters: number;
  private characters = 0;
  /** The entry inserted or refreshed last (the last in the map's order). */
  private newest: { generation: string; compiled: CompiledStatement } | undefined;
  hits = 0;
  misses = 0;

  constructor(capacity = 1000, maxCharacters = QUERY_CACHE_CHARACTERS) {
    this.capacity = capacity;
    this.maxCharacters = maxCharacters;
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
      // An application running one statement over and over (the common case) skips it: it is the newest.
      if (this.newest !== entry) {
        this.entries.delete(text);
        this.entries.set(text, entry);
        this.newest = entry;
      }
      return entry.compiled;
    }
    this.misses++;
    const compiled = compile(text, catalog);
    this.remove(text);
    if (text.length > this.maxCharacters) return compiled;
    const added = { generation, compiled };
    this.entries.set(text, added);
    this.newest = added;
    this.characters += text.length;
    while (this.entries.size > this.capacity || this.characters > this.maxCharacters) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.remove(oldest);
    }
    return compiled;
  }

  private remove(text: string): void {
    if (this.entries.delete(text)) this.characters -= text.length;
  }

  clear(): void {
    this.entries.clear();
    this.characters = 0;
    this.newest = undefined;
  }
}
