/**
 * Runs every compiled benchmark module (`*.bench.js` under build/bench and build/src), prints a table and
 * writes all results to bench-results.json in the working directory.
 * Usage: `npm run bench` or `node build/bench/run.js [substring-filter ...]`.
 * Benchmarks are informational (not a CI gate): the process fails only if a module throws.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchModule, BenchResult } from './support/bench-result.js';

const buildRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT_FILE = 'bench-results.json';

function findBenchModules(directory: string, found: string[] = []): string[] {
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) findBenchModules(path, found);
    else if (entry.name.endsWith('.bench.js')) found.push(path);
  }
  return found;
}

/** Checked on the compiled text, so a module that is a plain script is not executed by importing it. */
function exportsRun(file: string): boolean {
  const source = readFileSync(file, 'utf8');
  return (
    /export\s+(async\s+)?function\s+run\s*\(/.test(source) || /export\s*\{[^}]*\brun\b[^}]*\}/.test(source)
  );
}

function isBenchModule(value: unknown): value is BenchModule {
  return (
    typeof value === 'object' && value !== null && typeof (value as { run?: unknown }).run === 'function'
  );
}

function formatOps(ops: number): string {
  if (ops >= 1e6) return `${(ops / 1e6).toFixed(2)}M`;
  if (ops >= 1e3) return `${(ops / 1e3).toFixed(1)}k`;
  return ops.toFixed(1);
}

function renderTable(results: readonly BenchResult[]): string {
  const header = ['suite', 'benchmark', 'ops/s', '±spread', 'baseline', 'baseline ops/s', 'ratio', 'goal'];
  const rows = results.map((result) => [
    result.suite,
    result.name,
    formatOps(result.opsPerSecond),
    `${(result.spread * 100).toFixed(0)}%`,
    result.baseline?.name ?? '',
    result.baseline === undefined ? '' : formatOps(result.baseline.opsPerSecond),
    result.ratio === undefined ? '' : `${result.ratio.toFixed(2)}x`,
    result.goal === undefined
      ? ''
      : `${result.ratio !== undefined && result.ratio >= result.goal ? 'ok' : 'MISS'} ≥${result.goal}x`,
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) =>
        column >= 2 && column !== 4 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
      )
      .join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const filters = process.argv.slice(2);
  const files = [...findBenchModules(join(buildRoot, 'bench')), ...findBenchModules(join(buildRoot, 'src'))]
    .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
    .sort();
  if (files.length === 0) {
    console.error(`No *.bench.js modules under ${buildRoot} (did \`tsc -b\` run?)`);
    process.exitCode = 1;
    return;
  }
  const results: BenchResult[] = [];
  for (const file of files) {
    const name = relative(buildRoot, file);
    if (!exportsRun(file)) {
      console.warn(`skipping ${name}: it does not export \`async function run(): Promise<BenchResult[]>\``);
      continue;
    }
    console.log(`running ${name} …`);
    const module: unknown = await import(pathToFileURL(file).href);
    if (!isBenchModule(module)) {
      console.error(`${file} does not export run()`);
      process.exitCode = 1;
      continue;
    }
    results.push(...(await module.run()));
  }
  console.log(`\n${renderTable(results)}\n`);
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    results,
  };
  writeFileSync(OUTPUT_FILE, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`wrote ${OUTPUT_FILE}`);
}

await main();
