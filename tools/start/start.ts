/**
 * `npm start`: the whole suite on this machine. Starts PostgreSQL, Redis and the Kafka-protocol
 * broker, migrates each service's database, starts the four services, loads the demo county
 * (unless --no-demo, or it is already loaded) and prints where everything is. Ctrl-C stops it all.
 * Data lives in .xiaojian/ and is reused by the next start.
 */
import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { TOPIC_CATALOGUE } from '@xiaojian/contracts';
import { startKafkaMock, startPostgres, startRedis } from '@xiaojian/local-infra';
import { signDevToken } from '@xiaojian/platform';
import { DEMO_COUNTY, DEMO_TOWNSHIPS } from '../demo/demo-county';
import { loadDemoCounty } from '../demo/load-demo';
import { runServiceCommand, RunningService, startService, stopService, waitUntilReady } from './service-processes';
import { SERVICES, servicePort, suiteSettings } from './suite-config';

const step = (message: string) => process.stdout.write(`\x1b[36m▸\x1b[0m ${message}\n`);

async function ensureDatabase(url: string, name: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

async function main() {
  const settings = suiteSettings(process.argv.slice(2));
  const stoppers: (() => Promise<void>)[] = [];
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    step('stopping …');
    for (const stop of stoppers.reverse()) await stop().catch((error) => console.error(String(error)));
    step('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    mkdirSync(settings.dataDir, { recursive: true });
    step(`starting PostgreSQL (:${settings.postgresPort}), Redis (:${settings.redisPort}) and the Kafka-protocol broker (:${settings.kafkaPort}); data in ${settings.dataDir}`);
    const [postgres, redis, kafka] = await Promise.all([
      startPostgres({ dataDir: join(settings.dataDir, 'postgres'), port: settings.postgresPort }),
      startRedis({ dir: join(settings.dataDir, 'redis'), port: settings.redisPort, persistent: true }),
      startKafkaMock({ topics: TOPIC_CATALOGUE, ports: [settings.kafkaPort] }),
    ]);
    stoppers.push(() => postgres.stop(), () => redis.stop(), () => kafka.stop());

    const common = {
      KAFKA_BROKERS: kafka.brokers.join(','),
      REDIS_URL: redis.url,
      JWT_SECRET: settings.jwtSecret,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
      // The local broker keeps no data across restarts: the catalogue is created by its launcher.
      KAFKA_PROVISION_TOPICS: 'false',
    };
    const envOf = (name: string) => ({ ...common, DATABASE_URL: postgres.url(`xiaojian_${name}`) });

    step('migrating the four databases');
    for (const service of SERVICES) {
      await ensureDatabase(postgres.url('postgres'), `xiaojian_${service.name}`);
      const output = await runServiceCommand(service.name, ['migrate'], envOf(service.name));
      step(`  ${service.name}: ${output.split('\n').pop()}`);
    }

    step(`starting the services (logs in ${join(settings.dataDir, 'logs')})`);
    const running: RunningService[] = SERVICES.map((service) =>
      startService(service.name, servicePort(settings, service.name), envOf(service.name), join(settings.dataDir, 'logs')),
    );
    for (const service of running) stoppers.push(() => stopService(service));
    for (const service of running) {
      await waitUntilReady(service);
      step(`  ${service.name} ready on :${service.port}`);
    }

    if (settings.loadDemo) {
      step('loading the demo county through the services’ APIs (skipped when already loaded)');
      await loadDemoCounty({
        urls: Object.fromEntries(running.map((s) => [s.name, `http://127.0.0.1:${s.port}`])) as Record<(typeof SERVICES)[number]['name'], string>,
        secret: settings.jwtSecret,
        log: (line) => step(`  ${line}`),
      });
    }

    printWelcome(settings, running);
    for (const service of running) {
      service.child.on('exit', (code) => {
        if (!stopping) {
          console.error(`${service.name} stopped unexpectedly (exit ${code}); see ${service.logFile}. Stopping the suite.`);
          void stopAll(1);
        }
      });
    }
  } catch (error) {
    console.error(`\n\x1b[31m✖ ${error instanceof Error ? error.message : String(error)}\x1b[0m`);
    await stopAll(1);
  }
}

function printWelcome(settings: ReturnType<typeof suiteSettings>, running: RunningService[]) {
  const token = (role: Parameters<typeof signDevToken>[0]['role'], divisions: string[], name: string) =>
    signDevToken({ role, divisions, name, secret: settings.jwtSecret, expiresIn: '30d' });
  const lines = [
    '',
    '\x1b[32m✔ 校建 Xiaojian is running\x1b[0m',
    '',
    ...running.map((s) => `  ${s.name.padEnd(10)} http://localhost:${s.port}/api/v1   Swagger: http://localhost:${s.port}/api/docs`),
    '',
    `  bulletins:  http://localhost:${servicePort(settings, 'reporting')}/api/v1/bulletins?county=${DEMO_COUNTY.code}`,
    `  queues:     http://localhost:${servicePort(settings, 'reporting')}/admin/queues?token=<admin token>`,
    '',
    '  dev tokens (Authorization: Bearer <token>):',
    `  planner   ${token('planner', [DEMO_COUNTY.code], '规划股 张工')}`,
    `  finance   ${token('finance', [DEMO_COUNTY.code], '计财股 李会计')}`,
    `  leader    ${token('leader', [DEMO_COUNTY.code], '督导委员会 王主任')}`,
    `  township  ${token('township', [DEMO_TOWNSHIPS[0].code], `${DEMO_TOWNSHIPS[0].name} 赵干事`)}`,
    `  admin     ${token('admin', [DEMO_COUNTY.code], '系统管理员')}`,
    '',
    `  Ctrl-C stops everything; data stays in ${settings.dataDir} for the next start.`,
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

void main();
