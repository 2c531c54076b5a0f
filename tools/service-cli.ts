/**
 * `npm run service -- <projects|funding|capacity|reporting> <command> [...]`: runs a service's
 * operator CLI (migrations, outbox republish, dead letters) with its DATABASE_URL.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const SERVICES = ['projects', 'funding', 'capacity', 'reporting'];
const [service, ...rest] = process.argv.slice(2);
if (!SERVICES.includes(service)) {
  console.error(`usage: npm run service -- <${SERVICES.join('|')}> <command> [options]`);
  process.exit(2);
}
const cli = join(__dirname, '..', 'services', service, 'src', 'cli.ts');
const result = spawnSync(process.execPath, ['-r', '@swc-node/register', cli, ...rest], { stdio: 'inherit' });
process.exit(result.status ?? 1);
