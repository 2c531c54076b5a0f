import { RuleError } from '@xiaojian/domain-kernel';

function assertCount(name: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RuleError('invalid_count', `${name} 必须是非负整数`, `${name} must be a non-negative integer`, name);
  }
}

/**
 * numerator ÷ denominator as a percent rounded half-up (四舍五入) to one decimal, computed in
 * integers so that e.g. 201/400 = 50.25 % gives 50.3 (floating point would give 50.2).
 */
export function roundedPercent(numerator: number, denominator: number): number {
  assertCount('numerator', numerator);
  assertCount('denominator', denominator);
  if (denominator === 0) throw new RuleError('zero_denominator', '分母不能为0', 'Denominator cannot be 0', 'denominator');
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  const tenths = (n * 2000n + d) / (2n * d);
  return Number(tenths) / 10;
}

/** A ratio of two counts, or the explicit absence of one when the denominator is 0. */
export type CountRatio<NoDenominator extends string> =
  | { kind: 'ratio'; numerator: number; denominator: number; ratio: number; percent: number }
  | { kind: NoDenominator; numerator: number; denominator: 0 };

export function countRatio<K extends string>(numerator: number, denominator: number, noDenominator: K): CountRatio<K> {
  assertCount('numerator', numerator);
  assertCount('denominator', denominator);
  if (denominator === 0) return { kind: noDenominator, numerator, denominator: 0 };
  return { kind: 'ratio', numerator, denominator, ratio: numerator / denominator, percent: roundedPercent(numerator, denominator) };
}
