import { rmSync } from 'node:fs';
import { TEST_STACK_KEY, TestStackHandle } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const handle = (globalThis as Record<string, unknown>)[TEST_STACK_KEY] as TestStackHandle | undefined;
  if (!handle) return;
  delete (globalThis as Record<string, unknown>)[TEST_STACK_KEY];
  try {
    await handle.stack.stop();
  } finally {
    rmSync(handle.dir, { recursive: true, force: true });
  }
}
