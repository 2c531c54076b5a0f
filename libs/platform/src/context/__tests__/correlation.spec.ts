import {
  currentCorrelationId,
  currentRequestContext,
  isValidCorrelationId,
  runWithCorrelation,
  setCurrentActor,
} from '../correlation';

describe('correlation context', () => {
  it('is empty outside a context', () => {
    expect(currentCorrelationId()).toBeUndefined();
  });

  it('carries the id across awaits and timers, and isolates concurrent runs', async () => {
    const seen = await Promise.all(
      ['a-1', 'b-2'].map((id) =>
        runWithCorrelation(id, async () => {
          await new Promise((r) => setTimeout(r, 5));
          await Promise.resolve();
          return currentCorrelationId();
        }),
      ),
    );
    expect(seen).toEqual(['a-1', 'b-2']);
    expect(currentCorrelationId()).toBeUndefined();
  });

  it('replaces a missing or malformed id with a uuid', () => {
    expect(runWithCorrelation(undefined, currentCorrelationId)).toMatch(/^[0-9a-f-]{36}$/);
    expect(runWithCorrelation('bad id with spaces', currentCorrelationId)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('records the actor on the current context only', () => {
    setCurrentActor({ userId: 'nobody', role: 'admin' });
    expect(currentRequestContext()).toBeUndefined();
    runWithCorrelation('c-1', () => {
      setCurrentActor({ userId: 'u-1', role: 'planner' });
      expect(currentRequestContext()).toEqual({ correlationId: 'c-1', actor: { userId: 'u-1', role: 'planner' } });
    });
  });

  it.each([
    ['abc-DEF_1.2:3', true],
    ['x'.repeat(128), true],
    ['x'.repeat(129), false],
    ['', false],
    ['has space', false],
    ['<script>', false],
    ['中文', false],
  ])('isValidCorrelationId(%j) → %s', (value, valid) => {
    expect(isValidCorrelationId(value)).toBe(valid);
  });
});
