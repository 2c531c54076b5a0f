import { DomainError, Result, fail, issue, ok } from './errors';

/** An amount of money in fen (分, 0.01 yuan): always a safe integer, never a float of yuan. */
export type Fen = number;

export const FEN_PER_YUAN = 100;
export const FEN_PER_WAN_YUAN = 1_000_000;
/** Default ceiling for parsed amounts: 1e11 yuan, far beyond any county programme. */
export const DEFAULT_MAX_YUAN = 100_000_000_000;

export interface ParseYuanOptions {
  /** Field name reported in errors; defaults to `amount`. */
  field?: string;
  /** Largest accepted amount in whole yuan (inclusive); defaults to `DEFAULT_MAX_YUAN`. */
  maxYuan?: number;
}

export function isFen(value: unknown): value is Fen {
  return Number.isSafeInteger(value);
}

/**
 * Parses a yuan amount written as a decimal string ("1234.5", "0.01", "1046.50") into fen.
 * Numbers are refused even when integral: a JSON number may already have lost precision, and
 * accepting some numbers but not others would make the API contract depend on the value.
 */
export function parseYuan(input: unknown, options: ParseYuanOptions = {}): Result<Fen> {
  const field = options.field ?? 'amount';
  const maxYuan = options.maxYuan ?? DEFAULT_MAX_YUAN;
  if (!Number.isSafeInteger(maxYuan) || maxYuan <= 0 || !Number.isSafeInteger(maxYuan * FEN_PER_YUAN)) {
    throw new DomainError(issue('money.invalid_limit', 'maxYuan',
      `金额上限配置无效：${String(maxYuan)}`, `Invalid amount limit: ${String(maxYuan)}`));
  }
  const refuse = (code: string, zh: string, en: string) => fail(issue(`money.${code}`, field, zh, en));

  if (typeof input === 'number') {
    return refuse('not_a_string',
      '金额必须以字符串提交（例如 "1234.50"），不接受数字类型，以免浮点误差',
      'Amount must be sent as a string (e.g. "1234.50"), not as a number, to avoid floating-point error');
  }
  if (typeof input !== 'string') {
    return refuse('not_a_string', '金额必须是字符串，例如 "1234.50"', 'Amount must be a string, e.g. "1234.50"');
  }
  if (input.trim() === '') return refuse('empty', '金额不能为空', 'Amount is required');
  if (/\s/.test(input)) return refuse('whitespace', '金额不能包含空格', 'Amount must not contain spaces');
  if (/^[-−]/.test(input)) return refuse('negative', '金额不能为负数', 'Amount must not be negative');
  if (/^(\d+(\.\d*)?|\.\d+)e[+-]?\d+$/i.test(input)) {
    return refuse('exponent', '金额不能使用科学计数法（如 1e5），请写出完整数字',
      'Amount must not use exponent notation (such as 1e5); write the number out in full');
  }
  if (/^[\d.]*[,，][\d.,，]*$/.test(input)) {
    return refuse('thousands_separator', '金额不能包含逗号（千位分隔符）',
      'Amount must not contain commas (thousands separators)');
  }
  if (/^\d+\.\d{3,}$/.test(input)) {
    return refuse('too_many_decimals', '金额最多保留两位小数（精确到分）',
      'Amount may have at most two decimal places (fen)');
  }
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(input);
  if (!match) {
    return refuse('invalid_format', '金额格式不正确，应为不带符号的数字，最多两位小数，例如 "1234.50"',
      'Amount must be a plain decimal number with at most two decimal places, e.g. "1234.50"');
  }
  // BigInt so that an absurdly long digit string is compared exactly, not rounded.
  const fen = BigInt(match[1]) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
  if (fen > BigInt(maxYuan) * 100n) {
    return refuse('too_large', `金额超过上限 ${maxYuan} 元`, `Amount exceeds the limit of ${maxYuan} yuan`);
  }
  return ok(Number(fen));
}

function assertFen(fen: unknown, field = 'amount'): asserts fen is Fen {
  if (!isFen(fen)) {
    throw new DomainError(issue('money.invalid_fen', field,
      `金额必须是以分为单位的安全整数：${String(fen)}`, `Amount must be a safe integer number of fen: ${String(fen)}`));
  }
}

function withHundredths(sign: string, hundredths: number): string {
  return `${sign}${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** 123450 → "1234.50"; negatives keep their sign ("-0.01"). No thousands separators. */
export function formatYuan(fen: Fen): string {
  assertFen(fen);
  return withHundredths(fen < 0 ? '-' : '', Math.abs(fen));
}

/**
 * Fen → 万元 with exactly two decimals, rounded half-up (half away from zero for negatives)
 * in integer arithmetic: 1,046,500,000 fen (10,465,000 yuan) → "1046.50".
 */
export function formatWanYuan(fen: Fen): string {
  assertFen(fen);
  const abs = Math.abs(fen);
  const unit = FEN_PER_WAN_YUAN / 100; // fen in 0.01 万元
  let hundredths = Math.floor(abs / unit);
  if ((abs - hundredths * unit) * 2 >= unit) hundredths += 1;
  return withHundredths(fen < 0 && hundredths > 0 ? '-' : '', hundredths);
}

/** Sums fen amounts, refusing non-integers and any total that leaves the safe-integer range. */
export function sumFen(values: Iterable<Fen>): Fen {
  let total = 0;
  for (const value of values) {
    assertFen(value);
    total += value;
    if (!Number.isSafeInteger(total)) {
      throw new DomainError(issue('money.overflow', undefined,
        '金额合计超出可精确表示的范围', 'Sum of amounts exceeds the exactly representable range'));
    }
  }
  return total;
}
