import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A `quiver serve --in-memory --port 0` child process, as a user starts it, so that its resident memory is
 * the server's alone (the test's driver runs in another process). Linux only: memory is read from
 * /proc/<pid>/status.
 */

/** build/src/cli/main.js, from this compiled file in build/test/memory. */
const CLI = join(dirname(fileURLToPath(import.meta.url)), '../../src/cli/main.js');
const READY = /Bolt ready on (bolt:\/\/\S+)/;
const READY_TIMEOUT_MS = 15_000;

export interface ServerProcess {
  readonly pid: number;
  /** `bolt://host:port` from the ready line. */
  readonly url: string;
  /** Kills the server and waits for it to exit. */
  stop(): Promise<void>;
}

/** Resident memory of a process in bytes: now (`VmRSS`) and the high-water mark (`VmHWM`). */
export interface ResidentMemory {
  readonly rss: number;
  readonly peak: number;
}

function field(status: string, name: string): number {
  const match = new RegExp(`^${name}:\\s+(\\d+) kB$`, 'm').exec(status);
  if (match === null) throw new Error(`/proc status has no ${name}`);
  return Number(match[1]) * 1024;
}

/** Reads `pid`'s resident memory. */
export function readResidentMemory(pid: number): ResidentMemory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return { rss: field(status, 'VmRSS'), peak: field(status, 'VmHWM') };
}

/** Resets `pid`'s high-water mark to its current RSS (`echo 5 > /proc/<pid>/clear_refs`, Linux ≥ 4.0). */
export function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) =>
    child.once('exit', () => {
      resolve();
    }),
  );
}

/** How to start the server process. */
export interface ServerProcessOptions {
  /** Arguments for `node` itself, before the script (e.g. `--cpu-prof`). */
  readonly nodeArguments?: readonly string[];
  /** More `quiver serve` flags. */
  readonly serveArguments?: readonly string[];
}

/** How long `stop()` waits after SIGTERM (a clean exit writes `--cpu-prof` profiles) before SIGKILL. */
const STOP_GRACE_MS = 5_000;

/** Starts the server and resolves once it printed its ready line. */
export async function startServerProcess(options: ServerProcessOptions = {}): Promise<ServerProcess> {
  const args = [
    ...(options.nodeArguments ?? []),
    CLI,
    'serve',
    '--in-memory',
    '--host',
    '127.0.0.1',
    '--port',
    '0',
    ...(options.serveArguments ?? []),
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = async (): Promise<void> => {
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited(child);
    clearTimeout(killer);
  };
  let output = '';
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`no ready line after ${READY_TIMEOUT_MS} ms`));
      }, READY_TIMEOUT_MS);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = READY.exec(output);
        if (match?.[1] !== undefined) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.stderr.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`server exited (${code ?? signal}) before it was ready:\n${output}`));
      });
    });
    if (child.pid === undefined) throw new Error('server process has no pid');
    return { pid: child.pid, url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
