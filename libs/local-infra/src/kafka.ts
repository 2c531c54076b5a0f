import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runCommand } from './exec';
import { describeExit, ManagedProcess, spawnManaged } from './managed-process';

export interface KafkaTopic {
  name: string;
  partitions: number;
}

export interface KafkaMockOptions {
  topics: readonly KafkaTopic[];
  /** Number of mock brokers; default 1. */
  brokers?: number;
  /** One loopback port per broker; default: ports chosen by the system. */
  ports?: number[];
  log?: (line: string) => void;
}

export interface KafkaMock {
  /** host:port of every broker. Stays the same across restart(). */
  readonly brokers: string[];
  stop(): Promise<void>;
  /** Stops and starts again on the same ports with the same topics, all empty. */
  restart(): Promise<void>;
}

const READY_TIMEOUT_MS = 15_000;

function kafkaMockDir(): string {
  // Walks up so this works from the sources (jest, ts-node) as well as from compiled output.
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'infra', 'kafka-mock');
    if (existsSync(join(candidate, 'build.sh'))) return candidate;
  }
  throw new Error(`infra/kafka-mock/build.sh not found above ${__dirname}: run from a checkout of the repository`);
}

async function buildMockCluster(): Promise<string> {
  const dir = kafkaMockDir();
  try {
    await runCommand('sh', [join(dir, 'build.sh')]);
  } catch (error) {
    throw new Error(`building the Kafka mock broker failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return join(dir, 'build', 'mock_cluster');
}

async function launch(binary: string, args: string[], log?: (line: string) => void): Promise<{ mock: ManagedProcess; brokers: string[] }> {
  let announce: (brokers: string[]) => void = () => undefined;
  const announced = new Promise<string[]>((resolve) => (announce = resolve));
  const mock = spawnManaged({
    name: 'kafka-mock',
    command: binary,
    args,
    shutdownSignal: 'SIGTERM',
    log,
    onLine: (line) => {
      const match = /^BOOTSTRAP (\S+)$/.exec(line);
      if (match) announce(match[1].split(','));
    },
  });
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    announced,
    mock.exited.then((exit) => `exited during start-up (${describeExit(exit)})`),
    new Promise<string>((resolve) => (timer = setTimeout(() => resolve(`printed no BOOTSTRAP line within ${READY_TIMEOUT_MS / 1000} s`), READY_TIMEOUT_MS))),
  ]);
  clearTimeout(timer);
  if (typeof outcome === 'string') {
    await mock.stop(['SIGTERM'], 5000);
    throw new Error(`Kafka mock broker (${binary} ${args.join(' ')}) ${outcome}. Output tail:\n${mock.outputTail()}`);
  }
  return { mock, brokers: outcome };
}

export async function startKafkaMock(options: KafkaMockOptions): Promise<KafkaMock> {
  const binary = await buildMockCluster();
  const brokerCount = options.brokers ?? 1;
  const topicArgs = options.topics.flatMap((topic) => ['--topic', `${topic.name}:${topic.partitions}`]);
  const argsFor = (ports: number[] | undefined) => [
    '--brokers', String(brokerCount),
    ...(ports ? ['--ports', ports.join(',')] : []),
    ...topicArgs,
  ];

  let current = await launch(binary, argsFor(options.ports), options.log);
  const brokers = current.brokers;
  const ports = brokers.map((broker) => Number(broker.slice(broker.lastIndexOf(':') + 1)));
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= current.mock.stop(['SIGTERM'], 10_000));

  return {
    brokers,
    stop,
    async restart() {
      await stop();
      current = await launch(binary, argsFor(ports), options.log);
      stopping = undefined;
    },
  };
}
