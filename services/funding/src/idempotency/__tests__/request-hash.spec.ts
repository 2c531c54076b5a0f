import { canonicalJson, IDEMPOTENCY_KEY_PATTERN, requestHash } from '../request-hash';

describe('request hashing for idempotency keys', () => {
  it('ignores key order and undefined members, at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: 'z' }, u: undefined }))
      .toBe('{"a":{"c":"z","d":[1,{"x":1,"y":2}]},"b":1}');
    expect(requestHash('allocation', { amount: '1.00', date: '2025-01-01' }))
      .toBe(requestHash('allocation', { date: '2025-01-01', amount: '1.00' }));
  });

  it('differs when the body or the operation differs', () => {
    const body = { amount: '1.00' };
    expect(requestHash('allocation', body)).not.toBe(requestHash('allocation', { amount: '1.01' }));
    expect(requestHash('allocation', body)).not.toBe(requestHash('disbursement', body));
    expect(requestHash('allocation', body)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts printable keys up to 200 characters only', () => {
    expect(IDEMPOTENCY_KEY_PATTERN.test('3f1c2b7e-0d8a-4d3e-9a51-2c6f0e1b9a77')).toBe(true);
    expect(IDEMPOTENCY_KEY_PATTERN.test('a'.repeat(200))).toBe(true);
    expect(IDEMPOTENCY_KEY_PATTERN.test('a'.repeat(201))).toBe(false);
    expect(IDEMPOTENCY_KEY_PATTERN.test('has space')).toBe(false);
    expect(IDEMPOTENCY_KEY_PATTERN.test('')).toBe(false);
  });
});
