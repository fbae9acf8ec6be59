import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One query found in a TCK feature file. */
export interface TckQuery {
  readonly feature: string;
  readonly scenario: string;
  readonly text: string;
  /** Set for the main query of a scenario expecting a compile-time SyntaxError: the TCK detail. */
  readonly syntaxErrorDetail: string | undefined;
}

/** Where the shared openCypher TCK lives (data, not part of the repository). */
export const TCK_FEATURES = process.env['QUIVER_TCK_FEATURES'] ?? '/work/shared/tck/features';

function featureFiles(directory: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...featureFiles(path));
    else if (entry.name.endsWith('.feature')) files.push(path);
  }
  return files.sort();
}

interface ScenarioText {
  readonly name: string;
  readonly lines: readonly string[];
}

/** Splits a feature into scenarios (the Background, if any, is prepended to each). */
function scenariosOf(lines: readonly string[]): ScenarioText[] {
  const scenarios: ScenarioText[] = [];
  let background: string[] = [];
  let current: { name: string; lines: string[] } | undefined;
  let inBackground = false;
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed.startsWith('Background:')) {
      inBackground = true;
      continue;
    }
    const match = /^Scenario(?: Outline)?:\s*(.*)$/.exec(trimmed);
    if (match) {
      inBackground = false;
      current = { name: match[1] ?? '', lines: [...background] };
      scenarios.push(current);
      continue;
    }
    if (inBackground) background = [...background, line];
    else current?.lines.push(line);
  }
  return scenarios;
}

/** Rows of the Examples tables of an outline, as maps from column name to cell. */
function examplesOf(lines: readonly string[]): Map<string, string>[] {
  const rows: Map<string, string>[] = [];
  let header: string[] | undefined;
  let inExamples = false;
  let inDocString = false;
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed.startsWith('"""')) inDocString = !inDocString;
    if (inDocString) continue;
    if (trimmed.startsWith('Examples:')) {
      inExamples = true;
      header = undefined;
      continue;
    }
    if (!inExamples || !trimmed.startsWith('|')) continue;
    const cells = splitRow(trimmed);
    if (header === undefined) header = cells;
    else rows.push(new Map(header.map((name, index) => [name, cells[index] ?? ''])));
  }
  return rows;
}

function splitRow(row: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let index = 1; index < row.length; index++) {
    const char = row[index] ?? '';
    if (char === '\\' && index + 1 < row.length) {
      const next = row[index + 1] ?? '';
      cell += next === '|' ? '|' : next === 'n' ? '\n' : next === '\\' ? '\\' : `\\${next}`;
      index++;
    } else if (char === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += char;
  }
  return cells;
}

/** The doc strings following `executing query:` / `having executed:` steps, with their step kind. */
function docStrings(lines: readonly string[]): { step: string; text: string }[] {
  const result: { step: string; text: string }[] = [];
  for (let index = 0; index < lines.length; index++) {
    const step = (lines[index] ?? '').trim();
    if (step.startsWith('#') || !/(executing query|having executed|executing control query):$/.test(step))
      continue;
    const open = lines[index + 1] ?? '';
    const indent = open.indexOf('"""');
    if (indent === -1) continue;
    const body: string[] = [];
    let end = index + 2;
    while (end < lines.length && !(lines[end] ?? '').trim().startsWith('"""')) {
      const line = lines[end] ?? '';
      body.push(line.slice(Math.min(indent, line.length - line.trimStart().length)));
      end++;
    }
    result.push({ step, text: body.join('\n') });
    index = end;
  }
  return result;
}

/** Every query of every scenario (outlines expanded once per Examples row). */
export function loadTckQueries(root: string = TCK_FEATURES): TckQuery[] {
  const queries: TckQuery[] = [];
  for (const file of featureFiles(root)) {
    const feature = file.slice(root.length + 1);
    for (const scenario of scenariosOf(readFileSync(file, 'utf8').split('\n'))) {
      const expectation = scenario.lines
        .map((line) => /SyntaxError should be raised at compile time: (\w+)/.exec(line))
        .find((m) => m);
      const rows = examplesOf(scenario.lines);
      for (const row of rows.length === 0 ? [new Map<string, string>()] : rows) {
        for (const { step, text } of docStrings(scenario.lines)) {
          const expanded = text.replace(/<([^<>\s]+)>/g, (whole, name: string) => row.get(name) ?? whole);
          const isMain = step.includes('executing query');
          queries.push({
            feature,
            scenario: scenario.name,
            text: expanded,
            syntaxErrorDetail: isMain ? expectation?.[1] : undefined,
          });
        }
      }
    }
  }
  return queries;
}
