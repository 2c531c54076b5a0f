import { DomainError, issue } from './errors';

/**
 * A ratio such as spent ÷ allocated. A zero denominator (nothing allocated, no target) is its
 * own case: reports show "no allocation", never 0 % or NaN.
 */
export type Rate =
  | { readonly kind: 'no_denominator' }
  | {
      readonly kind: 'rate';
      readonly numerator: number;
      readonly denominator: number;
      /** numerator ÷ denominator, for sorting and charts; print `percent`. */
      readonly value: number;
      /** Percentage with one decimal, rounded half-up exactly: 5780 ÷ 5207 → "111.0". */
      readonly percent: string;
    };

export function rate(numerator: number, denominator: number): Rate {
  for (const [name, value] of [['numerator', numerator], ['denominator', denominator]] as const) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new DomainError(issue('ratio.invalid_operand', name,
        `比率的${name === 'numerator' ? '分子' : '分母'}必须是非负整数：${String(value)}`,
        `The ${name} of a rate must be a non-negative integer: ${String(value)}`));
    }
  }
  if (denominator === 0) return { kind: 'no_denominator' };
  return {
    kind: 'rate',
    numerator,
    denominator,
    value: numerator / denominator,
    percent: formatPercent(numerator, denominator),
  };
}

/**
 * (numerator ÷ denominator × 100) with `decimals` decimals, rounded half away from zero, in
 * exact integer arithmetic. Works for any sign, e.g. a gap in percentage points.
 */
export function formatPercent(numerator: number | bigint, denominator: number | bigint, decimals = 1): string {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) {
    throw new DomainError(issue('ratio.invalid_decimals', 'decimals',
      `小数位数必须是 0 到 6 的整数：${decimals}`, `Decimals must be an integer from 0 to 6: ${decimals}`));
  }
  const n = toBigInt(numerator, 'numerator');
  const d = toBigInt(denominator, 'denominator');
  if (d === 0n) {
    throw new DomainError(issue('ratio.zero_denominator', 'denominator', '分母不能为零', 'Denominator must not be zero'));
  }
  const scale = 10n ** BigInt(decimals);
  const scaled = n * 100n * scale;
  const negative = (scaled < 0n) !== (d < 0n) && scaled !== 0n;
  const absScaled = scaled < 0n ? -scaled : scaled;
  const absD = d < 0n ? -d : d;
  let units = absScaled / absD;
  if ((absScaled % absD) * 2n >= absD) units += 1n;
  const whole = (units / scale).toString();
  const fraction = decimals === 0 ? '' : `.${(units % scale).toString().padStart(decimals, '0')}`;
  return `${negative && units > 0n ? '-' : ''}${whole}${fraction}`;
}

function toBigInt(value: number | bigint, name: string): bigint {
  if (typeof value === 'bigint') return value;
  if (!Number.isSafeInteger(value)) {
    throw new DomainError(issue('ratio.invalid_operand', name,
      `比率的操作数必须是安全整数：${String(value)}`, `Rate operands must be safe integers: ${String(value)}`));
  }
  return BigInt(value);
}
