import { Inject, Injectable, type LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';
import { PLATFORM_LOGGER } from './logging.constants';

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

const STACK = /^.*\n\s+at .+/s;

/**
 * Routes Nest's own logs (`Logger`, `NestFactory`, `RoutesResolver`, …) through the platform
 * logger; Nest's context becomes the `component` field.
 */
@Injectable()
export class NestLoggerAdapter implements LoggerService {
  private readonly children = new Map<string, Logger>();

  constructor(@Inject(PLATFORM_LOGGER) private readonly root: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params, true);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params, true);
  }

  private component(context: string | undefined): Logger {
    const name = context ?? 'nest';
    let child = this.children.get(name);
    if (!child) {
      child = this.root.child({ component: name });
      this.children.set(name, child);
    }
    return child;
  }

  /** Mirrors Nest's ConsoleLogger: the last string parameter is the context; for errors a
   * preceding string (or a lone one that looks like a stack) is the stack. */
  private write(level: Level, message: unknown, params: unknown[], mayHaveStack = false): void {
    const rest = [...params];
    let context: string | undefined;
    let stack: string | undefined;
    const last = rest[rest.length - 1];
    if (typeof last === 'string' && !(mayHaveStack && rest.length === 1 && STACK.test(last))) {
      context = last;
      rest.pop();
    }
    if (mayHaveStack && typeof rest[0] === 'string') {
      stack = rest.shift() as string;
    }
    const logger = this.component(context);

    if (message instanceof Error) {
      logger[level]({ err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      logger[level](stack ? { ...message, stack } : message);
    } else if (stack) {
      logger[level]({ stack }, String(message));
    } else {
      logger[level](String(message));
    }
  }
}
