import type { DestinationStream } from 'pino';

const LEVEL_WIDTH = 5;
const SKIP = new Set(['time', 'level', 'msg', 'service', 'component', 'correlationId', 'hostname', 'pid', 'err']);

/**
 * A tiny human-readable formatter for LOG_FORMAT=pretty (local development only), so the
 * workspace needs no pino-pretty: `12:00:01.234 INFO  [component] message {extras} cid=…`.
 */
export function prettyStream(out: { write(chunk: string): unknown } = process.stdout): DestinationStream {
  return {
    write(line: string): void {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        out.write(line);
        return;
      }
      const time = typeof entry.time === 'string' ? entry.time.slice(11, 23) : '';
      const level = String(entry.level ?? '').toUpperCase().padEnd(LEVEL_WIDTH);
      const extras = Object.fromEntries(Object.entries(entry).filter(([k]) => !SKIP.has(k)));
      const parts = [time, level, `[${String(entry.component ?? '-')}]`, String(entry.msg ?? '')];
      if (Object.keys(extras).length > 0) parts.push(JSON.stringify(extras));
      if (entry.correlationId) parts.push(`cid=${String(entry.correlationId)}`);
      const err = entry.err as { stack?: string } | undefined;
      out.write(`${parts.join(' ')}${err?.stack ? `\n${err.stack}` : ''}\n`);
    },
  };
}
