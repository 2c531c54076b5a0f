import { z } from 'zod';
import { localized, paginationShape } from '@xiaojian/platform';
import { countyCodeParam, townshipCodeParam } from '../../common/scope';
import { validateWebhookUrl } from '../../delivery/transports/webhook.transport';

const fields = {
  countyCode: countyCodeParam,
  /** null or absent: the subscriber receives the county summary. */
  townshipCode: townshipCodeParam.nullable().optional(),
  name: z.string().trim().min(1).max(200),
  kind: z.enum(['webhook', 'email'], localized('订阅方式只能是 webhook 或 email', 'kind must be webhook or email')),
  url: z.string().max(2000).optional(),
  address: z.email(localized('邮箱地址格式不正确', 'not a valid e-mail address')).optional(),
  secret: z.string().min(16, localized('签名密钥至少 16 个字符', 'secret must have at least 16 characters')).max(200).optional(),
  format: z.enum(['html', 'pdf', 'md', 'json'], localized('格式只能是 html、pdf、md 或 json', 'format must be html, pdf, md or json')).optional(),
  language: z.enum(['zh-CN', 'en'], localized('语言只能是 zh-CN 或 en', 'language must be zh-CN or en')).optional(),
  active: z.boolean().optional(),
};

export const createSubscriberSchema = z.object(fields).strict();
export type CreateSubscriber = z.output<typeof createSubscriberSchema>;

export const updateSubscriberSchema = z
  .object({
    name: fields.name.optional(),
    url: fields.url,
    address: fields.address,
    secret: fields.secret,
    format: fields.format,
    language: fields.language,
    active: fields.active,
  })
  .strict();
export type UpdateSubscriber = z.output<typeof updateSubscriberSchema>;

export const subscriberListSchema = z.object({
  ...paginationShape,
  county: countyCodeParam.optional(),
  township: townshipCodeParam.optional(),
});
export type SubscriberListQuery = z.output<typeof subscriberListSchema>;

export interface SubscriberShape {
  countyCode: string;
  townshipCode: string | null;
  kind: 'webhook' | 'email';
  target: string;
  secret: string | null;
}

/** Cross-field rules, checked on create and after an update is merged. Returns [field, zh, en] problems. */
export function subscriberProblems(s: SubscriberShape): { field: string; zh: string; en: string }[] {
  const problems: { field: string; zh: string; en: string }[] = [];
  if (s.townshipCode && !s.townshipCode.startsWith(s.countyCode)) {
    problems.push({ field: 'townshipCode', zh: '乡镇区划代码不属于该县', en: 'townshipCode must lie in countyCode' });
  }
  if (s.kind === 'webhook') {
    const check = validateWebhookUrl(s.target);
    if (!check.ok) problems.push({ field: 'url', zh: check.message, en: check.message });
    if (!s.secret) problems.push({ field: 'secret', zh: 'webhook 订阅必须设置签名密钥（至少 16 个字符）', en: 'a webhook subscriber needs a secret (16+ characters)' });
  } else if (!z.email().safeParse(s.target).success) {
    problems.push({ field: 'address', zh: '邮件订阅必须填写有效的邮箱地址', en: 'an e-mail subscriber needs a valid address' });
  }
  return problems;
}
