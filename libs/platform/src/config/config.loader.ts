import { z } from 'zod';

export type Env = Record<string, string | undefined>;

export interface LoadConfigOptions {
  /** Called with 1 when the environment is invalid. Defaults to `process.exit`. */
  exit?: (code: number) => void;
  /** Receives each error line. Defaults to writing to stderr. */
  writeError?: (line: string) => void;
}

/** Thrown after `exit` when the injected exit returns (tests), so no invalid config escapes. */
export class ConfigurationError extends Error {
  constructor(readonly lines: readonly string[]) {
    super(lines.join('\n'));
    this.name = 'ConfigurationError';
  }
}

/** `FOO=` in an env file means "unset": empty strings become undefined before parsing. */
function normaliseEnv(env: Env): Env {
  const out: Env = {};
  for (const [key, value] of Object.entries(env)) {
    out[key] = value === undefined || value.trim() === '' ? undefined : value;
  }
  return out;
}

/** One line per bad variable, naming the variable and what is expected. Values are never echoed. */
export function formatConfigIssues(schema: z.ZodObject, env: Env, error: z.ZodError): string[] {
  const shape = schema.shape as Record<string, z.ZodType | undefined>;
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const issue of error.issues) {
    const name = issue.path.length > 0 ? String(issue.path[0]) : '(environment)';
    if (seen.has(name)) continue;
    seen.add(name);
    const expected = shape[name]?.description;
    const missing = env[name] === undefined;
    const problem = missing ? 'is missing' : `is invalid (${issue.message})`;
    lines.push(`Configuration error: ${name} ${problem}${expected ? ` — expected ${expected}` : ''}`);
  }
  return lines;
}

/**
 * Parses the environment with the service's schema. On failure prints one line per bad variable
 * to stderr and exits with code 1, so a misconfigured service stops at start-up rather than at
 * first use.
 */
export function loadConfig<S extends z.ZodObject>(
  schema: S,
  env: Env = process.env,
  options: LoadConfigOptions = {},
): z.output<S> {
  const normalised = normaliseEnv(env);
  const result = schema.safeParse(normalised);
  if (result.success) return result.data;

  const lines = formatConfigIssues(schema, normalised, result.error);
  const writeError = options.writeError ?? ((line: string) => process.stderr.write(`${line}\n`));
  lines.forEach(writeError);
  (options.exit ?? ((code: number) => process.exit(code)))(1);
  throw new ConfigurationError(lines);
}
