import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A running child server process. */
export interface ChildServer {
  readonly url: string;
  readonly pid: number;
  /** SIGKILL (no shutdown: no flush, no snapshot, no lock release). Idempotent. */
  kill(): void;
  readonly exited: Promise<void>;
}

const MAIN = fileURLToPath(new URL('./crash-server-main.js', import.meta.url));

/** Starts the crash test's server on `dataDir` and resolves once it printed its ready line. */
export function startChild(dataDir: string): Promise<ChildServer> {
  const child = spawn(process.execPath, [MAIN, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
  });
  return new Promise((resolve, reject) => {
    let stdout = '';
    const onData = (text: string): void => {
      stdout += text;
      const match = /Bolt ready on (bolt:\/\/\S+)/.exec(stdout);
      if (match?.[1] === undefined) return;
      child.stdout.off('data', onData);
      child.stdout.resume();
      resolve({
        url: match[1],
        pid: child.pid ?? -1,
        kill: () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        },
        exited,
      });
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    void exited.then(() => {
      reject(new Error(`the server exited before it was ready:\n${stderr}`));
    });
  });
}
