import jwt from 'jsonwebtoken';
import { ProblemException } from '../errors/problem.exception';
import { accessTokenClaimsSchema, COUNTY_CODE, TOWNSHIP_CODE, type Principal, type Role } from './principal';

const ALGORITHM = 'HS256';
const BEARER_CHALLENGE = { 'WWW-Authenticate': 'Bearer' };

export function unauthenticatedProblem(): ProblemException {
  return new ProblemException({
    status: 401,
    code: 'unauthenticated',
    title: { zh: '请先登录', en: 'Authentication required' },
    detail: { zh: '请先登录后再操作。', en: 'Send a bearer token in the Authorization header.' },
    headers: BEARER_CHALLENGE,
  });
}

export function tokenExpiredProblem(): ProblemException {
  return new ProblemException({
    status: 401,
    code: 'token-expired',
    title: { zh: '登录已过期', en: 'Token expired' },
    detail: { zh: '登录已过期，请重新登录。', en: 'The bearer token has expired.' },
    headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
  });
}

export function invalidTokenProblem(): ProblemException {
  return new ProblemException({
    status: 401,
    code: 'invalid-token',
    title: { zh: '登录凭证无效', en: 'Invalid token' },
    detail: { zh: '登录凭证无效，请重新登录。', en: 'The bearer token is invalid.' },
    headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
  });
}

/** Verifies an HS256 access token and returns its principal; throws 401 problems otherwise. */
export function verifyAccessToken(token: string, secret: string): Principal {
  let payload: unknown;
  try {
    payload = jwt.verify(token, secret, { algorithms: [ALGORITHM] });
  } catch (err) {
    if (err instanceof jwt.TokenExpiredError) throw tokenExpiredProblem();
    throw invalidTokenProblem();
  }
  const claims = accessTokenClaimsSchema.safeParse(payload);
  if (!claims.success) throw invalidTokenProblem();
  const { sub, name, role, counties, townships } = claims.data;
  return { userId: sub, name, role, counties, townships };
}

/** `Authorization: Bearer <token>` → token, else undefined. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? /^Bearer\s+(\S+)\s*$/i.exec(value) : null;
  return match?.[1];
}

export interface DevTokenOptions {
  role: Role;
  /**
   * Division codes: 6-digit codes go to `counties`, 9-digit codes to `townships`. A township code
   * does not imply its county: a township user sees that township only.
   */
  divisions: readonly string[];
  name?: string;
  /** Defaults to `dev-<role>`. */
  sub?: string;
  secret: string;
  /** `30d`, `8h`, or seconds. Defaults to 8h. */
  expiresIn?: string | number;
}

/** Signs a token for development and tests (production tokens come from the identity provider). */
export function signDevToken(options: DevTokenOptions): string {
  const counties: string[] = [];
  const townships: string[] = [];
  for (const code of options.divisions) {
    if (COUNTY_CODE.test(code)) counties.push(code);
    else if (TOWNSHIP_CODE.test(code)) townships.push(code);
    else throw new Error(`Division code "${code}" is neither a 6-digit county nor a 9-digit township code`);
  }
  const claims = { sub: options.sub ?? `dev-${options.role}`, name: options.name ?? '', role: options.role, counties, townships };
  return jwt.sign(claims, options.secret, {
    algorithm: ALGORITHM,
    expiresIn: (options.expiresIn ?? '8h') as jwt.SignOptions['expiresIn'],
  });
}
