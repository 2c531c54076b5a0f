import { DomainError } from '../errors';
import { DEFAULT_MAX_YUAN, formatWanYuan, formatYuan, isFen, parseYuan, sumFen } from '../money';

function errorCode(input: unknown, options?: Parameters<typeof parseYuan>[1]): string {
  const result = parseYuan(input, options);
  if (result.ok) throw new Error(`expected ${String(input)} to be refused, got ${result.value}`);
  return result.error.code;
}

describe('parseYuan', () => {
  it.each([
    ['0', 0],
    ['0.01', 1],
    ['0.1', 10],
    ['0.10', 10],
    ['1', 100],
    ['1234.5', 123450],
    ['1046.50', 104650],
    ['10465000', 1_046_500_000],
    ['007.05', 705],
    ['100000000000', 10_000_000_000_000],
    ['100000000000.00', 10_000_000_000_000],
  ])('parses %p as %p fen', (input, fen) => {
    expect(parseYuan(input)).toEqual({ ok: true, value: fen });
  });

  it('parses values that are inexact as binary floats exactly', () => {
    expect(parseYuan('0.29')).toEqual({ ok: true, value: 29 }); // 0.29 * 100 = 28.999999999999996
    expect(parseYuan('1.15')).toEqual({ ok: true, value: 115 });
    expect(parseYuan('90071992547.99')).toEqual({ ok: true, value: 9_007_199_254_799 });
  });

  it.each([
    [1234.5, 'money.not_a_string'],
    [100, 'money.not_a_string'],
    [0.01, 'money.not_a_string'],
    [null, 'money.not_a_string'],
    [undefined, 'money.not_a_string'],
    [{}, 'money.not_a_string'],
    [100n, 'money.not_a_string'],
    ['', 'money.empty'],
    ['   ', 'money.empty'],
    ['\t\n', 'money.empty'],
    ['\u3000', 'money.empty'],
    [' 12', 'money.whitespace'],
    ['12 ', 'money.whitespace'],
    ['1 234.00', 'money.whitespace'],
    ['-1', 'money.negative'],
    ['-0.01', 'money.negative'],
    ['-0', 'money.negative'],
    ['−5', 'money.negative'],
    ['1e5', 'money.exponent'],
    ['1E5', 'money.exponent'],
    ['1.5e-2', 'money.exponent'],
    ['.5e3', 'money.exponent'],
    ['1,234.50', 'money.thousands_separator'],
    ['1,234,567', 'money.thousands_separator'],
    ['1，234', 'money.thousands_separator'],
    ['12,5', 'money.thousands_separator'],
    ['1.234', 'money.too_many_decimals'],
    ['0.001', 'money.too_many_decimals'],
    ['1046.500', 'money.too_many_decimals'],
    ['abc', 'money.invalid_format'],
    ['.5', 'money.invalid_format'],
    ['5.', 'money.invalid_format'],
    ['+5', 'money.invalid_format'],
    ['1.2.3', 'money.invalid_format'],
    ['¥100', 'money.invalid_format'],
    ['100元', 'money.invalid_format'],
    ['１００', 'money.invalid_format'],
    ['0x10', 'money.invalid_format'],
    ['Infinity', 'money.invalid_format'],
    ['NaN', 'money.invalid_format'],
    ['100000000000.01', 'money.too_large'],
    ['100000000001', 'money.too_large'],
    ['9'.repeat(400), 'money.too_large'],
  ])('refuses %p with %s', (input, code) => {
    expect(errorCode(input)).toBe(code);
  });

  it('reports the field and messages in Chinese and English', () => {
    const result = parseYuan('1.234', { field: 'allocation.amount' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'money.too_many_decimals',
        field: 'allocation.amount',
        zh: '金额最多保留两位小数（精确到分）',
        en: 'Amount may have at most two decimal places (fen)',
      },
    });
    const numeric = parseYuan(12.5);
    expect(!numeric.ok && numeric.error.field).toBe('amount');
    expect(!numeric.ok && numeric.error.zh).toContain('字符串');
    expect(!numeric.ok && numeric.error.en).toContain('string');
  });

  it('names the limit in the too_large message', () => {
    const result = parseYuan('1000.01', { maxYuan: 1000 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.zh).toBe('金额超过上限 1000 元');
    expect(!result.ok && result.error.en).toBe('Amount exceeds the limit of 1000 yuan');
    expect(parseYuan('1000.00', { maxYuan: 1000 })).toEqual({ ok: true, value: 100000 });
  });

  it('defaults the limit to 1e11 yuan', () => {
    expect(DEFAULT_MAX_YUAN).toBe(1e11);
  });

  it.each([0, -1, 1.5, Number.MAX_SAFE_INTEGER, NaN])('rejects an unusable limit %p as a programming error', (maxYuan) => {
    expect(() => parseYuan('1', { maxYuan })).toThrow(DomainError);
  });
});

describe('formatYuan', () => {
  it.each([
    [0, '0.00'],
    [1, '0.01'],
    [10, '0.10'],
    [99, '0.99'],
    [100, '1.00'],
    [123450, '1234.50'],
    [-1, '-0.01'],
    [-123456, '-1234.56'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
  ])('formats %p fen as %p', (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });

  it('round-trips with parseYuan', () => {
    for (const text of ['0.00', '0.01', '1.10', '1046.50', '99999999999.99']) {
      const parsed = parseYuan(text);
      expect(parsed.ok && formatYuan(parsed.value)).toBe(text);
    }
  });

  it.each([0.5, NaN, Infinity, 2 ** 53, '1' as unknown as number])('refuses %p', (fen) => {
    expect(() => formatYuan(fen)).toThrow(expect.objectContaining({ code: 'money.invalid_fen' }));
  });
});

describe('formatWanYuan', () => {
  it.each([
    [1_046_500_000, '1046.50'], // 10,465,000 yuan
    [0, '0.00'],
    [1, '0.00'],
    [4_999, '0.00'], // 49.99 yuan
    [5_000, '0.01'], // 50 yuan: exactly half rounds up
    [14_999, '0.01'],
    [15_000, '0.02'],
    [1_000_000, '1.00'], // 10,000 yuan
    [1_004_999, '1.00'],
    [1_005_000, '1.01'],
    [100_000_000, '100.00'],
    [123_456_789_00, '12345.68'],
    [-5_000, '-0.01'],
    [-4_999, '0.00'],
    [-1_046_500_000, '-1046.50'],
    [Number.MAX_SAFE_INTEGER, '9007199254.74'],
  ])('formats %p fen as %p 万元', (fen, text) => {
    expect(formatWanYuan(fen)).toBe(text);
  });

  it('is exact where float division is not', () => {
    // 1.005 万元 rounds half-up to 1.01; float division then toFixed(2) gives "1.00".
    expect(formatWanYuan(1_005_000)).toBe('1.01');
    expect((1_005_000 / 1_000_000).toFixed(2)).toBe('1.00');
  });

  it('refuses non-integer fen', () => {
    expect(() => formatWanYuan(0.1)).toThrow(DomainError);
  });
});

describe('sumFen', () => {
  it('sums integers, including negatives and none', () => {
    expect(sumFen([])).toBe(0);
    expect(sumFen([1, 2, 3])).toBe(6);
    expect(sumFen([100, -40])).toBe(60);
    expect(sumFen(new Set([1, 10]))).toBe(11);
  });

  it('sums up to the last safe integer', () => {
    expect(sumFen([Number.MAX_SAFE_INTEGER - 1, 1])).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('guards against overflow in both directions', () => {
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow(expect.objectContaining({ code: 'money.overflow' }));
    expect(() => sumFen([-Number.MAX_SAFE_INTEGER, -1])).toThrow(expect.objectContaining({ code: 'money.overflow' }));
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER])).toThrow(DomainError);
  });

  it('refuses non-integers', () => {
    expect(() => sumFen([1, 0.5])).toThrow(expect.objectContaining({ code: 'money.invalid_fen' }));
    expect(() => sumFen([NaN])).toThrow(DomainError);
  });
});

describe('isFen', () => {
  it('accepts safe integers only', () => {
    expect(isFen(0)).toBe(true);
    expect(isFen(-5)).toBe(true);
    expect(isFen(1.5)).toBe(false);
    expect(isFen('1')).toBe(false);
    expect(isFen(2 ** 53)).toBe(false);
  });
});
