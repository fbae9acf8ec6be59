import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DatabaseError, Status } from '../../errors/index.js';
import type { ShellInput } from '../../shell/index.js';
import {
  BATCH_CHARACTERS,
  emptyCounters,
  isSchemaStatement,
  replayStatements,
  StatementFailure,
  type StatementRunner,
} from './replay-statements.js';

/** A runner that records what it was asked, as one line per call, failing on statements containing FAIL. */
function recordingRunner(options: { pipelined?: boolean; evaluated?: unknown } = {}): {
  runner: StatementRunner;
  calls: string[];
  parameters: Readonly<Record<string, unknown>>[];
} {
  const calls: string[] = [];
  const parameters: Readonly<Record<string, unknown>>[] = [];
  let index = 0;
  let failure: StatementFailure | undefined;
  const runner: StatementRunner = {
    runAlone: (statement) => {
      index++;
      calls.push(`alone ${statement}`);
      return Promise.resolve({ ...emptyCounters(), indexesAdded: 1 });
    },
    begin: () => {
      calls.push('begin');
      return Promise.resolve();
    },
    run: (statement, values) => {
      index++;
      calls.push(`run ${statement}`);
      parameters.push(values);
      if (!statement.includes('FAIL')) return Promise.resolve();
      const error = new DatabaseError(Status.SyntaxError, 'Invalid input');
      if (options.pipelined !== true) return Promise.reject(error);
      failure ??= new StatementFailure(error, index, statement);
      return Promise.resolve();
    },
    commit: () => {
      calls.push('commit');
      if (failure !== undefined) return Promise.reject(failure);
      return Promise.resolve({ ...emptyCounters(), nodesCreated: 1 });
    },
    rollback: () => {
      calls.push('rollback');
      return Promise.resolve();
    },
    evaluate: (query, values) => {
      calls.push(`evaluate ${query} with ${Object.keys(values).join(',')}`);
      return Promise.resolve(options.evaluated ?? null);
    },
  };
  return { runner, calls, parameters };
}

function cypher(...texts: string[]): ShellInput[] {
  return texts.map((text) => ({ kind: 'CYPHER', text }));
}

describe('replayStatements', () => {
  it('runs data statements in transactions of the batch size and schema statements on their own', async () => {
    const { runner, calls } = recordingRunner();
    const inputs: ShellInput[] = [
      ...cypher(
        'CREATE CONSTRAINT c FOR (n:A) REQUIRE n.k IS UNIQUE',
        'CREATE (:A)',
        'CREATE (:B)',
        'CREATE (:C)',
      ),
      { kind: 'COMMAND', text: ':commit' },
      ...cypher('DROP INDEX i IF EXISTS', 'CREATE (:D)'),
    ];
    const report = await replayStatements(inputs, runner, { batchSize: 2 });
    assert.deepEqual(calls, [
      'alone CREATE CONSTRAINT c FOR (n:A) REQUIRE n.k IS UNIQUE',
      'begin',
      'run CREATE (:A)',
      'run CREATE (:B)',
      'commit',
      'begin',
      'run CREATE (:C)',
      'commit',
      'alone DROP INDEX i IF EXISTS',
      'begin',
      'run CREATE (:D)',
      'commit',
    ]);
    assert.equal(report.statements, 6);
    assert.equal(report.transactions, 5);
    assert.equal(report.skippedCommands, 1);
    assert.equal(report.nodesCreated, 3);
    assert.equal(report.indexesAdded, 2);
  });

  it('names the failing statement, rolls back its transaction and keeps the committed count', async () => {
    const { runner, calls } = recordingRunner();
    const inputs = cypher('CREATE (:A)', 'CREATE (:B)', 'CREATE (:C)', 'FAIL here', 'CREATE (:E)');
    await assert.rejects(replayStatements(inputs, runner, { batchSize: 2 }), (error: unknown) => {
      assert.ok(error instanceof DatabaseError);
      assert.equal(error.status, Status.SyntaxError);
      assert.match(error.message, /^Statement 4 failed \(statements up to 2 are committed/);
      assert.match(error.message, /Invalid input\n {2}FAIL here$/);
      return true;
    });
    assert.deepEqual(calls.slice(-3), ['run CREATE (:C)', 'run FAIL here', 'rollback']);
  });

  it('reports the statement a pipelined runner names, even when the failure shows only at commit', async () => {
    const { runner } = recordingRunner({ pipelined: true });
    const inputs = cypher('CREATE (:A)', 'FAIL early', 'CREATE (:C)');
    await assert.rejects(replayStatements(inputs, runner, { batchSize: 10 }), (error: unknown) => {
      assert.ok(error instanceof DatabaseError);
      assert.match(error.message, /^Statement 2 failed \(statements up to 0 are committed[^]*FAIL early$/);
      return true;
    });
  });

  it('reads a script of one statement per line, as quiver dump writes it, through async inputs', async () => {
    const { runner, calls } = recordingRunner();
    async function* inputs(): AsyncGenerator<ShellInput> {
      yield* cypher('CREATE (:A)');
      await Promise.resolve();
      yield* cypher('CREATE (:B)');
    }
    const report = await replayStatements(inputs(), runner, { batchSize: 5000 });
    assert.equal(report.statements, 2);
    assert.deepEqual(calls, ['begin', 'run CREATE (:A)', 'run CREATE (:B)', 'commit']);
  });
});

describe('replayStatements with :param lines', () => {
  it('evaluates each :param where the script runs and sends the values with the statements after it', async () => {
    const { runner, calls, parameters } = recordingRunner({ evaluated: [1n, 2n, 255n] });
    const inputs: ShellInput[] = [
      ...cypher('CREATE (:Before)'),
      { kind: 'COMMAND', text: ':param __quiver_bytes_0 => [1, 2, 255]' },
      { kind: 'COMMAND', text: ':param list => [1, 2, 255]' },
      ...cypher('CREATE (:A {b: $__quiver_bytes_0, l: $list})'),
      { kind: 'COMMAND', text: ':params clear' },
      ...cypher('CREATE (:After)'),
      { kind: 'COMMAND', text: ':begin' },
    ];
    const report = await replayStatements(inputs, runner, { batchSize: 10 });
    assert.deepEqual(calls, [
      'begin',
      'run CREATE (:Before)',
      'evaluate RETURN [1, 2, 255] AS value with ',
      'evaluate RETURN [1, 2, 255] AS value with __quiver_bytes_0',
      'run CREATE (:A {b: $__quiver_bytes_0, l: $list})',
      'run CREATE (:After)',
      'commit',
    ]);
    assert.deepEqual(parameters, [
      {},
      // The dump's BYTES parameter is BYTES again; an ordinary list stays a list.
      { __quiver_bytes_0: Uint8Array.of(1, 2, 255), list: [1n, 2n, 255n] },
      {},
    ]);
    assert.equal(report.skippedCommands, 1);
    assert.equal(report.statements, 3);
  });

  it('fails on a malformed :param, naming it', async () => {
    const { runner } = recordingRunner();
    const inputs: ShellInput[] = [{ kind: 'COMMAND', text: ':param nonsense' }];
    await assert.rejects(
      replayStatements(inputs, runner, { batchSize: 10 }),
      /Usage: :param name => expression[^]*\n {2}:param nonsense$/,
    );
  });

  it('commits a transaction early once its statements reach the character budget', async () => {
    const { runner, calls } = recordingRunner();
    const big = `CREATE (:A {text: '${'x'.repeat(BATCH_CHARACTERS / 2)}'})`;
    await replayStatements(cypher(big, big, big), runner, { batchSize: 1000 });
    assert.deepEqual(
      calls.map((call) => call.slice(0, 6)),
      ['begin', 'run CR', 'run CR', 'commit', 'begin', 'run CR', 'commit'],
    );
  });
});

describe('isSchemaStatement', () => {
  it('recognises index and constraint commands, with their kinds and leading comments', () => {
    for (const statement of [
      'CREATE INDEX i IF NOT EXISTS FOR (n:A) ON (n.k)',
      'create range index i for (n:A) on (n.k)',
      'CREATE TEXT INDEX FOR (n:A) ON (n.k)',
      'CREATE CONSTRAINT c IF NOT EXISTS FOR (n:A) REQUIRE (n.k) IS UNIQUE',
      'DROP INDEX __quiver_dump_index IF EXISTS',
      'DROP CONSTRAINT c',
      '// schema first\nCREATE OR REPLACE INDEX i FOR (n:A) ON (n.k)',
      '/* c */ CREATE INDEX i FOR (n:A) ON (n.k)',
    ]) {
      assert.equal(isSchemaStatement(statement), true, statement);
    }
  });

  it('leaves data statements in batches', () => {
    for (const statement of [
      'CREATE (:Index {k: 1})',
      'MATCH (n:__QuiverDumpNode) REMOVE n:__QuiverDumpNode, n.__quiver_dump_id',
      "CREATE (:A {text: 'CREATE INDEX'})",
      'CREATE INDEXED_THING',
    ]) {
      assert.equal(isSchemaStatement(statement), false, statement);
    }
  });
});
