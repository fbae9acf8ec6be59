import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { AstBuilder, compile, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator, type GherkinDocument, type Scenario } from '@cucumber/messages';

/** One step of a scenario, outline placeholders already filled in. */
export interface TckStep {
  /** The step text without its keyword (`an empty graph`, `executing query:`). */
  readonly text: string;
  readonly docString?: string;
  /** Table rows of cell texts (Gherkin escapes undone). */
  readonly table?: readonly (readonly string[])[];
}

/** One runnable scenario: a plain Scenario, or one Examples row of a Scenario Outline. */
export interface TckScenario {
  /** `<feature path> :: <scenario name>` plus ` [#row]` for outline rows: the test name. */
  readonly name: string;
  readonly featurePath: string;
  readonly steps: readonly TckStep[];
}

/** Every `.feature` file under `root`, as sorted absolute paths. */
export function findFeatureFiles(root: string): string[] {
  const files: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.feature')) files.push(path);
    }
  };
  visit(root);
  return files.sort();
}

/** Parses one feature file of the TCK under `root` into its scenarios, outlines expanded. */
export function loadFeature(root: string, file: string): TckScenario[] {
  const featurePath = relative(root, file).split(sep).join('/');
  return parseFeature(featurePath, readFileSync(file, 'utf8'));
}

/**
 * Parses feature text with @cucumber/gherkin and compiles it into pickles (which expand outlines and
 * prepend Background steps). Outline rows are numbered from 1 across all Examples blocks of the outline.
 * @throws Error (from Gherkin) on malformed feature text.
 */
export function parseFeature(featurePath: string, text: string): TckScenario[] {
  const newId = IdGenerator.incrementing();
  const parser = new Parser(new AstBuilder(newId), new GherkinClassicTokenMatcher());
  const document = parser.parse(text);
  const { scenarios, rowNumbers } = indexScenarios(document);
  const seen = new Set<string>();
  return compile(document, featurePath, newId).map((pickle) => {
    const [scenarioId = '', rowId] = pickle.astNodeIds;
    const scenarioName = scenarios.get(scenarioId)?.name ?? pickle.name;
    const row = rowId === undefined ? undefined : rowNumbers.get(rowId);
    let name = `${featurePath} :: ${scenarioName}${row === undefined ? '' : ` [#${row}]`}`;
    // Names identify denylist entries, so they must be unique even if a feature repeats a scenario name.
    for (let copy = 2; seen.has(name); copy += 1) name = `${name} (${copy})`;
    seen.add(name);
    const steps = pickle.steps.map((step): TckStep => {
      const docString = step.argument?.docString?.content;
      const rows = step.argument?.dataTable?.rows;
      return {
        text: step.text,
        ...(docString === undefined ? {} : { docString }),
        ...(rows === undefined ? {} : { table: rows.map((r) => r.cells.map((cell) => cell.value)) }),
      };
    });
    return { name, featurePath, steps };
  });
}

function indexScenarios(document: GherkinDocument): {
  scenarios: Map<string, Scenario>;
  rowNumbers: Map<string, number>;
} {
  const scenarios = new Map<string, Scenario>();
  const rowNumbers = new Map<string, number>();
  const children = document.feature?.children ?? [];
  const all = children.flatMap((child) => [
    ...(child.scenario === undefined ? [] : [child.scenario]),
    ...(child.rule?.children ?? []).flatMap((ruleChild) =>
      ruleChild.scenario === undefined ? [] : [ruleChild.scenario],
    ),
  ]);
  for (const scenario of all) {
    scenarios.set(scenario.id, scenario);
    let number = 0;
    for (const examples of scenario.examples) {
      for (const row of examples.tableBody) rowNumbers.set(row.id, (number += 1));
    }
  }
  return { scenarios, rowNumbers };
}
