// `quiver version`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { runVersionCommand } from '../../src/cli/version-command.js';

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runVersionCommand(argv, {
    env: {},
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

const packageVersion = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

describe('quiver version', () => {
  test('prints the package version, the Bolt agent and the runtime', async () => {
    const { code, stdout } = await run([]);
    assert.equal(code, 0);
    assert.equal(
      stdout,
      `Quiver ${packageVersion}\nBolt agent Neo4j/5.26.0\nNode.js ${process.version} (${process.platform} ${process.arch})\n`,
    );
  });

  test('prints JSON with --json, and refuses unknown options with exit code 2', async () => {
    const json = await run(['--json']);
    assert.deepEqual(JSON.parse(json.stdout), {
      name: 'Quiver',
      version: packageVersion,
      boltAgent: 'Neo4j/5.26.0',
      node: process.version,
    });
    const bad = await run(['--verbose']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /Unknown option '--verbose'/);
  });
});
