import { parseArgs } from 'node:util';
import type { CommandIo } from './serve-command.js';

const processIo: CommandIo = {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

const VERSION_USAGE = `Usage: quiver version [--json]

Prints Quiver's version, the Neo4j version it announces to Bolt drivers, and the Node.js runtime.
`;

/** `quiver version [--json]`: exit code 0, or 2 for unknown options. */
export async function runVersionCommand(argv: readonly string[], io: CommandIo = processIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.stderr(
      `quiver version: ${error instanceof Error ? error.message : String(error)}\n\n${VERSION_USAGE}`,
    );
    return 2;
  }
  if (values.help === true) {
    io.stdout(VERSION_USAGE);
    return 0;
  }
  const { PRODUCT_NAME, PRODUCT_VERSION, BOLT_AGENT } = await import('../server/index.js');
  const runtime = `Node.js ${process.version} (${process.platform} ${process.arch})`;
  if (values.json === true) {
    const report = {
      name: PRODUCT_NAME,
      version: PRODUCT_VERSION,
      boltAgent: BOLT_AGENT,
      node: process.version,
    };
    io.stdout(`${JSON.stringify(report)}\n`);
  } else {
    io.stdout(`${PRODUCT_NAME} ${PRODUCT_VERSION}\nBolt agent ${BOLT_AGENT}\n${runtime}\n`);
  }
  return 0;
}
