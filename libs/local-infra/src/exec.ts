import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

export interface OsUser {
  name: string;
  uid: number;
  gid: number;
}

/** How a command is launched: optionally as another OS user and tied to our lifetime. */
export interface LaunchOptions {
  runAs?: OsUser;
  /** Signal the kernel sends the command when this Node process dies, even by SIGKILL. */
  deathSignal?: NodeJS.Signals;
}

export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

export function findExecutable(name: string): string | undefined {
  const candidates = isAbsolute(name)
    ? [name]
    : (process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, name));
  return candidates.find((candidate) => {
    try {
      accessSync(candidate, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

export function requireExecutable(name: string, installHint: string): string {
  const found = findExecutable(name);
  if (!found) throw new Error(`${name} not found on PATH: ${installHint}`);
  return found;
}

/**
 * Wraps a command in setpriv (util-linux) so it runs as `runAs` and/or receives `deathSignal`
 * when we die. setpriv execs the command, so the pid we get is the command's own pid.
 */
export function launchCommand(command: string, args: string[], options: LaunchOptions): [string, string[]] {
  if (!options.runAs && !options.deathSignal) return [command, args];
  const setpriv = requireExecutable('setpriv', 'apt-get install -y util-linux');
  const user = options.runAs
    ? ['--reuid', String(options.runAs.uid), '--regid', String(options.runAs.gid), '--init-groups']
    : [];
  const death = options.deathSignal ? ['--pdeathsig', options.deathSignal.replace(/^SIG/, '')] : [];
  return [setpriv, [...user, ...death, '--', command, ...args]];
}

/** Runs a command to completion; rejects with its output when it fails. Resolves its stdout. */
export function runCommand(command: string, args: string[], options: LaunchOptions = {}): Promise<string> {
  const [file, fileArgs] = launchCommand(command, args, options);
  return new Promise((resolve, reject) => {
    const child = spawn(file, fileArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
      output += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.once('error', (error) => reject(new Error(`could not run ${command}: ${error.message}`)));
    child.once('close', (code, signal) => {
      if (code === 0) {
        resolve(stdout);
        return;
      }
      const status = signal ? `signal ${signal}` : `exit code ${code}`;
      reject(new Error(`${command} ${args.join(' ')} failed (${status}):\n${output.trim()}`));
    });
  });
}

export async function lookupOsUser(name: string, missingHint: string): Promise<OsUser> {
  let entry: string;
  try {
    entry = await runCommand('getent', ['passwd', name]);
  } catch {
    throw new Error(`OS user "${name}" not found: ${missingHint}`);
  }
  const [, , uid, gid] = entry.trim().split(':');
  return { name, uid: Number(uid), gid: Number(gid) };
}
