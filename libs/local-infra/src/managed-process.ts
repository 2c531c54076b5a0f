import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { launchCommand, OsUser } from './exec';

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ManagedProcessOptions {
  /** Short name used to prefix log lines and error messages, e.g. "postgres". */
  name: string;
  command: string;
  args: string[];
  runAs?: OsUser;
  /** Asks the process to shut down; sent when this Node process exits or dies. */
  shutdownSignal: NodeJS.Signals;
  log?: (line: string) => void;
  onLine?: (line: string) => void;
}

export interface ManagedProcess {
  readonly pid: number;
  readonly exited: Promise<ProcessExit>;
  hasExited(): boolean;
  /** The last lines the process wrote to stdout and stderr, for error messages. */
  outputTail(): string;
  /** Sends each signal in turn, waiting `stepTimeoutMs` after each, then SIGKILL. */
  stop(signals: NodeJS.Signals[], stepTimeoutMs: number): Promise<void>;
}

const TAIL_LINES = 40;
const running = new Map<number, NodeJS.Signals>();
let exitHooksInstalled = false;

function signalAllRunning(): void {
  for (const [pid, signal] of running) {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
}

/**
 * Children also get their shutdown signal from the kernel if we die abruptly (see
 * launchCommand's deathSignal); these hooks cover ordinary exits and Ctrl-C.
 */
function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on('exit', signalAllRunning);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      // A host that handles the signal itself stops the stack in its own order (services first).
      if (process.listenerCount(signal) > 0) return;
      signalAllRunning();
      process.kill(process.pid, signal);
    });
  }
}

export function describeExit({ code, signal }: ProcessExit): string {
  return signal ? `signal ${signal}` : `exit code ${code}`;
}

export function spawnManaged(options: ManagedProcessOptions): ManagedProcess {
  installExitHooks();
  const [file, args] = launchCommand(options.command, options.args, {
    runAs: options.runAs,
    deathSignal: options.shutdownSignal,
  });
  // Its own process group: a terminal's Ctrl-C reaches the host, which stops the servers after
  // the services that use them, instead of every server at once.
  const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const tail: string[] = [];
  let done = false;

  const exited = new Promise<ProcessExit>((resolve) => {
    child.once('error', (error) => {
      tail.push(`could not start ${options.command}: ${error.message}`);
      done = true;
      resolve({ code: null, signal: null });
    });
    child.once('exit', () => {
      if (child.pid !== undefined) running.delete(child.pid);
    });
    // 'close' comes after 'exit' once stdout and stderr are drained, so the tail is complete.
    child.once('close', (code, signal) => {
      done = true;
      resolve({ code, signal });
    });
  });
  if (child.pid !== undefined) running.set(child.pid, options.shutdownSignal);

  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      tail.push(line);
      if (tail.length > TAIL_LINES) tail.shift();
      options.log?.(`[${options.name}] ${line}`);
      options.onLine?.(line);
    });
  }

  const waitForExit = (timeoutMs: number): Promise<boolean> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      void exited.then(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });

  return {
    pid: child.pid ?? -1,
    exited,
    hasExited: () => done,
    outputTail: () => tail.join('\n'),
    async stop(signals, stepTimeoutMs) {
      for (const signal of [...signals, 'SIGKILL' as const]) {
        if (done) return;
        child.kill(signal);
        if (await waitForExit(signal === 'SIGKILL' ? 5000 : stepTimeoutMs)) return;
      }
      throw new Error(`${options.name} (pid ${child.pid}) did not exit even after SIGKILL`);
    },
  };
}
