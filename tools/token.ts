/**
 * Prints a development bearer token.
 *
 *   npm run token -- --role planner --division 341321 [--division 341321001 ...] [--name 张三] [--expires 30d] [--sub u-1]
 *
 * 6-digit divisions become `counties`, 9-digit ones `townships`. The secret comes from JWT_SECRET;
 * without it the shared development secret is used (with a warning).
 */
import { ROLES, signDevToken, type Role } from '@xiaojian/platform';

export const DEV_JWT_SECRET = 'xiaojian-dev-secret-change-me';

const USAGE =
  'usage: npm run token -- --role <planner|finance|township|leader|admin> --division <code> [--division <code> ...] [--name <name>] [--expires <30d|8h|seconds>] [--sub <user id>]';

export interface TokenArgs {
  role: Role;
  divisions: string[];
  name?: string;
  expires: string;
  sub?: string;
}

export function parseTokenArgs(argv: readonly string[]): TokenArgs {
  const values: Record<string, string[]> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') ? arg.slice(2).split(/=(.*)/s, 2) : [undefined, undefined];
    if (!flag) throw new Error(`unexpected argument "${arg}"\n${USAGE}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${flag} needs a value\n${USAGE}`);
    (values[flag] ??= []).push(value);
  }
  const known = new Set(['role', 'division', 'name', 'expires', 'sub']);
  const unknown = Object.keys(values).filter((k) => !known.has(k));
  if (unknown.length > 0) throw new Error(`unknown option --${unknown[0]}\n${USAGE}`);

  const role = values.role?.[0];
  if (!role || !(ROLES as readonly string[]).includes(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}\n${USAGE}`);
  const divisions = values.division ?? [];
  if (divisions.length === 0 && role !== 'admin') throw new Error(`at least one --division is needed for role ${role}\n${USAGE}`);
  return { role: role as Role, divisions, name: values.name?.[0], expires: values.expires?.[0] ?? '8h', sub: values.sub?.[0] };
}

function main(): void {
  try {
    const args = parseTokenArgs(process.argv.slice(2));
    let secret = process.env.JWT_SECRET;
    if (!secret) {
      process.stderr.write(`warning: JWT_SECRET is not set; signing with the development secret "${DEV_JWT_SECRET}"\n`);
      secret = DEV_JWT_SECRET;
    }
    const expiresIn = /^\d+$/.test(args.expires) ? Number(args.expires) : args.expires;
    process.stdout.write(`${signDevToken({ role: args.role, divisions: args.divisions, name: args.name, sub: args.sub, secret, expiresIn })}\n`);
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}

if (require.main === module) main();
