import { join } from 'node:path';

/** The four services as the local suite runs them: entry points, ports, databases. */
export const SERVICES = [
  { name: 'projects', port: 3001, title: '项目服务 projects' },
  { name: 'funding', port: 3002, title: '资金服务 funding' },
  { name: 'capacity', port: 3003, title: '学位服务 capacity' },
  { name: 'reporting', port: 3004, title: '统计通报服务 reporting' },
] as const;

export type ServiceName = (typeof SERVICES)[number]['name'];

export const WORKSPACE = join(__dirname, '..', '..');

export interface SuiteSettings {
  /** Where the local suite keeps its PostgreSQL cluster, Redis file and logs; reused on the next start. */
  dataDir: string;
  postgresPort: number;
  redisPort: number;
  kafkaPort: number;
  /** Added to the services' default ports 3001–3004 (XJ_PORT_OFFSET), to run beside another copy. */
  portOffset: number;
  jwtSecret: string;
  loadDemo: boolean;
}

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0 || value > 65535) {
    throw new Error(`${name} must be a TCP port number (1–65535), got "${raw}"`);
  }
  return value;
}

export function suiteSettings(argv: string[]): SuiteSettings {
  return {
    dataDir: process.env.XJ_DATA_DIR ?? join(WORKSPACE, '.xiaojian'),
    postgresPort: intFromEnv('XJ_POSTGRES_PORT', 54329),
    redisPort: intFromEnv('XJ_REDIS_PORT', 63799),
    kafkaPort: intFromEnv('XJ_KAFKA_PORT', 39092),
    portOffset: process.env.XJ_PORT_OFFSET ? intFromEnv('XJ_PORT_OFFSET', 1) : 0,
    jwtSecret: process.env.JWT_SECRET ?? 'xiaojian-dev-secret-change-me',
    loadDemo: !argv.includes('--no-demo') && process.env.XJ_NO_DEMO !== '1',
  };
}

export const servicePort = (settings: SuiteSettings, name: ServiceName) =>
  SERVICES.find((s) => s.name === name)!.port + settings.portOffset;
