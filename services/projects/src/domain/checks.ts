import { IsoDate, isIsoDate } from './calendar';
import { FieldError, fieldError } from '@xiaojian/domain-kernel';

/** Field-level checks shared by the rule modules. Each pushes at most one error and returns the clean value. */
export interface Label {
  zh: string;
  en: string;
}

const isMissing = (v: unknown) => v === undefined || v === null || v === '';

function missing(errors: FieldError[], field: string, label: Label): undefined {
  errors.push(fieldError(field, 'required', `${label.zh}不能为空`, `${label.en} is required`));
  return undefined;
}

export function checkText(errors: FieldError[], field: string, label: Label, value: unknown, maxLength: number): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return missing(errors, field, label);
  const text = value.trim();
  if (text.length > maxLength) {
    errors.push(fieldError(field, 'too_long', `${label.zh}不能超过${maxLength}个字符`, `${label.en} must be at most ${maxLength} characters`));
    return undefined;
  }
  return text;
}

function checkRange(errors: FieldError[], field: string, label: Label, n: number, min: number, max: number): number | undefined {
  if (n < min) {
    errors.push(fieldError(field, 'too_small', `${label.zh}不能小于${min}`, `${label.en} must be at least ${min}`));
    return undefined;
  }
  if (n > max) {
    errors.push(fieldError(field, 'too_large', `${label.zh}不能大于${max}`, `${label.en} must be at most ${max}`));
    return undefined;
  }
  return n;
}

/** `min`/`max` must lie within the safe-integer range, which makes every accepted value a safe integer. */
export function checkInteger(errors: FieldError[], field: string, label: Label, value: unknown, min: number, max: number): number | undefined {
  if (isMissing(value)) return missing(errors, field, label);
  // Huge integers fall through to the range check, so 1e20 is "too large" rather than "not an integer".
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    errors.push(fieldError(field, 'not_integer', `${label.zh}必须是整数`, `${label.en} must be an integer`));
    return undefined;
  }
  return checkRange(errors, field, label, value, min, max);
}

export function checkNumber(errors: FieldError[], field: string, label: Label, value: unknown, min: number, max: number): number | undefined {
  if (isMissing(value)) return missing(errors, field, label);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    errors.push(fieldError(field, 'not_number', `${label.zh}必须是数字`, `${label.en} must be a number`));
    return undefined;
  }
  return checkRange(errors, field, label, value, min, max);
}

/** A valid YYYY-MM-DD date; when `today` is given the date may not be after it. */
export function checkDate(errors: FieldError[], field: string, label: Label, value: unknown, today?: IsoDate): IsoDate | undefined {
  if (isMissing(value)) return missing(errors, field, label);
  if (!isIsoDate(value)) {
    errors.push(fieldError(field, 'invalid_date', `${label.zh}必须是有效日期（YYYY-MM-DD）`, `${label.en} must be a valid date (YYYY-MM-DD)`));
    return undefined;
  }
  if (today !== undefined && value > today) {
    errors.push(fieldError(field, 'date_in_future', `${label.zh}不能晚于今天（${today}）`, `${label.en} cannot be after today (${today})`));
    return undefined;
  }
  return value;
}

export function checkEnum<T extends string>(errors: FieldError[], field: string, label: Label, value: unknown, allowed: readonly T[]): T | undefined {
  if (isMissing(value)) return missing(errors, field, label);
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    const list = allowed.join(', ');
    errors.push(fieldError(field, 'invalid_value', `${label.zh}必须是以下之一：${list}`, `${label.en} must be one of: ${list}`));
    return undefined;
  }
  return value as T;
}
