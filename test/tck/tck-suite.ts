/**
 * The TCK as node:test tests, for one target (documented in tck.test.ts). Two test files declare it:
 * tck.test.ts for the target QUIVER_TCK_TARGET names (in-process by default) and tck-bolt.test.ts for the
 * Bolt target, so that `npm test` runs both.
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
const updateDenylist = process.env['QUIVER_TCK_UPDATE_DENYLIST'] === '1';
const filter = process.env['QUIVER_TCK_FILTER'] ?? '';

/**
 * Declares the TCK's tests (one per scenario) for the target `setting` names (see select-target.ts), with
 * the denylist and summary line described in tck.test.ts.
 */
export async function defineTckSuite(setting: string | undefined): Promise<void> {
  const selected = existsSync(tckDir)
    ? await selectTarget(setting)
    : { unavailable: `no openCypher TCK at ${tckDir} (set QUIVER_TCK_DIR)` };
  if ('unavailable' in selected) {
    test('the openCypher TCK runs', { skip: selected.unavailable }, () => undefined);
    return;
  }
  const target = selected;
  const denylistFile = join(repoRoot, 'test/tck', target.denylist ?? 'denylist.txt');
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
          assert.fail(`denylisted but passes: remove it from ${denylistFile}`);
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

  after(async () => {
    await target.close?.();
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
