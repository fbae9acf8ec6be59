/**
 * The result type every `*.bench.ts` module returns from its `run()` export; bench/run.ts collects them,
 * prints a table and writes them as JSON.
 */
export interface BenchResult {
  /** The module or area, e.g. `packstream`. */
  readonly suite: string;
  /** What was measured, e.g. `encode 1000 mixed ints`. */
  readonly name: string;
  /** Median throughput of the subject (Quiver) in operations per second. */
  readonly opsPerSecond: number;
  /** Relative spread of the subject's samples: (max − min) / median over the measured rounds. */
  readonly spread: number;
  /** Number of measured rounds. */
  readonly rounds: number;
  /** The implementation measured side by side in the same rounds, if any. */
  readonly baseline?: { readonly name: string; readonly opsPerSecond: number };
  /** Median over rounds of subject ops/s ÷ baseline ops/s (each round measures both back to back). */
  readonly ratio?: number;
  /** The ratio the project aims for; `ratio >= goal` meets it. */
  readonly goal?: number;
}

/** The contract of a benchmark module: `export async function run(): Promise<BenchResult[]>`. */
export interface BenchModule {
  run(): Promise<BenchResult[]>;
}
