import { mkdir } from 'node:fs/promises';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { requireExecutable } from './exec';
import { freePort } from './free-port';
import { describeExit, ManagedProcess, spawnManaged } from './managed-process';

export interface RedisOptions {
  dir: string;
  port?: number;
  /** Append-only file in `dir`, kept across restarts. Default: nothing is written to disk. */
  persistent?: boolean;
  log?: (line: string) => void;
}

export interface RedisServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const READY_TIMEOUT_MS = 30_000;

/**
 * Asks the server on `port` for its pid (INFO server). Undefined while nothing answers or the
 * server is still loading its data. Comparing pids tells our server from another one that
 * already held the port.
 */
function serverPid(port: number): Promise<number | undefined> {
  return new Promise((done) => {
    const socket = connect({ host: HOST, port });
    let reply = '';
    const finish = (pid: number | undefined) => {
      socket.destroy();
      done(pid);
    };
    socket.setTimeout(1000, () => finish(undefined));
    socket.once('error', () => finish(undefined));
    socket.once('close', () => finish(undefined));
    socket.once('connect', () => socket.write('INFO server\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      const pid = /process_id:(\d+)\r\n/.exec(reply);
      if (pid) finish(Number(pid[1]));
      else if (reply.startsWith('-')) finish(undefined);
    });
  });
}

async function waitUntilReady(server: ManagedProcess, port: number): Promise<void> {
  for (const deadline = Date.now() + READY_TIMEOUT_MS; Date.now() < deadline; await sleep(50)) {
    if (server.hasExited()) {
      const exit = describeExit(await server.exited);
      throw new Error(`redis-server exited during start-up (${exit}). Output tail:\n${server.outputTail()}`);
    }
    if ((await serverPid(port)) === server.pid) return;
  }
  await server.stop(['SIGTERM'], 5000);
  throw new Error(`redis-server did not answer on ${HOST}:${port} within ${READY_TIMEOUT_MS / 1000} s. Output tail:\n${server.outputTail()}`);
}

export async function startRedis(options: RedisOptions): Promise<RedisServer> {
  const command = requireExecutable('redis-server', 'apt-get install -y redis-server');
  const dir = resolve(options.dir);
  await mkdir(dir, { recursive: true });
  const port = options.port ?? (await freePort());
  const server = spawnManaged({
    name: 'redis',
    command,
    args: [
      '--bind', HOST,
      '--port', String(port),
      '--dir', dir,
      '--save', '',
      '--appendonly', options.persistent ? 'yes' : 'no',
      '--daemonize', 'no',
      '--logfile', '',
    ],
    shutdownSignal: 'SIGTERM',
    log: options.log,
  });
  await waitUntilReady(server, port);

  let stopping: Promise<void> | undefined;
  return {
    url: `redis://${HOST}:${port}`,
    port,
    stop: () => (stopping ??= server.stop(['SIGTERM'], 10_000)),
  };
}
