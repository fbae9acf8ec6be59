/**
 * The openCypher TCK, one node:test test per scenario (Scenario Outlines: one per Examples row), named
 * `<feature path> :: <scenario name> [#row]`.
 *
 * - Features come from QUIVER_TCK_DIR (default ../shared/tck next to the repository); the runner reads
 *   `<dir>/features/**.feature` and the named graphs in `<dir>/graphs`. No directory: one skipped test.
 * - QUIVER_TCK_TARGET picks the database (target/select-target.ts): in-process by default; Bolt later.
 * - QUIVER_TCK_FILTER=<substring> runs only the scenarios whose name contains it.
 * - test/tck/denylist.txt lists known failures. A denylisted scenario still runs: while it fails it is
 *   skipped ("denylisted: <reason>"); once it passes the test fails, so the list only shrinks.
 *   QUIVER_TCK_UPDATE_DENYLIST=1 rewrites the list with the scenarios failing now (reasons kept); only a
 *   full run (no QUIVER_TCK_FILTER) writes it, so a partial run never drops entries.
 * - Errors are compared by TCK type and detail; the phase (compile time / runtime) is not enforced, because
 *   Quiver may legitimately detect statically what Neo4j detects while running, and vice versa.
 * - Side effects are measured by diffing the graph before and after the query (side-effects.ts), as the
 *   TCK defines them, not from the engine's counters.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { formatDenylist, oneLine, parseDenylist } from './denylist.js';
import { findFeatureFiles, loadFeature, type TckScenario } from './feature-loader.js';
import { runScenario } from './scenario-runner.js';
import { selectTarget } from './target/select-target.js';

const SCENARIO_TIMEOUT_MS = 10_000;

/** The directory holding package.json above this (compiled) file. */
function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return start;
  }
}

const repoRoot = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
const tckDir = resolve(process.env['QUIVER_TCK_DIR'] ?? resolve(repoRoot, '../shared/tck'));
const featuresDir = existsSync(join(tckDir, 'features')) ? join(tckDir, 'features') : tckDir;
const denylistFile = join(repoRoot, 'test/tck/denylist.txt');
const updateDenylist = process.env['QUIVER_TCK_UPDATE_DENYLIST'] === '1';
const filter = process.env['QUIVER_TCK_FILTER'] ?? '';

const selected = existsSync(tckDir)
  ? await selectTarget(process.env['QUIVER_TCK_TARGET'])
  : { unavailable: `no openCypher TCK at ${tckDir} (set QUIVER_TCK_DIR)` };

if ('unavailable' in selected) {
  test('the openCypher TCK runs', { skip: selected.unavailable }, () => undefined);
} else {
  const target = selected;
  const denylist = parseDenylist(existsSync(denylistFile) ? readFileSync(denylistFile, 'utf8') : '');
  const scenarios: TckScenario[] = findFeatureFiles(featuresDir)
    .flatMap((file) => loadFeature(featuresDir, file))
    .filter((scenario) => scenario.name.includes(filter));
  const failing = new Map<string, string>();
  let passed = 0;
  let denylistedFailing = 0;

  for (const scenario of scenarios) {
    test(scenario.name, { timeout: SCENARIO_TIMEOUT_MS }, async (t) => {
      let failure: unknown;
      try {
        await runScenario(scenario, { target, graphsDir: join(tckDir, 'graphs') });
      } catch (error) {
        failure = error;
      }
      const reason = denylist.get(scenario.name);
      if (failure === undefined) {
        passed += 1;
        if (reason !== undefined && !updateDenylist) {
          assert.fail('denylisted but passes: remove it from test/tck/denylist.txt');
        }
        return;
      }
      const message = failure instanceof Error ? failure.message : `non-error thrown: ${typeof failure}`;
      failing.set(scenario.name, oneLine(message));
      if (reason !== undefined || updateDenylist) {
        if (reason !== undefined) denylistedFailing += 1;
        t.skip(`denylisted: ${reason ?? oneLine(message)}`);
        return;
      }
      throw failure instanceof Error ? failure : new Error(message);
    });
  }

  after(() => {
    const total = scenarios.length;
    const percent = total === 0 ? 0 : (100 * passed) / total;
    console.log(
      `TCK (${target.description}): passed ${passed} of ${total} (${percent.toFixed(1)}%), ` +
        `denylisted ${denylistedFailing}`,
    );
    if (updateDenylist && filter === '') {
      writeFileSync(denylistFile, formatDenylist(failing, denylist));
      console.log(`TCK: wrote ${failing.size} entries to ${denylistFile}`);
    }
  });
}
