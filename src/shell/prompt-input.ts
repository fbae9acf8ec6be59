import type { Readable, Writable } from 'node:stream';

/** A terminal input stream: raw mode turns off the terminal's own echo and line editing. */
interface TerminalInput {
  readonly isTTY?: boolean;
  setRawMode?: (raw: boolean) => unknown;
}

const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const BACKSPACE = '\u007f';
const CTRL_H = '\b';

/**
 * Asks for one line on a terminal, as cypher-shell asks for `username: ` and `password: `. With `mask`
 * the input is read in raw mode, so the terminal does not echo it, and each typed character shows as
 * `*` (backspace removes one). Resolves with the line, or `undefined` when the user gave up (Ctrl-C, or
 * Ctrl-D / end of input on an empty line). Whatever arrived after the line stays in the stream for the
 * next reader (the REPL).
 */
export function promptLine(
  input: Readable,
  output: Writable,
  prompt: string,
  options: { readonly mask: boolean },
): Promise<string | undefined> {
  if (input.readableEnded) return Promise.resolve(undefined);
  const terminal = input as Readable & TerminalInput;
  const raw = options.mask && typeof terminal.setRawMode === 'function';
  output.write(prompt);
  if (raw) terminal.setRawMode?.(true);
  return new Promise((resolve) => {
    let line = '';
    const finish = (value: string | undefined, rest: string): void => {
      input.removeListener('data', onData);
      input.removeListener('end', onEnd);
      input.pause();
      if (raw) terminal.setRawMode?.(false);
      if (rest !== '') input.unshift(Buffer.from(rest, 'utf8'));
      output.write('\n');
      resolve(value);
    };
    const onEnd = (): void => {
      finish(line === '' ? undefined : line, '');
    };
    const onData = (chunk: Buffer | string): void => {
      const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      for (let index = 0; index < text.length; index++) {
        const char = text.charAt(index);
        if (char === '\r' || char === '\n') {
          // A CR LF pair ends one line, not two.
          const next = char === '\r' && text.charAt(index + 1) === '\n' ? index + 2 : index + 1;
          finish(line, text.slice(next));
          return;
        }
        if (char === CTRL_C || (char === CTRL_D && line === '')) {
          finish(undefined, '');
          return;
        }
        if (char === BACKSPACE || char === CTRL_H) {
          if (line !== '') {
            line = line.slice(0, -1);
            if (options.mask) output.write('\b \b');
          }
          continue;
        }
        line += char;
        if (options.mask) output.write('*');
      }
    };
    input.on('data', onData);
    input.once('end', onEnd);
    input.resume();
  });
}
