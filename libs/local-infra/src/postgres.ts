import { execFileSync } from 'node:child_process';
import { chown, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, parse, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { isRoot, lookupOsUser, OsUser, runCommand } from './exec';
import { freePort } from './free-port';
import { describeExit, ManagedProcess, spawnManaged } from './managed-process';
import { createDatabase, PostgresConnection, postgresUrl } from './postgres-admin';

export interface PostgresOptions {
  dataDir: string;
  port?: number;
  /** false turns off fsync and friends: fast, but a crash can corrupt the cluster. Tests only. */
  durable?: boolean;
  log?: (line: string) => void;
}

export interface PostgresServer extends PostgresConnection {
  url(database: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const SUPERUSER = 'xiaojian';
// Loopback-only development server, so a well-known password is fine.
const PASSWORD = 'xiaojian';
const READY_TIMEOUT_MS = 60_000;
const INSTALL_HINT = 'apt-get install -y postgresql';

function findBinDir(): string {
  const hasServer = (dir: string) => existsSync(join(dir, 'postgres')) && existsSync(join(dir, 'initdb'));
  const tried: string[] = [];
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (hasServer(dir)) return dir;
    tried.push(dir);
  } catch {
    tried.push('pg_config --bindir (not available)');
  }
  // pg_config may come from libpq-dev without the server; Debian installs servers side by side.
  const debianRoot = '/usr/lib/postgresql';
  const versions = existsSync(debianRoot)
    ? readdirSync(debianRoot).filter((v) => /^\d+(\.\d+)?$/.test(v)).sort((a, b) => Number(b) - Number(a))
    : [];
  for (const version of versions) {
    const dir = join(debianRoot, version, 'bin');
    if (hasServer(dir)) return dir;
    tried.push(dir);
  }
  tried.push(`${debianRoot}/*/bin`);
  throw new Error(`PostgreSQL server binaries (postgres, initdb) not found in ${tried.join(', ')}: ${INSTALL_HINT}`);
}

/** PostgreSQL refuses to run as root, so as root we run it as the "postgres" OS user. */
async function serverUser(): Promise<OsUser | undefined> {
  if (!isRoot()) return undefined;
  return lookupOsUser('postgres', `PostgreSQL refuses to run as root and needs that user: ${INSTALL_HINT} (creates it)`);
}

async function prepareDataDir(dataDir: string, runAs: OsUser | undefined): Promise<void> {
  // Only the data dir itself is private: a recursive mkdir would give the parents 0700 as well.
  await mkdir(dirname(dataDir), { recursive: true });
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (!runAs) return;
  await chown(dataDir, runAs.uid, runAs.gid);
  const ancestors: string[] = [];
  for (let dir = dataDir; dir !== parse(dir).root; dir = dirname(dir)) ancestors.unshift(dir);
  const firstBlocked = 'for d do [ -x "$d" ] || { echo "$d"; break; }; done';
  const blocked = (await runCommand('sh', ['-c', firstBlocked, 'sh', ...ancestors], { runAs })).trim();
  if (blocked) {
    throw new Error(
      `PostgreSQL runs as OS user "postgres" (it refuses to run as root), but that user cannot enter ${blocked}. ` +
        `Use a data dir whose parent directories are world-traversable (e.g. under /tmp), or run: chmod o+x ${blocked}`,
    );
  }
}

async function initCluster(binDir: string, dataDir: string, runAs: OsUser | undefined, durable: boolean): Promise<void> {
  if (existsSync(join(dataDir, 'PG_VERSION'))) return;
  if ((await readdir(dataDir)).length > 0) {
    throw new Error(`${dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION): empty it or choose another data dir`);
  }
  // initdb only reads the password from a file; the data dir itself must be empty, so use a sibling.
  const pwfile = `${dataDir}.initdb-password-${process.pid}`;
  await writeFile(pwfile, `${PASSWORD}\n`, { mode: 0o600 });
  try {
    if (runAs) await chown(pwfile, runAs.uid, runAs.gid);
    const args = ['-D', dataDir, '-U', SUPERUSER, `--pwfile=${pwfile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-instructions'];
    await runCommand(join(binDir, 'initdb'), durable ? args : [...args, '--no-sync'], { runAs });
  } catch (error) {
    throw new Error(`initdb of ${dataDir} failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await rm(pwfile, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A postmaster still running on our data dir is normally an orphan of a crashed run (its parent
 * is gone, so it was re-parented to init): shut it down. Anything else is another live stack.
 */
async function stopOrphanedPostmaster(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return; // stale: postgres handles it
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const [, comm = '', rest = ''] = /^\d+ \((.*)\) (.*)$/s.exec(stat) ?? [];
  if (comm !== 'postgres') return; // pid reused by an unrelated process: postgres handles it
  const ppid = Number(rest.split(' ')[1]);
  if (ppid !== 1) {
    throw new Error(`PostgreSQL (pid ${pid}) is already running on ${dataDir}, started by pid ${ppid}: stop that stack first`);
  }
  process.kill(pid, 'SIGINT');
  for (const deadline = Date.now() + 15_000; isAlive(pid); await sleep(100)) {
    if (Date.now() > deadline) {
      throw new Error(`orphaned PostgreSQL (pid ${pid}) on ${dataDir} did not shut down: kill it (kill -QUIT ${pid}) and retry`);
    }
  }
}

/** The data directory of the server answering on `connection`, or why asking failed. */
async function servedDataDir(connection: PostgresConnection): Promise<string | Error> {
  const client = new Client({ connectionString: postgresUrl(connection, 'postgres'), connectionTimeoutMillis: 2000 });
  // A failed connect can still emit 'error' later; without a listener that would crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ data_directory: string }>('SHOW data_directory');
    return rows[0].data_directory;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function waitUntilReady(server: ManagedProcess, connection: PostgresConnection, dataDir: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastProblem = 'none';
  while (Date.now() < deadline) {
    if (server.hasExited()) {
      const exit = describeExit(await server.exited);
      throw new Error(`PostgreSQL exited during start-up (${exit}). Server log tail:\n${server.outputTail()}`);
    }
    const answer = await servedDataDir(connection);
    if (answer === dataDir) return;
    lastProblem = answer instanceof Error ? answer.message : `the server on that port serves another data directory, ${answer}`;
    await sleep(100);
  }
  await server.stop(['SIGQUIT'], 5000);
  throw new Error(
    `PostgreSQL did not accept connections on ${HOST}:${connection.port} within ${READY_TIMEOUT_MS / 1000} s ` +
      `(last problem: ${lastProblem}). Server log tail:\n${server.outputTail()}`,
  );
}

export async function startPostgres(options: PostgresOptions): Promise<PostgresServer> {
  const durable = options.durable ?? true;
  const dataDir = resolve(options.dataDir);
  const binDir = findBinDir();
  const runAs = await serverUser();
  await prepareDataDir(dataDir, runAs);
  await initCluster(binDir, dataDir, runAs, durable);
  await stopOrphanedPostmaster(dataDir);

  const port = options.port ?? (await freePort());
  const settings = [
    `listen_addresses=${HOST}`,
    `port=${port}`,
    'unix_socket_directories=',
    'max_connections=200', // parallel test files each open a connection pool per test database
    ...(durable ? [] : ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off']),
  ];
  const server = spawnManaged({
    name: 'postgres',
    command: join(binDir, 'postgres'),
    args: ['-D', dataDir, ...settings.flatMap((setting) => ['-c', setting])],
    runAs,
    shutdownSignal: 'SIGINT', // fast shutdown: roll back open transactions, checkpoint, exit
    log: options.log,
  });
  const connection: PostgresConnection = { host: HOST, port, user: SUPERUSER, password: PASSWORD };
  await waitUntilReady(server, connection, dataDir);

  let stopping: Promise<void> | undefined;
  return {
    ...connection,
    url: (database) => postgresUrl(connection, database),
    createDatabase: (name) => createDatabase(connection, name),
    stop: () => (stopping ??= server.stop(['SIGINT', 'SIGQUIT'], 15_000)),
  };
}
