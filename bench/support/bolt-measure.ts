/**
 * Asynchronous side-by-side measurement for the Bolt benchmarks (the synchronous `compare` of measure.ts
 * cannot time socket conversations). Each contender runs once or more to warm up, then both run in
 * interleaved rounds (order alternating), so load drift on a shared machine hits both sides of the ratio
 * alike. A run returns how many operations it did (records streamed, round trips made); ops/s is that
 * count over the run's wall time. Reports medians, like measure.ts.
 * Environment: QUIVER_BENCH_SMOKE=1 selects small sizes (see {@link isSmoke}).
 */
import { readFileSync } from 'node:fs';
import type { BenchResult } from './bench-result.js';

/** CI's informational run: small sizes, few rounds, the whole Bolt bench in well under 20 s. */
export const isSmoke = process.env['QUIVER_BENCH_SMOKE'] === '1';

/** One side of a comparison: one run does some operations and says how many. */
export interface AsyncContender {
  readonly name: string;
  readonly run: () => Promise<number>;
}

export interface AsyncCompareOptions {
  readonly suite: string;
  readonly name: string;
  readonly goal?: number;
  readonly rounds: number;
  /** Untimed runs of each contender first (JIT, pools, caches). */
  readonly warmups: number;
}

/** Measures `subject` against `baseline` in the same rounds. */
export async function compareAsync(
  options: AsyncCompareOptions,
  subject: AsyncContender,
  baseline: AsyncContender,
): Promise<BenchResult> {
  for (let warmup = 0; warmup < options.warmups; warmup++) {
    await subject.run();
    await baseline.run();
  }
  const subjectOps: number[] = [];
  const baselineOps: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    let a: number;
    let b: number;
    if (round % 2 === 0) {
      a = await timed(subject);
      b = await timed(baseline);
    } else {
      b = await timed(baseline);
      a = await timed(subject);
    }
    subjectOps.push(a);
    baselineOps.push(b);
    ratios.push(a / b);
  }
  const result: BenchResult = {
    suite: options.suite,
    name: options.name,
    opsPerSecond: median(subjectOps),
    spread: spread(subjectOps),
    rounds: options.rounds,
    baseline: { name: baseline.name, opsPerSecond: median(baselineOps) },
    ratio: median(ratios),
  };
  return options.goal === undefined ? result : { ...result, goal: options.goal };
}

/** Measures one contender alone; `ops/s` samples are returned too (for derived figures). */
export async function measureAsync(
  options: Omit<AsyncCompareOptions, 'goal'>,
  subject: AsyncContender,
): Promise<{ readonly result: BenchResult; readonly samples: readonly number[] }> {
  for (let warmup = 0; warmup < options.warmups; warmup++) await subject.run();
  const samples: number[] = [];
  for (let round = 0; round < options.rounds; round++) samples.push(await timed(subject));
  return {
    result: {
      suite: options.suite,
      name: options.name,
      opsPerSecond: median(samples),
      spread: spread(samples),
      rounds: options.rounds,
    },
    samples,
  };
}

async function timed(contender: AsyncContender): Promise<number> {
  const start = performance.now();
  const ops = await contender.run();
  return (ops * 1000) / (performance.now() - start);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

function spread(values: readonly number[]): number {
  return (Math.max(...values) - Math.min(...values)) / median(values);
}

/** Formats a byte count for result names (`64.0 KiB`). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes.toFixed(0)} B`;
}

/** The load average, to print next to figures taken on a shared machine. */
export async function loadAverage(): Promise<string> {
  const { loadavg, cpus } = await import('node:os');
  return `load average ${loadavg()
    .map((value) => value.toFixed(2))
    .join(', ')} on ${cpus().length} cores`;
}

/**
 * CPU time of the calling thread in nanoseconds (Linux `/proc/thread-self/schedstat`), or null where /proc
 * does not tell. Per-thread CPU separates a server's cost from the client's on a busy machine.
 */
export function threadCpuNs(): number | null {
  try {
    const value = Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]);
    return Number.isFinite(value) ? value : null;
  } catch {
    return null;
  }
}

/** Wraps a contender so that the calling thread's CPU time and the operations of its runs are summed. */
export function withCpuAccounting(contender: AsyncContender): AsyncContender & {
  readonly totals: { cpuNs: number; ops: number; runs: number };
} {
  const totals = { cpuNs: 0, ops: 0, runs: 0 };
  return {
    name: contender.name,
    totals,
    run: async () => {
      const before = threadCpuNs();
      const ops = await contender.run();
      const after = threadCpuNs();
      if (before !== null && after !== null) totals.cpuNs += after - before;
      totals.ops += ops;
      totals.runs++;
      return ops;
    },
  };
}
