import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { CypherSemanticError } from '../../src/errors/index.js';
import type { ProcedureDefinition } from '../../src/execution/index.js';
import { Node, type CypherMap } from '../../src/values/index.js';
import { parseFeature, type TckScenario } from './feature-loader.js';
import type { ActualResult } from './result-table.js';
import { runScenario, ScenarioFailure } from './scenario-runner.js';
import type { TckDatabase, TckTarget } from './target/tck-target.js';

/**
 * A stand-in database for testing the runner alone: `CREATE (:L)` adds a node, the snapshot queries read
 * the nodes, and any other query answers from a fixed table of results or errors.
 */
class FakeDatabase implements TckDatabase {
  readonly nodes: Node[] = [];
  readonly queries: { query: string; parameters: CypherMap }[] = [];
  readonly procedures: ProcedureDefinition[] = [];
  closed = false;
  private readonly answers: ReadonlyMap<string, ActualResult | Error>;

  constructor(answers: ReadonlyMap<string, ActualResult | Error>) {
    this.answers = answers;
  }

  registerProcedure(procedure: ProcedureDefinition): void {
    this.procedures.push(procedure);
  }

  run(query: string, parameters: CypherMap): Promise<ActualResult> {
    this.queries.push({ query, parameters });
    const create = /^CREATE \(:(\w+)\)$/.exec(query);
    if (create !== null) {
      this.nodes.push(new Node({ id: BigInt(this.nodes.length), labels: [create[1] ?? ''] }));
      return Promise.resolve({ columns: [], rows: [] });
    }
    if (query === 'MATCH (n) RETURN n') {
      return Promise.resolve({ columns: ['n'], rows: this.nodes.map((node) => [node]) });
    }
    if (query === 'MATCH ()-[r]->() RETURN r') return Promise.resolve({ columns: ['r'], rows: [] });
    const answer = this.answers.get(query);
    if (answer === undefined) return Promise.reject(new Error(`fake database: no answer for ${query}`));
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}

function fakeTarget(answers: Record<string, ActualResult | Error> = {}): {
  target: TckTarget;
  opened: FakeDatabase[];
} {
  const opened: FakeDatabase[] = [];
  const target: TckTarget = {
    description: 'fake',
    open: () => {
      const database = new FakeDatabase(new Map(Object.entries(answers)));
      opened.push(database);
      return Promise.resolve(database);
    },
  };
  return { target, opened };
}

const graphsDir = mkdtempSync(join(tmpdir(), 'tck-graphs-'));
mkdirSync(join(graphsDir, 'tiny'));
writeFileSync(join(graphsDir, 'tiny', 'tiny.json'), JSON.stringify({ name: 'tiny', scripts: ['tiny'] }));
writeFileSync(join(graphsDir, 'tiny', 'tiny.cypher'), 'CREATE (:A);\nCREATE (:B);\n');
after(() => {
  rmSync(graphsDir, { recursive: true, force: true });
});

function scenario(steps: string): TckScenario {
  const [first] = parseFeature('F.feature', `Feature: F\n  Scenario: S\n${steps}`);
  assert.ok(first !== undefined);
  return first;
}

const Q = (query: string): string => `    When executing query:\n      """\n      ${query}\n      """\n`;

test('a scenario whose result and side effects match passes and closes its database', async () => {
  const { target, opened } = fakeTarget({ 'RETURN 1 AS x': { columns: ['x'], rows: [[1n]] } });
  await runScenario(
    scenario(
      `    Given an empty graph\n    And having executed:\n      """\n      CREATE (:A)\n      """\n` +
        Q('RETURN 1 AS x') +
        `    Then the result should be, in any order:\n      | x |\n      | 1 |\n    And no side effects\n`,
    ),
    { target, graphsDir },
  );
  assert.equal(opened[0]?.closed, true);
});

test('a wrong result fails the scenario with the difference, and the database is still closed', async () => {
  const { target, opened } = fakeTarget({ 'RETURN 1 AS x': { columns: ['x'], rows: [[1]] } });
  await assert.rejects(
    runScenario(
      scenario(Q('RETURN 1 AS x') + `    Then the result should be, in order:\n      | x |\n      | 1 |\n`),
      { target, graphsDir },
    ),
    (error: unknown) => error instanceof ScenarioFailure && error.message.includes('row 1 differs'),
  );
  assert.equal(opened[0]?.closed, true);
});

test('side effects are measured around the query under test', async () => {
  const { target } = fakeTarget();
  const steps =
    Q('CREATE (:C)') + `    Then the result should be empty\n    And the side effects should be:\n`;
  await runScenario(scenario(`${steps}      | +nodes  | 1 |\n      | +labels | 1 |\n`), {
    target,
    graphsDir,
  });
  await assert.rejects(
    runScenario(scenario(`${steps}      | +nodes | 1 |\n`), { target, graphsDir }),
    /\+labels/,
  );
});

test('an expected error passes only when the query raises it', async () => {
  const undefinedVariable = new CypherSemanticError('Variable `x` not defined', {
    detail: 'UndefinedVariable',
  });
  const { target } = fakeTarget({
    'RETURN x': undefinedVariable,
    'RETURN 1': { columns: ['1'], rows: [[1n]] },
  });
  const step = '    Then a SyntaxError should be raised at compile time: UndefinedVariable\n';
  await runScenario(scenario(Q('RETURN x') + step), { target, graphsDir });
  await assert.rejects(runScenario(scenario(Q('RETURN 1') + step), { target, graphsDir }), /query succeeded/);
  await assert.rejects(
    runScenario(scenario(Q('RETURN x') + '    Then the result should be empty\n'), { target, graphsDir }),
    /query failed: Neo\.ClientError\.Statement\.SyntaxError \(UndefinedVariable\)/,
  );
});

test('parameters, procedures and named graphs reach the database', async () => {
  const { target, opened } = fakeTarget({ 'RETURN $p AS p': { columns: ['p'], rows: [[[1n, 'a']]] } });
  await runScenario(
    scenario(
      `    Given the tiny graph\n` +
        `    And there exists a procedure test.labels() :: (label :: STRING?):\n      | label |\n      | 'A'   |\n` +
        `    And parameters are:\n      | p | [1, 'a'] |\n` +
        Q('RETURN $p AS p') +
        `    Then the result should be, in any order:\n      | p        |\n      | [1, 'a'] |\n`,
    ),
    { target, graphsDir },
  );
  const database = opened[0]!;
  assert.deepEqual(
    database.nodes.map((node) => node.labels[0]),
    ['A', 'B'],
  );
  assert.equal(database.procedures[0]?.name, 'test.labels');
  assert.deepEqual(database.queries.at(-1), { query: 'RETURN $p AS p', parameters: { p: [1n, 'a'] } });
});

test('a step the runner does not know fails the scenario', async () => {
  const { target } = fakeTarget();
  await assert.rejects(
    runScenario(scenario('    Given a graph of unicorns\n'), { target, graphsDir }),
    /unsupported step/,
  );
});
