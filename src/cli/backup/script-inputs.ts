import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { StatementSplitter, type ShellInput } from '../../shell/index.js';

/**
 * The statements and shell commands of a Cypher script, read line by line as they are needed (a dump far
 * larger than memory streams through), cut the way cypher-shell cuts them; a last statement without `;`
 * counts too. `input` is a path, or a stream such as stdin.
 */
export async function* readScriptInputs(input: string | NodeJS.ReadableStream): AsyncGenerator<ShellInput> {
  const stream = typeof input === 'string' ? createReadStream(input, { encoding: 'utf8' }) : input;
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  const splitter = new StatementSplitter();
  try {
    for await (const line of lines) yield* splitter.push(line);
    yield* splitter.finish();
  } finally {
    lines.close();
    if (typeof input === 'string' && 'destroy' in stream) stream.destroy();
  }
}
