import { setTimeout as sleep } from 'node:timers/promises';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: any,
    message: string,
  ) {
    super(message);
  }
}

/** A tiny JSON client for one service, acting as one user (bearer token). */
export class ApiClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json', 'accept-language': 'zh-CN', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed = text ? safeJson(text) : undefined;
    if (!response.ok) {
      const detail = parsed?.detail ?? parsed?.title ?? text.slice(0, 300);
      const fields = parsed?.errors?.map((e: { field: string; message: string }) => `${e.field}: ${e.message}`).join('; ');
      throw new ApiError(response.status, parsed, `${method} ${path} → ${response.status} ${detail}${fields ? ` (${fields})` : ''}`);
    }
    return parsed as T;
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }

  post<T = any>(path: string, body: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body, headers);
  }

  put<T = any>(path: string, body: unknown) {
    return this.request<T>('PUT', path, body);
  }
}

function safeJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text.slice(0, 300) };
  }
}

/** Retries while another service has not yet learnt, from events, what this call refers to. */
export async function untilKnown<T>(call: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await call();
    } catch (error) {
      const retriable = error instanceof ApiError && (error.status === 404 || error.status === 422) && Date.now() < deadline;
      if (!retriable) throw error;
      await sleep(250);
    }
  }
}

export async function poll<T>(probe: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      if (done(last)) return last;
    } catch {
      // not there yet
    }
    await sleep(500);
  }
  throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(last)?.slice(0, 300)}`);
}
