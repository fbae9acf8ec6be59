/**
 * A small, careful micro-benchmark loop. Each case is warmed up, calibrated to a batch of about
 * `batchMs`, then measured in interleaved rounds (subject and baseline back to back, order alternating),
 * so drift on a busy machine hits both sides of a ratio alike. Reports medians.
 * Environment: QUIVER_BENCH_ROUNDS (default 11), QUIVER_BENCH_BATCH_MS (default 40).
 */
import type { BenchResult } from './bench-result.js';

const ROUNDS = positiveNumber(process.env['QUIVER_BENCH_ROUNDS'], 11);
const BATCH_MS = positiveNumber(process.env['QUIVER_BENCH_BATCH_MS'], 40);
const WARMUP_MS = Math.max(100, BATCH_MS * 4);

/** Results land here so the optimiser cannot drop the measured work. */
export let blackhole: unknown;

/** One side of a comparison. */
export interface Contender {
  readonly name: string;
  readonly fn: () => unknown;
}

export interface CompareOptions {
  readonly suite: string;
  readonly name: string;
  readonly goal?: number;
}

/** Measures `subject` against `baseline` in the same rounds. */
export function compare(options: CompareOptions, subject: Contender, baseline: Contender): BenchResult {
  const subjectIterations = calibrate(subject.fn);
  const baselineIterations = calibrate(baseline.fn);
  const subjectOps: number[] = [];
  const baselineOps: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let a: number;
    let b: number;
    if (round % 2 === 0) {
      a = opsPerSecond(subject.fn, subjectIterations);
      b = opsPerSecond(baseline.fn, baselineIterations);
    } else {
      b = opsPerSecond(baseline.fn, baselineIterations);
      a = opsPerSecond(subject.fn, subjectIterations);
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
    rounds: ROUNDS,
    baseline: { name: baseline.name, opsPerSecond: median(baselineOps) },
    ratio: median(ratios),
  };
  return options.goal === undefined ? result : { ...result, goal: options.goal };
}

/** Measures one function alone. */
export function measure(options: CompareOptions, subject: Contender): BenchResult {
  const iterations = calibrate(subject.fn);
  const ops: number[] = [];
  for (let round = 0; round < ROUNDS; round++) ops.push(opsPerSecond(subject.fn, iterations));
  return {
    suite: options.suite,
    name: options.name,
    opsPerSecond: median(ops),
    spread: spread(ops),
    rounds: ROUNDS,
  };
}

/** Warms `fn` up and returns how many calls take about one batch. */
function calibrate(fn: () => unknown): number {
  let iterations = 1;
  const warmupEnd = performance.now() + WARMUP_MS;
  while (performance.now() < warmupEnd) {
    const elapsed = timeBatch(fn, iterations);
    if (elapsed < BATCH_MS / 4) iterations *= 2;
  }
  const elapsed = timeBatch(fn, iterations);
  return Math.max(1, Math.round((iterations * BATCH_MS) / Math.max(elapsed, 0.001)));
}

function opsPerSecond(fn: () => unknown, iterations: number): number {
  return (iterations * 1000) / timeBatch(fn, iterations);
}

function timeBatch(fn: () => unknown, iterations: number): number {
  const start = performance.now();
  for (let index = 0; index < iterations; index++) blackhole = fn();
  return performance.now() - start;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function spread(values: readonly number[]): number {
  return (Math.max(...values) - Math.min(...values)) / median(values);
}

function positiveNumber(text: string | undefined, fallback: number): number {
  const value = Number(text);
  return text !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}
