import { z } from 'zod';
import type { LocalizedText } from '../errors/problem.types';

export const ROLES = ['planner', 'finance', 'township', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, LocalizedText> = {
  planner: { zh: '规划（基建）股', en: 'planning' },
  finance: { zh: '计财股', en: 'finance' },
  township: { zh: '乡镇（街道）', en: 'township' },
  leader: { zh: '县领导（督导）', en: 'county leadership' },
  admin: { zh: '系统管理员', en: 'administrator' },
};

export const COUNTY_CODE = /^\d{6}$/;
export const TOWNSHIP_CODE = /^\d{9}$/;

/** The claims of an access token (HS256). */
export const accessTokenClaimsSchema = z.object({
  sub: z.string().min(1),
  name: z.string().default(''),
  role: z.enum(ROLES),
  counties: z.array(z.string().regex(COUNTY_CODE)).default([]),
  townships: z.array(z.string().regex(TOWNSHIP_CODE)).default([]),
});
export type AccessTokenClaims = z.input<typeof accessTokenClaimsSchema>;

/** The authenticated user, as `@CurrentUser()` returns it. */
export interface Principal {
  userId: string;
  name: string;
  role: Role;
  /** 6-digit county division codes. */
  counties: readonly string[];
  /** 9-digit township division codes. */
  townships: readonly string[];
}
