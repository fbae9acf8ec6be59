import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CypherMap, CypherValue } from '../../src/values/index.js';
import { compareError, observeError, parseErrorStep } from './error-mapping.js';
import type { TckScenario, TckStep } from './feature-loader.js';
import { parseProcedureSignature, tableProcedure } from './procedure-step.js';
import { compareResult, type ActualResult, type ResultExpectation } from './result-table.js';
import {
  captureGraphState,
  compareSideEffects,
  diffGraphStates,
  type GraphState,
  type SideEffects,
} from './side-effects.js';
import type { TckDatabase, TckTarget } from './target/tck-target.js';
import { parseTckValue } from './values/parse-tck-value.js';
import { toCypherValue } from './values/to-cypher-value.js';

/** A scenario that did not behave as its feature says; the message says which step and how. */
export class ScenarioFailure extends Error {
  override get name(): string {
    return 'ScenarioFailure';
  }
}

/** Where named graphs (`Given the binary-tree-1 graph`) live: `<graphsDir>/<name>/<name>.json` + scripts. */
export interface ScenarioEnvironment {
  readonly target: TckTarget;
  readonly graphsDir: string;
}

type QueryOutcome =
  | { readonly kind: 'result'; readonly result: ActualResult }
  | { readonly kind: 'error'; readonly error: unknown };

/** The state of one scenario run: the database, the parameters, and the last query's outcome. */
interface RunState {
  readonly database: TckDatabase;
  parameters: CypherMap;
  outcome: QueryOutcome | undefined;
  sideEffects: SideEffects | undefined;
  readonly measureSideEffects: boolean;
}

const RESULT_STEP = /^the result should be(, in (any )?order)?( \(ignoring element order for lists\))?:$/;

/**
 * Runs one scenario on a fresh database from the target.
 * @throws ScenarioFailure when a step's expectation is not met (or a step cannot be run); the database's
 * own errors surface inside that message.
 */
export async function runScenario(scenario: TckScenario, environment: ScenarioEnvironment): Promise<void> {
  const database = await environment.target.open();
  const state: RunState = {
    database,
    parameters: {},
    outcome: undefined,
    sideEffects: undefined,
    measureSideEffects: scenario.steps.some((step) => step.text.includes('side effects')),
  };
  try {
    for (const step of scenario.steps) await runStep(step, state, environment);
  } finally {
    await database.close();
  }
}

async function runStep(step: TckStep, state: RunState, environment: ScenarioEnvironment): Promise<void> {
  const { text } = step;
  if (text === 'an empty graph' || text === 'any graph') return;
  const graph = /^the (\S+) graph$/.exec(text);
  if (graph !== null) return loadNamedGraph(graph[1] ?? '', state, environment.graphsDir);
  if (text === 'having executed:') return runSetup(docString(step), state);
  if (text === 'executing query:') return executeQuery(docString(step), state, true);
  if (text === 'executing control query:') return executeQuery(docString(step), state, false);
  checkStep(step, state);
}

/** The steps that run no query: parameters, procedures, and every `Then`. */
function checkStep(step: TckStep, state: RunState): void {
  const { text } = step;
  if (text === 'parameters are:') {
    state.parameters = parametersOf(tableOf(step));
  } else if (text.startsWith('there exists a procedure ')) {
    const signature = parseProcedureSignature(text.slice('there exists a procedure '.length));
    state.database.registerProcedure(tableProcedure(signature, tableOf(step)));
  } else if (text === 'the result should be empty') {
    checkEmpty(requireResult(state));
  } else if (text === 'no side effects') {
    checkSideEffects([], state);
  } else if (text === 'the side effects should be:') {
    checkSideEffects(tableOf(step), state);
  } else {
    const resultStep = RESULT_STEP.exec(text);
    if (resultStep !== null) {
      const expectation: ResultExpectation = {
        ordered: resultStep[1] !== undefined && resultStep[2] === undefined,
        listsUnordered: resultStep[3] !== undefined,
      };
      checkResult(tableOf(step), requireResult(state), expectation);
      return;
    }
    const expectedError = parseErrorStep(text);
    if (expectedError === undefined) fail(`unsupported step: ${text}`);
    const outcome = state.outcome;
    if (outcome?.kind !== 'error') {
      fail(`expected ${expectedError.type} (${expectedError.detail}), but the query succeeded`);
    }
    const problem = compareError(expectedError, observeError(outcome.error));
    if (problem !== undefined) fail(problem);
  }
}

function fail(message: string): never {
  throw new ScenarioFailure(message);
}

function docString(step: TckStep): string {
  if (step.docString === undefined) fail(`step '${step.text}' needs a doc string`);
  return step.docString;
}

function tableOf(step: TckStep): readonly (readonly string[])[] {
  if (step.table === undefined) fail(`step '${step.text}' needs a table`);
  return step.table;
}

function describeError(error: unknown): string {
  const observed = observeError(error);
  const firstLine = observed.message.split('\n')[0] ?? '';
  return `${observed.code ?? (error instanceof Error ? error.name : 'error')}${
    observed.detail === undefined ? '' : ` (${observed.detail})`
  }: ${firstLine}`;
}

async function runSetup(query: string, state: RunState): Promise<void> {
  try {
    await state.database.run(query, state.parameters);
  } catch (error) {
    fail(`setup query failed: ${describeError(error)}`);
  }
}

function parametersOf(table: readonly (readonly string[])[]): CypherMap {
  const parameters: Record<string, CypherValue> = {};
  for (const [name = '', value = ''] of table) {
    Object.defineProperty(parameters, name.trim(), {
      value: toCypherValue(parseTckValue(value)),
      enumerable: true,
      writable: true,
    });
  }
  return parameters;
}

async function executeQuery(query: string, state: RunState, measured: boolean): Promise<void> {
  const measure = measured && state.measureSideEffects;
  const before: GraphState | undefined = measure ? await captureGraphState(state.database) : undefined;
  try {
    state.outcome = { kind: 'result', result: await state.database.run(query, state.parameters) };
  } catch (error) {
    state.outcome = { kind: 'error', error };
  }
  if (before !== undefined)
    state.sideEffects = diffGraphStates(before, await captureGraphState(state.database));
}

function requireResult(state: RunState): ActualResult {
  const outcome = state.outcome;
  if (outcome === undefined) fail('no query was executed before the result step');
  if (outcome.kind === 'error') fail(`query failed: ${describeError(outcome.error)}`);
  return outcome.result;
}

function checkResult(
  table: readonly (readonly string[])[],
  result: ActualResult,
  expectation: ResultExpectation,
): void {
  const problem = compareResult(table, result, expectation);
  if (problem !== undefined) fail(problem);
}

function checkEmpty(result: ActualResult): void {
  // Only the rows count: the step names no columns, so whatever columns the query declares are fine.
  if (result.rows.length === 0) return;
  fail(
    `expected an empty result, got ${result.rows.length} row(s) with columns ${result.columns.join(', ')}`,
  );
}

function checkSideEffects(table: readonly (readonly string[])[], state: RunState): void {
  if (state.sideEffects === undefined) fail('side effects were not measured (no query ran)');
  const problem = compareSideEffects(table, state.sideEffects);
  if (problem !== undefined) fail(problem);
}

const graphScripts = new Map<string, readonly string[]>();

/** Runs a named graph's scripts (listed in its metadata file, else every `.cypher` in its folder). */
async function loadNamedGraph(name: string, state: RunState, graphsDir: string): Promise<void> {
  let scripts = graphScripts.get(name);
  if (scripts === undefined) {
    scripts = readGraphScripts(join(graphsDir, name), name);
    graphScripts.set(name, scripts);
  }
  for (const query of scripts) await runSetup(query, state);
}

function readGraphScripts(dir: string, name: string): string[] {
  if (!existsSync(dir)) fail(`named graph '${name}' not found in ${dir}`);
  const metadataFile = join(dir, `${name}.json`);
  const files = existsSync(metadataFile)
    ? scriptNames(JSON.parse(readFileSync(metadataFile, 'utf8')) as unknown).map(
        (script) => `${script}.cypher`,
      )
    : readdirSync(dir)
        .filter((file) => file.endsWith('.cypher'))
        .sort();
  // A script may hold several statements separated by `;` at the end of a line.
  return files.flatMap((file) =>
    readFileSync(join(dir, file), 'utf8')
      .split(/;\s*$/m)
      .map((statement) => statement.trim())
      .filter((statement) => statement !== ''),
  );
}

function scriptNames(metadata: unknown): string[] {
  const scripts: unknown =
    typeof metadata === 'object' && metadata !== null ? Reflect.get(metadata, 'scripts') : [];
  return Array.isArray(scripts)
    ? scripts.filter((script): script is string => typeof script === 'string')
    : [];
}
