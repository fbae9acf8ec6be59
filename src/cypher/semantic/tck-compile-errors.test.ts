import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { generateMessages } from '@cucumber/gherkin';
import { IdGenerator, SourceMediaType } from '@cucumber/messages';
import { DatabaseError } from '../../errors/index.js';
import { parse } from '../parser/parse.js';
import { analyze } from './analyze.js';

// The TCK is data outside the repository (docs/architecture.md, "Testing layout"); QUIVER_TCK_DIR overrides.
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const featuresDir = process.env['QUIVER_TCK_DIR'] ?? join(repoRoot, '..', 'shared', 'tck', 'features');

interface Scenario {
  readonly name: string;
  readonly query: string;
  /** `[type, detail]` of a compile-time error, undefined when the scenario expects no compile-time error. */
  readonly compileError: readonly [string, string] | undefined;
}

function featureFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? featureFiles(join(dir, entry.name))
      : entry.name.endsWith('.feature')
        ? [join(dir, entry.name)]
        : [],
  );
}

let cache: Scenario[] | undefined;

/** Every scenario (outlines expanded into pickles) with its `When executing query:` text. */
function loadScenarios(): Scenario[] {
  if (cache !== undefined) return cache;
  const scenarios: Scenario[] = [];
  cache = scenarios;
  for (const file of featureFiles(featuresDir)) {
    const envelopes = generateMessages(
      readFileSync(file, 'utf8'),
      file,
      SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN,
      {
        includePickles: true,
        includeGherkinDocument: false,
        includeSource: false,
        newId: IdGenerator.incrementing(),
      },
    );
    for (const { pickle } of envelopes) {
      if (pickle === undefined) continue;
      const when = pickle.steps.find((step) => step.text.startsWith('executing query'));
      const query = when?.argument?.docString?.content;
      if (query === undefined) continue;
      const then = pickle.steps.map((step) =>
        /^an? (\w+) should be raised at compile time: (\w+)/.exec(step.text),
      );
      const match = then.find((m) => m !== null);
      scenarios.push({
        name: `${relative(featuresDir, file)}: ${pickle.name}`,
        query,
        compileError: match?.[1] !== undefined && match[2] !== undefined ? [match[1], match[2]] : undefined,
      });
    }
  }
  return scenarios;
}

/** Procedure errors need the procedure registry, which the engine consults after analysis. */
const NEEDS_PROCEDURE_REGISTRY = new Set([
  'InvalidNumberOfArguments',
  'MissingParameter',
  'ProcedureNotFound',
  'InvalidArgumentPassingMode',
]);

function outcome(query: string): DatabaseError | undefined {
  try {
    analyze(parse(query), query);
    return undefined;
  } catch (error) {
    if (error instanceof DatabaseError) return error;
    throw error;
  }
}

const available = existsSync(featuresDir);

test(
  'every TCK scenario expecting a compile-time error gets the expected detail from parse and analyze',
  {
    skip: available ? false : `no TCK at ${featuresDir}`,
  },
  () => {
    const expected = loadScenarios().filter((s) => s.compileError !== undefined);
    const misses: string[] = [];
    let matched = 0;
    for (const scenario of expected) {
      const [, detail] = scenario.compileError ?? ['', ''];
      const error = outcome(scenario.query);
      if (error?.detail === detail) matched++;
      else if (
        !(error === undefined && NEEDS_PROCEDURE_REGISTRY.has(detail)) &&
        !scenario.query.includes('test.my.proc')
      ) {
        misses.push(`${scenario.name}: expected ${detail}, got ${error?.detail ?? 'no error'}`);
      }
    }
    assert.deepEqual(misses, []);
    // 445 such scenarios; the 7 left need the procedure registry (Call1, Call2).
    assert.ok(matched >= 438, `only ${matched} of ${expected.length} matched`);
  },
);

test(
  'no TCK query that is expected to compile is rejected by analyze',
  {
    skip: available ? false : `no TCK at ${featuresDir}`,
  },
  () => {
    const rejected: string[] = [];
    for (const scenario of loadScenarios()) {
      if (scenario.compileError !== undefined) continue;
      let statement;
      try {
        statement = parse(scenario.query);
      } catch {
        continue; // the parser's own acceptance is tested with the parser
      }
      try {
        analyze(statement, scenario.query);
      } catch (error) {
        rejected.push(`${scenario.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    assert.deepEqual(rejected, []);
  },
);
