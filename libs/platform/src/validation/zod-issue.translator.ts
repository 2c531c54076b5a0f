import { z } from 'zod';
import type { LocalizedText, ProblemFieldError } from '../errors/problem.types';

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/** `['grades', 2, 'pupils']` → `grades[2].pupils`. */
export function formatIssuePath(path: Path): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out.length === 0 ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

/**
 * A message for `.refine()` / `ctx.addIssue()` in both languages:
 * `z.string().refine(isDivision, localized('应为6位行政区划代码', 'must be a 6-digit division code'))`.
 */
export function localized(zh: string, en: string): { error: string; params: { i18n: LocalizedText } } {
  return { error: en, params: { i18n: { zh, en } } };
}

const TYPE_ZH: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '布尔值（true 或 false）',
  array: '列表',
  object: '对象',
  date: '日期',
  null: '空值（null）',
  undefined: '空',
  nan: '非数字',
  record: '对象',
  map: '对象',
  set: '列表',
  tuple: '列表',
};

const TYPE_EN: Record<string, string> = { int: 'integer', nan: 'NaN', record: 'object', tuple: 'array' };

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'nan';
  return typeof value;
}

function valueAt(input: unknown, path: Path): unknown {
  let current = input;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment as string];
  }
  return current;
}

function quote(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function num(value: number | bigint): string {
  return typeof value === 'bigint' ? value.toString() : String(value);
}

function isDateOrigin(origin: string): boolean {
  return origin === 'date';
}

function dateText(value: number | bigint): string {
  return new Date(Number(value)).toISOString().slice(0, 10);
}

const enLocale = z.locales.en();

/** True when the issue still carries zod's stock English message, i.e. no custom one was given. */
function hasStockMessage(issue: Issue): boolean {
  const stock = enLocale.localeError(issue as unknown as z.core.$ZodRawIssue);
  const text = typeof stock === 'string' ? stock : stock?.message;
  return text === issue.message;
}

function tooSmall(issue: z.core.$ZodIssueTooSmall): LocalizedText {
  const min = issue.minimum;
  const n = num(min);
  switch (issue.origin) {
    case 'string':
      if (issue.exact) return { zh: `长度必须为 ${n} 个字符`, en: `must be exactly ${n} characters` };
      if (Number(min) <= 1 && issue.inclusive !== false) return { zh: '不能为空', en: 'must not be empty' };
      return { zh: `至少需要 ${n} 个字符`, en: `must be at least ${n} characters` };
    case 'array':
    case 'set':
      if (issue.exact) return { zh: `必须正好 ${n} 项`, en: `must contain exactly ${n} items` };
      if (Number(min) <= 1) return { zh: '至少需要填写 1 项', en: 'must contain at least 1 item' };
      return { zh: `至少需要 ${n} 项`, en: `must contain at least ${n} items` };
    case 'file':
      return { zh: `文件不能小于 ${n} 字节`, en: `file must be at least ${n} bytes` };
    default:
      if (isDateOrigin(issue.origin)) {
        return issue.inclusive === false
          ? { zh: `必须晚于 ${dateText(min)}`, en: `must be after ${dateText(min)}` }
          : { zh: `不能早于 ${dateText(min)}`, en: `must not be before ${dateText(min)}` };
      }
      if (issue.inclusive === false) return { zh: `必须大于 ${n}`, en: `must be greater than ${n}` };
      return { zh: `不能小于 ${n}`, en: `must be at least ${n}` };
  }
}

function tooBig(issue: z.core.$ZodIssueTooBig): LocalizedText {
  const max = issue.maximum;
  const n = num(max);
  switch (issue.origin) {
    case 'string':
      if (issue.exact) return { zh: `长度必须为 ${n} 个字符`, en: `must be exactly ${n} characters` };
      return { zh: `不能超过 ${n} 个字符`, en: `must be at most ${n} characters` };
    case 'array':
    case 'set':
      if (issue.exact) return { zh: `必须正好 ${n} 项`, en: `must contain exactly ${n} items` };
      return { zh: `最多只能有 ${n} 项`, en: `must contain at most ${n} items` };
    case 'file':
      return { zh: `文件不能超过 ${n} 字节`, en: `file must be at most ${n} bytes` };
    default:
      if (isDateOrigin(issue.origin)) {
        return issue.inclusive === false
          ? { zh: `必须早于 ${dateText(max)}`, en: `must be before ${dateText(max)}` }
          : { zh: `不能晚于 ${dateText(max)}`, en: `must not be after ${dateText(max)}` };
      }
      if (typeof max === 'number' && max >= Number.MAX_SAFE_INTEGER) return { zh: '数值过大', en: 'is too large' };
      if (issue.inclusive === false) return { zh: `必须小于 ${n}`, en: `must be less than ${n}` };
      return { zh: `不能大于 ${n}`, en: `must be at most ${n}` };
  }
}

const FORMAT_TEXT: Record<string, LocalizedText> = {
  email: { zh: '邮箱地址格式不正确', en: 'must be a valid email address' },
  url: { zh: '网址格式不正确', en: 'must be a valid URL' },
  uuid: { zh: '编号格式不正确（应为 UUID）', en: 'must be a UUID' },
  guid: { zh: '编号格式不正确（应为 UUID）', en: 'must be a UUID' },
  date: { zh: '日期格式不正确，应为“年-月-日”，如 2024-09-01', en: 'must be a date like 2024-09-01' },
  datetime: {
    zh: '时间格式不正确，应为 ISO 8601 格式，如 2024-09-01T08:00:00+08:00',
    en: 'must be an ISO 8601 date-time like 2024-09-01T08:00:00+08:00',
  },
  time: { zh: '时刻格式不正确，应为“时:分:秒”，如 08:30:00', en: 'must be a time like 08:30:00' },
  e164: { zh: '电话号码格式不正确', en: 'must be an E.164 phone number' },
  ipv4: { zh: 'IP 地址格式不正确', en: 'must be an IPv4 address' },
  ipv6: { zh: 'IP 地址格式不正确', en: 'must be an IPv6 address' },
  lowercase: { zh: '只能使用小写字母', en: 'must be lowercase' },
  uppercase: { zh: '只能使用大写字母', en: 'must be uppercase' },
  regex: { zh: '格式不正确', en: 'has an invalid format' },
};

function invalidFormat(issue: z.core.$ZodIssueInvalidStringFormat): LocalizedText {
  const i = issue as z.core.$ZodIssueInvalidStringFormat & { prefix?: string; suffix?: string; includes?: string };
  if (i.format.startsWith('uuid')) return FORMAT_TEXT.uuid;
  switch (i.format) {
    case 'starts_with':
      return { zh: `必须以“${i.prefix}”开头`, en: `must start with "${i.prefix}"` };
    case 'ends_with':
      return { zh: `必须以“${i.suffix}”结尾`, en: `must end with "${i.suffix}"` };
    case 'includes':
      return { zh: `必须包含“${i.includes}”`, en: `must include "${i.includes}"` };
    default:
      return FORMAT_TEXT[i.format] ?? { zh: `格式不正确（应为 ${i.format} 格式）`, en: `must be a valid ${i.format}` };
  }
}

function multipleOf(divisor: number): LocalizedText {
  const decimals = Math.round(-Math.log10(divisor));
  if (divisor < 1 && decimals > 0 && Math.abs(10 ** -decimals - divisor) < 1e-12) {
    return { zh: `最多保留 ${decimals} 位小数`, en: `must have at most ${decimals} decimal places` };
  }
  return { zh: `必须是 ${divisor} 的倍数`, en: `must be a multiple of ${divisor}` };
}

function invalidType(issue: z.core.$ZodIssueInvalidType, value: unknown): LocalizedText {
  const expected = String(issue.expected);
  const received = (issue as { received?: string }).received?.toLowerCase() ?? typeOf(value);
  const zhExpected = TYPE_ZH[expected] ?? expected;
  const zhReceived = TYPE_ZH[received] ?? received;
  const enExpected = TYPE_EN[expected] ?? expected;
  const enReceived = TYPE_EN[received] ?? received;
  return { zh: `应为${zhExpected}，实际提交的是${zhReceived}`, en: `must be ${withArticle(enExpected)}, got ${enReceived}` };
}

function withArticle(word: string): string {
  return /^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`;
}

function list(values: readonly unknown[], separator: string): string {
  return values.map(quote).join(separator);
}

function invalidValue(values: readonly unknown[]): LocalizedText {
  return values.length === 1
    ? { zh: `只能为“${quote(values[0])}”`, en: `must be "${quote(values[0])}"` }
    : { zh: `取值无效，只能是以下之一：${list(values, '、')}`, en: `must be one of: ${list(values, ', ')}` };
}

/** The error code and stock bilingual message of an issue (unrecognized_keys is handled apart). */
function describeIssue(issue: Issue, input: unknown): { code: string; message: LocalizedText } {
  switch (issue.code) {
    case 'invalid_type': {
      const value = valueAt(input, issue.path);
      return value === undefined
        ? { code: 'required', message: { zh: '此项为必填项', en: 'is required' } }
        : { code: 'invalid-type', message: invalidType(issue, value) };
    }
    case 'too_small':
      return { code: 'too-small', message: tooSmall(issue) };
    case 'too_big':
      return { code: 'too-big', message: tooBig(issue) };
    case 'invalid_value':
      return { code: 'invalid-value', message: invalidValue(issue.values) };
    case 'invalid_format':
      return { code: 'invalid-format', message: invalidFormat(issue) };
    case 'not_multiple_of':
      return { code: 'not-multiple-of', message: multipleOf(issue.divisor) };
    case 'invalid_union': {
      // For a discriminated union zod already points the path at the discriminator key.
      if ((issue as { discriminator?: string }).discriminator) {
        const options = (issue as { options?: unknown[] }).options;
        return {
          code: 'invalid-value',
          message: options?.length ? invalidValue(options) : { zh: '取值无效', en: 'has an invalid value' },
        };
      }
      return { code: 'invalid-union', message: { zh: '内容不符合任何一种允许的格式', en: 'does not match any allowed shape' } };
    }
    case 'invalid_key':
      return { code: 'invalid-key', message: { zh: '包含无效的键名', en: 'has an invalid key' } };
    case 'invalid_element':
      return { code: 'invalid-element', message: { zh: '包含无效的元素', en: 'has an invalid element' } };
    default:
      return { code: 'invalid', message: { zh: '取值无效', en: 'is invalid' } };
  }
}

/**
 * Turns one zod issue into field errors with a natural zh-CN and an English message. A message
 * given in the schema wins: `localized(zh, en)` supplies both languages, a plain custom string is
 * used for both. `unrecognized_keys` yields one error per unknown key.
 */
export function translateZodIssue(issue: Issue, input: unknown): ProblemFieldError[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      field: formatIssuePath([...issue.path, key]),
      code: 'unrecognized-key',
      message: { zh: '不支持此字段，请删除', en: 'is not a recognised field' },
    }));
  }
  const { code, message } = describeIssue(issue, input);
  const i18n = (issue as { params?: { i18n?: LocalizedText } }).params?.i18n;
  return [{ field: formatIssuePath(issue.path), code, message: i18n ?? (hasStockMessage(issue) ? message : issue.message) }];
}

export function translateZodIssues(issues: readonly Issue[], input: unknown): ProblemFieldError[] {
  return issues.flatMap((issue) => translateZodIssue(issue, input));
}
