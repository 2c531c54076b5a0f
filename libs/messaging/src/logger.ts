/** The subset of a pino logger the messaging library needs; any structured logger fits. */
export interface MessagingLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug?(obj: object, msg?: string): void;
}

const ignore = () => undefined;
export const silentLogger: MessagingLogger = { info: ignore, warn: ignore, error: ignore };

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
